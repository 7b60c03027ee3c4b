// The alarm replay end to end on events: period boundaries (aligned to the
// epoch, start included, end excluded), events out of order, events without
// a time, metric values and the default value, with hand-checked datapoints.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cwlf/alarm.h"

using namespace cwlf;

namespace {

AlarmReplayResult replay(const char* pattern, const std::vector<std::string>& events, AlarmSettings a,
                         MetricDefinition m = {}, std::string time_field = "") {
  CompileResult c = compile_pattern(pattern);
  REQUIRE(c.pattern);
  REQUIRE_FALSE(validate_metric(*c.pattern, m));
  AlarmReplay r(c.pattern, m, a, time_field);
  for (const std::string& e : events) r.add(e);
  return r.finish();
}

std::string ev(const char* name, const char* time, int bytes = 1) {
  return std::string("{\"eventName\":\"") + name + "\",\"eventTime\":\"" + time + "\",\"bytes\":" +
         std::to_string(bytes) + "}";
}

}  // namespace

TEST_CASE("alarm replay: periods aligned to the epoch, the start included and the end excluded, in any order") {
  AlarmSettings a;
  a.period_seconds = 300;
  a.threshold = 2;
  const std::vector<std::string> events = {
      ev("ConsoleLogin", "2026-11-01T00:05:00Z"),      // period 00:05
      ev("ConsoleLogin", "2026-11-01T00:04:59.999Z"),  // period 00:00
      ev("ConsoleLogin", "2026-11-01T00:09:59Z"),      // period 00:05
      ev("GetObject", "2026-11-01T00:07:00Z"),         // no match
      ev("ConsoleLogin", "2026-11-01T00:20:00Z"),      // period 00:20
      "{\"eventName\":\"ConsoleLogin\"}",              // no time: left out
      "{\"eventName\":\"ConsoleLogin\",\"eventTime\":\"yesterday\"}",
  };
  const AlarmReplayResult r = replay("{ $.eventName = ConsoleLogin }", events, a);
  CHECK(r.matched == 4);
  CHECK(r.without_time == 2);
  REQUIRE(r.datapoints.size() == 3);
  CHECK(format_utc_time(r.datapoints[0].start_ms) == "2026-11-01T00:00:00Z");
  CHECK(r.datapoints[0].sum == 1);
  CHECK(format_utc_time(r.datapoints[1].start_ms) == "2026-11-01T00:05:00Z");
  CHECK(r.datapoints[1].sum == 2);
  CHECK(format_utc_time(r.datapoints[2].start_ms) == "2026-11-01T00:20:00Z");
  // Evaluated from 00:00 to 00:20: 5 periods; only 00:05 reaches 2.
  CHECK(r.history.evaluations.size() == 5);
  REQUIRE(r.history.alarms.size() == 1);
  CHECK(format_utc_time(r.history.alarms[0].start_ms) == "2026-11-01T00:05:00Z");
  CHECK(format_utc_time(r.history.alarms[0].end_ms) == "2026-11-01T00:10:00Z");
  CHECK(r.history.alarms[0].events == 2);
  // Reversed order: the same answer.
  const AlarmReplayResult back =
      replay("{ $.eventName = ConsoleLogin }", std::vector<std::string>(events.rbegin(), events.rend()), a);
  CHECK(back.history.alarms.size() == 1);
  CHECK(back.history.alarms[0].start_ms == r.history.alarms[0].start_ms);
}

TEST_CASE("alarm replay: the metric value and each statistic over it") {
  AlarmSettings a;
  a.period_seconds = 60;
  a.threshold = 100;
  MetricDefinition m;
  m.value = "$.bytes";
  const std::vector<std::string> events = {ev("GetObject", "2026-11-01T10:00:01Z", 40),
                                           ev("GetObject", "2026-11-01T10:00:30Z", 80),
                                           ev("GetObject", "2026-11-01T10:00:59Z", 30),
                                           ev("GetObject", "2026-11-01T10:01:10Z", 99)};
  const std::pair<Statistic, const char*> rows[] = {{Statistic::Sum, "A-"},     {Statistic::SampleCount, "--"},
                                                    {Statistic::Average, "--"}, {Statistic::Minimum, "--"},
                                                    {Statistic::Maximum, "--"}};
  for (const auto& [s, want] : rows) {
    a.statistic = s;
    INFO(name_of(s));
    const AlarmReplayResult r = replay("{ $.eventName = GetObject }", events, a, m);
    REQUIRE(r.datapoints.size() == 2);
    const double first[] = {150, 3, 50, 30, 80};
    CHECK(statistic_value(r.datapoints[0], s) == first[static_cast<int>(s)]);
    std::string got;
    for (const AlarmEvaluation& e : r.history.evaluations) got += e.state == AlarmState::Alarm ? 'A' : '-';
    CHECK(got == want);
  }
}

TEST_CASE("alarm replay: the default value fills the minutes with events but no match, not the empty ones") {
  AlarmSettings a;
  a.period_seconds = 60;
  a.threshold = 1;
  a.comparison = Comparison::LessThan;  // alarm when no login happens in a minute with traffic
  MetricDefinition m;
  m.default_value = "0";
  const std::vector<std::string> events = {ev("ConsoleLogin", "2026-11-01T10:00:05Z"),
                                           ev("GetObject", "2026-11-01T10:00:10Z"),  // minute with a match: no default
                                           ev("GetObject", "2026-11-01T10:01:10Z"),  // default 0
                                           ev("ConsoleLogin", "2026-11-01T10:04:00Z")};  // 10:02, 10:03 empty
  const AlarmReplayResult r = replay("{ $.eventName = ConsoleLogin }", events, a, m);
  REQUIRE(r.datapoints.size() == 3);
  CHECK(r.datapoints[1].sum == 0);
  CHECK(r.datapoints[1].events == 0);
  std::string got;
  for (const AlarmEvaluation& e : r.history.evaluations)
    got += e.state == AlarmState::Alarm ? 'A' : e.state == AlarmState::Ok ? 'O' : 'I';
  CHECK(got == "OAIIO");
}

TEST_CASE("alarm replay: --time-field and millisecond timestamps") {
  AlarmSettings a;
  a.period_seconds = 60;
  a.threshold = 1;
  const AlarmReplayResult r = replay("{ $.level = ERROR }",
                                     {"{\"level\":\"ERROR\",\"meta\":{\"at\":\"2026-11-01T10:00:00Z\"}}",
                                      "{\"level\":\"ERROR\",\"meta\":{}}"},
                                     a, {}, "$.meta.at");
  CHECK(r.matched == 1);
  CHECK(r.without_time == 1);
  // A plain line has no time: when it matches it is counted as such.
  const AlarmReplayResult text = replay("ERROR", {"ERROR in a plain line", "fine", "{\"m\":\"ERROR\",\"timestamp\":0}"}, a);
  CHECK(text.without_time == 1);
  CHECK(text.matched == 1);
  const AlarmReplayResult ms = replay("{ $.level = ERROR }", {"{\"level\":\"ERROR\",\"timestamp\":1793491594123}"}, a);
  REQUIRE(ms.datapoints.size() == 1);
  CHECK(format_utc_time(ms.datapoints[0].start_ms) == "2026-11-01T00:06:00Z");
}
