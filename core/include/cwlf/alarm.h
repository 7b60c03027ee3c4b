// A CloudWatch alarm on a metric filter's metric, replayed over past events:
// would it have fired, when, and with which events (`cwlf alarm`). The rules
// (periods aligned to the epoch in UTC, statistics, M out of N, missing-data
// treatments) are AWS's where documented; docs/semantics.md ("Alarm") lists
// each with its source and says what cwlf does where AWS is silent.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metric_filter.h"
#include "pattern.h"

namespace cwlf {

enum class Comparison : uint8_t { GreaterThanOrEqual, GreaterThan, LessThan, LessThanOrEqual };
enum class Statistic : uint8_t { Sum, SampleCount, Average, Minimum, Maximum };
enum class MissingData : uint8_t { Missing, NotBreaching, Breaching, Ignore };
enum class AlarmState : uint8_t { InsufficientData, Ok, Alarm };

struct AlarmSettings {
  int64_t period_seconds = 300;
  double threshold = 1;
  Comparison comparison = Comparison::GreaterThanOrEqual;
  Statistic statistic = Statistic::Sum;
  uint32_t evaluation_periods = 1;   // N
  uint32_t datapoints_to_alarm = 0;  // M; 0: N
  MissingData missing = MissingData::Missing;
  uint32_t m() const { return datapoints_to_alarm ? datapoints_to_alarm : evaluation_periods; }
};

// AWS's names (PutMetricAlarm): "GreaterThanOrEqualToThreshold", "Sum",
// "notBreaching", ... nullopt for any other name.
std::optional<Comparison> comparison_named(std::string_view name);
std::optional<Statistic> statistic_named(std::string_view name);
std::optional<MissingData> missing_data_named(std::string_view name);
const char* name_of(Comparison c);
const char* name_of(Statistic s);
const char* name_of(MissingData m);
const char* name_of(AlarmState s);

// nullopt when PutMetricAlarm would accept these settings; else why not.
std::optional<std::string> validate_alarm(const AlarmSettings& settings);

// One period's datapoint: the samples the metric filter published in it.
struct PeriodStats {
  int64_t start_ms = 0;   // aligned to the epoch: a multiple of the period
  uint64_t samples = 0;   // SampleCount
  double sum = 0, min = 0, max = 0;
  uint64_t events = 0;    // matching events in the period
};

// The statistic's value for a period with at least one sample.
double statistic_value(const PeriodStats& p, Statistic s);
bool breaches(double value, const AlarmSettings& settings);

struct AlarmInterval {
  int64_t start_ms = 0, end_ms = 0;  // [start, end): whole periods
  uint64_t events = 0;  // matching events in the periods evaluated for it (see docs/semantics.md)
  bool open = false;    // still in ALARM at the end of the data
};

struct AlarmEvaluation {
  int64_t period_start_ms = 0;
  AlarmState state = AlarmState::InsufficientData;
};

struct AlarmHistory {
  std::vector<AlarmEvaluation> evaluations;  // one per period from `from_ms` to `to_ms`
  std::vector<AlarmInterval> alarms;
};

// Evaluates the alarm at the end of every period from the one starting at
// `from_ms` to the one starting at `to_ms` (both aligned), over `datapoints`
// (sorted by start, at most one per period; periods absent are missing).
AlarmHistory evaluate_alarm(const std::vector<PeriodStats>& datapoints, const AlarmSettings& settings, int64_t from_ms,
                            int64_t to_ms);

// ---- Replaying events ------------------------------------------------------------

// An ISO 8601 UTC time (2026-11-01T00:06:34Z, fractions and ±hh:mm offsets
// allowed) as milliseconds since the epoch; nullopt if it is not one.
std::optional<int64_t> parse_utc_time(std::string_view text);
std::string format_utc_time(int64_t ms);  // 2026-11-01T00:05:00Z

// A matching event of the period asked for (AlarmReplay::list_period).
struct ListedEvent {
  std::string message;
  uint32_t source = 0;  // as given to add(): e.g. the file it came from
};

// At most this many identity types are counted one by one; the events of
// any later new type are counted together as kOtherIdentityType.
constexpr size_t kMaxIdentityTypes = 8;
constexpr const char* kOtherIdentityType = "(other)";
// Events with no identity type are counted as kNoIdentityType (cloudtrail.h).
// Longer identity types are cut (at a UTF-8 character boundary).
constexpr size_t kMaxIdentityTypeBytes = 64;

struct AlarmReplayResult {
  uint64_t events = 0, matched = 0;
  uint64_t without_time = 0;   // events whose time could not be read: left out
  uint64_t errors = 0;         // events that could not be tested
  std::vector<PeriodStats> datapoints;
  AlarmHistory history;
  std::optional<std::string> error;  // the replay could not be done (limits)
  // The matching events of each datapoint by CloudTrail identity type
  // (userIdentity.type): identity_types most frequent first ("(other)" last);
  // identity_counts[i][k]: events of datapoints[i] with identity_types[k].
  // They add up to datapoints[i].events.
  std::vector<std::string> identity_types;
  std::vector<std::vector<uint64_t>> identity_counts;
  // list_period(): the first matching events in the window, in the order
  // given, and how many the window holds in all.
  std::vector<ListedEvent> listed;
  uint64_t listed_total = 0;
};

// Collects the metric filter's datapoints from events given in any order,
// then evaluates the alarm over the periods from the first event to the last.
class AlarmReplay {
 public:
  // `time_field`: "$.a.b" (dotted members), or empty for CloudTrail's
  // eventTime, else a `timestamp` member (milliseconds since the epoch).
  AlarmReplay(std::shared_ptr<const Pattern> pattern, MetricDefinition metric, AlarmSettings settings,
              std::string time_field);
  ~AlarmReplay();
  // Also keep the first `max` matching events (with a value published)
  // whose time is in [from_ms, to_ms): the events of one period, listed.
  void list_period(int64_t from_ms, int64_t to_ms, size_t max);
  void add(std::string_view message, uint32_t source = 0);  // one event
  void add_error();                    // one event that could not be read
  // Whether add() must see events that cannot match (a default value: the
  // minutes in which only those occur publish it).
  bool needs_every_event() const;
  AlarmReplayResult finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cwlf
