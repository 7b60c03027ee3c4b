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

namespace {

std::string by(const char* type, const char* time) {
  return std::string("{\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"") + type +
         "\"},\"eventTime\":\"" + time + "\"}";
}

}  // namespace

TEST_CASE("alarm replay: matching events per period by identity type, most frequent first") {
  AlarmSettings a;
  a.period_seconds = 300;
  const std::vector<std::string> events = {
      by("IAMUser", "2026-11-01T00:01:00Z"),
      by("Root", "2026-11-01T00:02:00Z"),
      by("Root", "2026-11-01T00:06:00Z"),
      by("Root", "2026-11-01T00:07:00Z"),
      ev("ConsoleLogin", "2026-11-01T00:08:00Z"),  // no userIdentity
      "{\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":7},\"eventTime\":\"2026-11-01T00:09:00Z\"}",
      "{\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"\"},\"eventTime\":\"2026-11-01T00:09:30Z\"}",
      "{\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"AWSService\"},\"eventTime\":\"2026-11-01T00:09:00Z\"}",
  };
  const AlarmReplayResult r = replay("{ $.eventName = ConsoleLogin }", events, a);
  REQUIRE(r.datapoints.size() == 2);
  // Root 3, (none) 3 (no identity, a type that is not a string, an empty type), IAMUser 1;
  // the non-matching AWSService event is not counted. Root and (none) tie at 3: the
  // first seen (Root) comes first.
  CHECK(r.identity_types == std::vector<std::string>{"Root", "(none)", "IAMUser"});
  REQUIRE(r.identity_counts.size() == 2);
  CHECK(r.identity_counts[0] == std::vector<uint64_t>{1, 0, 1});
  CHECK(r.identity_counts[1] == std::vector<uint64_t>{2, 3, 0});
  for (size_t i = 0; i < r.datapoints.size(); ++i) {
    uint64_t total = 0;
    for (uint64_t n : r.identity_counts[i]) total += n;
    CHECK(total == r.datapoints[i].events);
  }
}

TEST_CASE("alarm replay: identity types past the first eight are counted as (other), long ones cut") {
  AlarmSettings a;
  a.period_seconds = 60;
  std::vector<std::string> events;
  for (int i = 0; i < 10; ++i) {
    const std::string type = "T" + std::to_string(i);
    for (int k = 0; k <= i; ++k) events.push_back(by(type.c_str(), "2026-11-01T00:00:30Z"));
  }
  // 70 bytes: "é" (2 bytes) would be cut in half at byte 64.
  const std::string long_type = std::string(63, 'x') + "\xc3\xa9" + std::string(5, 'y');
  events.push_back(by(long_type.c_str(), "2026-11-01T00:00:30Z"));
  const AlarmReplayResult r = replay("{ $.eventName = ConsoleLogin }", events, a);
  // T0..T7 seen first (1..8 events each), T8 (9), T9 (10) and the long one (1) are "(other)": 20.
  REQUIRE(r.identity_types.size() == 9);
  CHECK(r.identity_types.front() == "T7");
  CHECK(r.identity_types[7] == "T0");
  CHECK(r.identity_types.back() == "(other)");
  CHECK(r.identity_counts[0].back() == 20);

  std::vector<std::string> cut = {by(long_type.c_str(), "2026-11-01T00:00:30Z")};
  const AlarmReplayResult c = replay("{ $.eventName = ConsoleLogin }", cut, a);
  REQUIRE(c.identity_types.size() == 1);
  CHECK(c.identity_types[0] == std::string(63, 'x'));
}

TEST_CASE("alarm replay: list_period keeps the first matching events of one period and counts the rest") {
  AlarmSettings a;
  a.period_seconds = 300;
  CompileResult c = compile_pattern("{ $.eventName = ConsoleLogin }");
  REQUIRE(c.pattern);
  AlarmReplay r(c.pattern, {}, a, "");
  r.list_period(*parse_utc_time("2026-11-01T00:05:00Z"), *parse_utc_time("2026-11-01T00:10:00Z"), 2);
  r.add(ev("ConsoleLogin", "2026-11-01T00:04:59Z"), 0);  // before the window
  r.add(ev("ConsoleLogin", "2026-11-01T00:09:00Z"), 1);
  r.add(ev("GetObject", "2026-11-01T00:06:00Z"), 1);     // in the window, no match
  r.add(ev("ConsoleLogin", "2026-11-01T00:05:00Z"), 2);  // the window's start is in it
  r.add(ev("ConsoleLogin", "2026-11-01T00:07:00Z"), 3);  // past the cap: counted only
  r.add(ev("ConsoleLogin", "2026-11-01T00:10:00Z"), 3);  // the window's end is not in it
  const AlarmReplayResult out = r.finish();
  CHECK(out.listed_total == 3);
  REQUIRE(out.listed.size() == 2);
  CHECK(out.listed[0].message == ev("ConsoleLogin", "2026-11-01T00:09:00Z"));
  CHECK(out.listed[0].source == 1);
  CHECK(out.listed[1].source == 2);
  CHECK(out.matched == 5);
}
