// The alarm's rules, each with hand-checked expected states and ALARM
// intervals (docs/semantics.md, "Alarm"). A row of periods is written as a
// string: 'X' a datapoint that breaches (value 10 against >= 5), '0' one
// that does not (value 0), '-' a missing period. States: 'I'
// INSUFFICIENT_DATA, 'O' OK, 'A' ALARM, one per period evaluated.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cwlf/alarm.h"

using namespace cwlf;

namespace {

constexpr int64_t kStep = 60000;

struct Replayed {
  std::string states;
  std::vector<AlarmInterval> alarms;
};

Replayed run(const std::string& row, uint32_t n, uint32_t m, MissingData missing) {
  AlarmSettings a;
  a.period_seconds = 60;
  a.threshold = 5;
  a.evaluation_periods = n;
  a.datapoints_to_alarm = m;
  a.missing = missing;
  std::vector<PeriodStats> points;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '-') continue;
    const double v = row[i] == 'X' ? 10 : 0;
    points.push_back(PeriodStats{static_cast<int64_t>(i) * kStep, 1, v, v, v, 1});
  }
  const AlarmHistory h = evaluate_alarm(points, a, 0, static_cast<int64_t>(row.size() - 1) * kStep);
  Replayed r;
  for (const AlarmEvaluation& e : h.evaluations)
    r.states += e.state == AlarmState::Alarm ? 'A' : e.state == AlarmState::Ok ? 'O' : 'I';
  r.alarms = h.alarms;
  return r;
}

// Intervals as "start-end/events" in periods, '+' when still open.
std::string intervals(const Replayed& r) {
  std::string s;
  for (const AlarmInterval& x : r.alarms)
    s += (s.empty() ? "" : " ") + std::to_string(x.start_ms / kStep) + "-" + std::to_string(x.end_ms / kStep) + "/" +
         std::to_string(x.events) + (x.open ? "+" : "");
  return s;
}

}  // namespace

TEST_CASE("alarm: 1 of 1, every period decides alone, and a missing one is INSUFFICIENT_DATA") {
  const Replayed r = run("0X0XX-0", 1, 1, MissingData::Missing);
  CHECK(r.states == "OAOAAIO");
  CHECK(intervals(r) == "1-2/1 3-5/2");
}

TEST_CASE("alarm: M out of N, with each missing-data treatment") {
  struct Row {
    const char* periods;
    uint32_t n, m;
    MissingData missing;
    const char* states;
    const char* alarms;
  };
  const Row rows[] = {
      // 2 of 3. Periods before the first one are missing too.
      // i0 [- - X]: 1 real < M; i1 [- X 0]: 2 real, 1 bad; i2 [X 0 X]: 2 bad; i6 [0 X -]: 2 real, 1 bad;
      // i7 [X - X]: 2 real, 2 bad.
      {"X0X00X-X", 3, 2, MissingData::Missing, "OOAOOOOA", "2-3/3 7-8/2+"},
      {"X0X00X-X", 3, 2, MissingData::NotBreaching, "OOAOOOOA", "2-3/3 7-8/2+"},
      // breaching: i0 fills its 2 gaps as breaching (1 + 2 >= 2); with 2 real
      // points (i1, i6) only they count.
      {"X0X00X-X", 3, 2, MissingData::Breaching, "AOAOOOOA", "0-1/1 2-3/3 7-8/2+"},
      // ignore: i0 keeps the state it starts in.
      {"X0X00X-X", 3, 2, MissingData::Ignore, "IOAOOOOA", "2-3/3 7-8/2+"},
      // 2 of 2 with a whole range missing (i2).
      {"X--X", 2, 2, MissingData::Missing, "OOIO", ""},
      {"X--X", 2, 2, MissingData::NotBreaching, "OOOO", ""},
      {"X--X", 2, 2, MissingData::Breaching, "AAAA", "0-4/2+"},
      {"X--X", 2, 2, MissingData::Ignore, "IIII", ""},
      // ignore keeps ALARM through missing periods and ranges of one real
      // point; the interval's events: 2 in the range that raised it, then 1
      // in a period spent in ALARM (i3, not breaching).
      {"XX-0-", 2, 2, MissingData::Ignore, "IAAAA", "1-5/3+"},
      // missing: a range with one real point that does not breach is OK.
      {"XX-0-", 2, 2, MissingData::Missing, "OAOOO", "1-2/2"},
      // 3 of 5: i3 [- X X 0 X] and i4 [X X 0 X 0] hold 3 breaching, i5
      // [X 0 X 0 0] 2; i10 [0 0 X X X]. Events: the range's 4, then i4's 1.
      {"XX0X0000XXX", 5, 3, MissingData::Missing, "OOOAAOOOOOA", "3-5/5 10-11/5+"},
  };
  for (const Row& row : rows) {
    INFO(row.periods << " " << row.m << " of " << row.n << " missing data " << name_of(row.missing));
    const Replayed r = run(row.periods, row.n, row.m, row.missing);
    CHECK(r.states == row.states);
    CHECK(intervals(r) == row.alarms);
  }
}

