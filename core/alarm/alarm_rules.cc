// The alarm's rules: settings validated as PutMetricAlarm does, each
// period's statistic, and the state evaluated at the end of every period (M
// out of N, missing-data treatments). Sources in docs/semantics.md, "Alarm".
#include <algorithm>
#include <string>

#include "cwlf/alarm.h"
#include "cwlf/i18n.h"

namespace cwlf {

namespace {

constexpr const char* kComparisons[] = {"GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold",
                                        "LessThanOrEqualToThreshold"};
constexpr const char* kStatistics[] = {"Sum", "SampleCount", "Average", "Minimum", "Maximum"};
constexpr const char* kMissing[] = {"missing", "notBreaching", "breaching", "ignore"};
constexpr const char* kStates[] = {"INSUFFICIENT_DATA", "OK", "ALARM"};

template <class E, size_t N>
std::optional<E> named(const char* const (&names)[N], std::string_view name) {
  for (size_t i = 0; i < N; ++i)
    if (name == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::optional<Comparison> comparison_named(std::string_view n) { return named<Comparison>(kComparisons, n); }
std::optional<Statistic> statistic_named(std::string_view n) { return named<Statistic>(kStatistics, n); }
std::optional<MissingData> missing_data_named(std::string_view n) { return named<MissingData>(kMissing, n); }
const char* name_of(Comparison c) { return kComparisons[static_cast<size_t>(c)]; }
const char* name_of(Statistic s) { return kStatistics[static_cast<size_t>(s)]; }
const char* name_of(MissingData m) { return kMissing[static_cast<size_t>(m)]; }
const char* name_of(AlarmState s) { return kStates[static_cast<size_t>(s)]; }

std::optional<std::string> validate_alarm(const AlarmSettings& a) {
  const int64_t p = a.period_seconds;
  if (!(p == 10 || p == 20 || p == 30 || (p > 0 && p % 60 == 0)))
    return say("alarm.rule.period", {{"period", std::to_string(p)}});
  if (a.evaluation_periods < 1) return say("alarm.rule.evaluation-periods");
  const int64_t range = p * static_cast<int64_t>(a.evaluation_periods);
  if (p < 3600 && range > 86400)
    return say("alarm.rule.range-day", {{"range", std::to_string(range)}});
  if (range > 604800)
    return say("alarm.rule.range-week", {{"range", std::to_string(range)}});
  if (a.datapoints_to_alarm > a.evaluation_periods)
    return say("alarm.rule.datapoints", {{"m", std::to_string(a.datapoints_to_alarm)}, {"n", std::to_string(a.evaluation_periods)}});
  return std::nullopt;
}

double statistic_value(const PeriodStats& p, Statistic s) {
  switch (s) {
    case Statistic::Sum: return p.sum;
    case Statistic::SampleCount: return static_cast<double>(p.samples);
    case Statistic::Average: return p.samples ? p.sum / static_cast<double>(p.samples) : 0;
    case Statistic::Minimum: return p.min;
    case Statistic::Maximum: return p.max;
  }
  return 0;
}

bool breaches(double v, const AlarmSettings& a) {
  switch (a.comparison) {
    case Comparison::GreaterThanOrEqual: return v >= a.threshold;
    case Comparison::GreaterThan: return v > a.threshold;
    case Comparison::LessThan: return v < a.threshold;
    case Comparison::LessThanOrEqual: return v <= a.threshold;
  }
  return false;
}

// The state for one evaluation range: `real` datapoints present, `bad` of
// them breaching, `gaps` periods missing.
static AlarmState state_for(uint32_t real, uint32_t bad, uint32_t gaps, AlarmState previous, const AlarmSettings& a) {
  const uint32_t m = a.m();
  // With at least M real datapoints, only they are evaluated (AWS: missing
  // points are filled in only when fewer than M real ones were retrieved).
  if (real >= m) return bad >= m ? AlarmState::Alarm : AlarmState::Ok;
  switch (a.missing) {
    case MissingData::Breaching: return bad + gaps >= m ? AlarmState::Alarm : AlarmState::Ok;
    case MissingData::NotBreaching: return AlarmState::Ok;  // bad < real < m
    case MissingData::Missing: return real == 0 ? AlarmState::InsufficientData : AlarmState::Ok;
    case MissingData::Ignore: return previous;
  }
  return previous;
}

AlarmHistory evaluate_alarm(const std::vector<PeriodStats>& points, const AlarmSettings& a, int64_t from_ms,
                            int64_t to_ms) {
  AlarmHistory h;
  const int64_t step = a.period_seconds * 1000;
  const uint32_t n = a.evaluation_periods;
  if (step <= 0 || n == 0 || to_ms < from_ms) return h;
  // Each period's verdict, kept for the N - 1 that follow (a ring).
  enum Seen : uint8_t { Gap, Good, Bad };
  std::vector<Seen> ring(n, Gap);
  std::vector<uint64_t> ring_events(n, 0);
  uint32_t real = 0, bad = 0;
  uint64_t window_events = 0;
  size_t next = std::lower_bound(points.begin(), points.end(), from_ms - step * (n - 1),
                                 [](const PeriodStats& p, int64_t t) { return p.start_ms < t; }) -
                points.begin();
  AlarmState state = AlarmState::InsufficientData;
  AlarmInterval open;
  bool in_alarm = false;
  uint64_t k = 0;
  for (int64_t t = from_ms - step * (n - 1); t <= to_ms; t += step, ++k) {
    const size_t slot = k % n;
    // The period leaving the range.
    if (ring[slot] != Gap) --real;
    if (ring[slot] == Bad) --bad;
    window_events -= ring_events[slot];
    ring[slot] = Gap;
    ring_events[slot] = 0;
    while (next < points.size() && points[next].start_ms < t) ++next;
    if (next < points.size() && points[next].start_ms == t && points[next].samples > 0) {
      const bool b = breaches(statistic_value(points[next], a.statistic), a);
      ring[slot] = b ? Bad : Good;
      ring_events[slot] = points[next].events;
      ++real;
      bad += b;
      window_events += points[next].events;
    }
    if (t < from_ms) continue;  // filling the first range
    state = state_for(real, bad, n - real, state, a);
    h.evaluations.push_back({t, state});
    if (state == AlarmState::Alarm && !in_alarm) {
      in_alarm = true;
      open = AlarmInterval{t, t + step, window_events, false};
    } else if (state == AlarmState::Alarm) {
      open.end_ms = t + step;
      open.events += ring_events[slot];
    } else if (in_alarm) {
      in_alarm = false;
      h.alarms.push_back(open);
    }
  }
  if (in_alarm) {
    open.open = true;
    h.alarms.push_back(open);
  }
  return h;
}

}  // namespace cwlf