TEST_CASE("alarm: each statistic of a period, and each comparison at the threshold") {
  const PeriodStats p{0, 3, 9, 1, 6, 3};  // samples 1, 2, 6
  CHECK(statistic_value(p, Statistic::Sum) == 9);
  CHECK(statistic_value(p, Statistic::SampleCount) == 3);
  CHECK(statistic_value(p, Statistic::Average) == 3);
  CHECK(statistic_value(p, Statistic::Minimum) == 1);
  CHECK(statistic_value(p, Statistic::Maximum) == 6);
  AlarmSettings a;
  a.threshold = 3;
  const std::pair<Comparison, bool> at_threshold[] = {{Comparison::GreaterThanOrEqual, true},
                                                      {Comparison::GreaterThan, false},
                                                      {Comparison::LessThan, false},
                                                      {Comparison::LessThanOrEqual, true}};
  for (const auto& [c, want] : at_threshold) {
    a.comparison = c;
    INFO(name_of(c));
    CHECK(breaches(3, a) == want);
    CHECK(breaches(2.5, a) == (c == Comparison::LessThan || c == Comparison::LessThanOrEqual));
  }
}

TEST_CASE("alarm: AWS's names and PutMetricAlarm's limits") {
  CHECK(comparison_named("GreaterThanThreshold") == Comparison::GreaterThan);
  CHECK_FALSE(comparison_named("GreaterThan"));
  CHECK(statistic_named("SampleCount") == Statistic::SampleCount);
  CHECK_FALSE(statistic_named("sum"));
  CHECK(missing_data_named("notBreaching") == MissingData::NotBreaching);
  CHECK_FALSE(missing_data_named("NotBreaching"));
  AlarmSettings a;
  for (int64_t ok : {10, 20, 30, 60, 300, 3600, 86400}) {
    a.period_seconds = ok;
    CHECK_FALSE(validate_alarm(a));
  }
  for (int64_t bad : {0, 5, 45, 90, 301}) {
    a.period_seconds = bad;
    CHECK(validate_alarm(a));
  }
  a.period_seconds = 60;
  a.evaluation_periods = 1440;  // one day of minutes
  CHECK_FALSE(validate_alarm(a));
  a.evaluation_periods = 1441;
  CHECK(validate_alarm(a)->find("86400") != std::string::npos);
  a.period_seconds = 3600;
  a.evaluation_periods = 168;  // 7 days of hours
  CHECK_FALSE(validate_alarm(a));
  a.evaluation_periods = 169;
  CHECK(validate_alarm(a)->find("604800") != std::string::npos);
  a.evaluation_periods = 3;
  a.datapoints_to_alarm = 4;
  CHECK(validate_alarm(a));
}

TEST_CASE("alarm: UTC times read and written") {
  CHECK(parse_utc_time("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_utc_time("2026-11-01T00:06:34Z") == int64_t(1793491594) * 1000);
  CHECK(parse_utc_time("2026-11-01T02:06:34.5+02:00") == int64_t(1793491594) * 1000 + 500);
  CHECK(parse_utc_time("2024-02-29T23:59:59.999Z") == int64_t(1709251199999));
  for (const char* bad : {"2026-11-01T00:06:34", "2026-13-01T00:00:00Z", "2026-11-01", "x", "2026-11-01T00:06:34Zx"})
    CHECK_FALSE(parse_utc_time(bad));
  CHECK(format_utc_time(int64_t(1793491594) * 1000) == "2026-11-01T00:06:34Z");
  CHECK(format_utc_time(0) == "1970-01-01T00:00:00Z");
  CHECK(format_utc_time(int64_t(1709251199999)) == "2024-02-29T23:59:59Z");
}
