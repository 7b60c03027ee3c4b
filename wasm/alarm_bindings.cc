// embind: AlarmScan, `cwlf alarm` for JavaScript (docs/api.md): the events of
// files fed chunk by chunk (as FileScan) replayed through the metric filter
// and a CloudWatch alarm; result() gives the datapoints per period and the
// ALARM intervals, the numbers a chart of the alarm's history draws.
//
//   const a = new cwlf.AlarmScan(pattern, { period: 300, threshold: 5, comparison, statistic,
//                                           evaluationPeriods, datapointsToAlarm, treatMissingData,
//                                           metricValue, defaultValue, timeField,
//                                           listFrom, listTo, listMax });   // list one period's events
//   a.reserve/feed as FileScan; a.endFile() after each file (listed events say which: source)
//   if (a.error()) ...   // the pattern's, the metric's or the alarm's settings' fault, as text
//   const ptr = a.reserve(n); cwlf.HEAPU8.set(chunk, ptr); a.feed(n);   // per file: a.endFile()
//   a.result() -> { error, matched, eventsWithoutTime,
//                   datapoints: [{ timestamp, start, value, count, breaching, byIdentity: [n per identityTypes] }],
//                   identityTypes: ['Root', 'IAMUser', …],   // userIdentity.type, most frequent first
//                   alarms: [{ start, end, startText, endText, events, open }],
//                   listed: [{ message, source }], listedTotal }   (times: ms since the epoch;
//                   source: the file's number, from 0; listed only when listMax > 0)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "chunk_feed.h"
#include "cwlf/alarm.h"
#include "cwlf/scanner.h"
#include "cwlf/pattern.h"

namespace {

using emscripten::val;

// A member of the settings object: its number, or `fallback` when absent.
double number_in(const val& o, const char* name, double fallback) {
  const val v = o[name];
  return v.isNumber() ? v.as<double>() : fallback;
}
// A whole number member; anything else (a fraction, negative, huge, not a
// number) is 0, which validate_alarm() refuses, never an out-of-range cast.
uint32_t whole_in(const val& o, const char* name, uint32_t fallback) {
  const val v = o[name];
  if (!v.isNumber()) return fallback;
  const double d = v.as<double>();
  return d >= 0 && d <= 10000000 && d == static_cast<double>(static_cast<uint32_t>(d)) ? static_cast<uint32_t>(d) : 0;
}
std::string text_in(const val& o, const char* name) {
  const val v = o[name];
  return v.isString() ? v.as<std::string>() : "";
}

class AlarmScan {
 public:
  AlarmScan(const std::string& pattern, val options) {
    cwlf::CompileResult c = cwlf::compile_pattern(pattern);
    if (!c.pattern) {
      error_ = c.error->message;
      return;
    }
    cwlf::AlarmSettings a;
    a.period_seconds = whole_in(options, "period", 300);
    a.threshold = number_in(options, "threshold", 1);
    a.evaluation_periods = whole_in(options, "evaluationPeriods", 1);
    a.datapoints_to_alarm = whole_in(options, "datapointsToAlarm", 0);
    if (!std::isfinite(a.threshold)) error_ = "The threshold must be a number.";
    const std::string comparison = text_in(options, "comparison"), statistic = text_in(options, "statistic"),
                      missing = text_in(options, "treatMissingData");
    if (!comparison.empty()) {
      if (auto v = cwlf::comparison_named(comparison)) a.comparison = *v; else error_ = "Unknown comparison " + comparison + ".";
    }
    if (!statistic.empty()) {
      if (auto v = cwlf::statistic_named(statistic)) a.statistic = *v; else error_ = "Unknown statistic " + statistic + ".";
    }
    if (!missing.empty()) {
      if (auto v = cwlf::missing_data_named(missing)) a.missing = *v; else error_ = "Unknown missing-data treatment " + missing + ".";
    }
    if (!error_.empty()) return;
    if (auto e = cwlf::validate_alarm(a)) {
      error_ = *e;
      return;
    }
    cwlf::MetricDefinition m;
    if (!text_in(options, "metricValue").empty()) m.value = text_in(options, "metricValue");
    if (!text_in(options, "defaultValue").empty()) m.default_value = text_in(options, "defaultValue");
    if (auto e = cwlf::validate_metric(*c.pattern, m)) {
      error_ = *e;
      return;
    }
    settings_ = a;
    filter_ = std::make_shared<const cwlf::EventFilter>(c.pattern);
    replay_ = std::make_unique<cwlf::AlarmReplay>(c.pattern, m, a, text_in(options, "timeField"));
    const uint32_t list_max = whole_in(options, "listMax", 0);
    if (list_max > 0) {
      const double from = number_in(options, "listFrom", 0), to = number_in(options, "listTo", 0);
      // Times beyond ±1e15 ms (30,000 years) are no time an event has.
      if (!(std::fabs(from) < 1e15 && std::fabs(to) < 1e15)) {
        error_ = "The period to list is not a time.";
        replay_.reset();
        return;
      }
      replay_->list_period(static_cast<int64_t>(from), static_cast<int64_t>(to), std::min<uint32_t>(list_max, 1000));
    }
    start_file();
  }
  std::string error() const { return error_; }
  uintptr_t reserve(size_t n) { return chunks_.reserve(n); }
  void feed(size_t n) { chunks_.feed(scanner_.get(), n); }
  // The end of one file: the next bytes begin another.
  void end_file() {
    if (!scanner_) return;
    scanner_->finish();
    ++source_;
    start_file();
  }
  val result() {
    val out = val::object();
    if (!replay_) {
      out.set("error", error_);
      return out;
    }
    scanner_->finish();
    scanner_.reset();
    const cwlf::AlarmReplayResult r = replay_->finish();
    replay_.reset();
    out.set("error", r.error ? val(*r.error) : val::null());
    out.set("matched", static_cast<double>(r.matched));
    out.set("eventsWithoutTime", static_cast<double>(r.without_time));
    val points = val::array();
    for (size_t i = 0; i < r.datapoints.size(); ++i) {
      const cwlf::PeriodStats& p = r.datapoints[i];
      val d = val::object();
      d.set("start", static_cast<double>(p.start_ms));
      d.set("timestamp", cwlf::format_utc_time(p.start_ms));
      d.set("value", cwlf::statistic_value(p, settings_.statistic));
      d.set("count", static_cast<double>(p.events));
      d.set("breaching", cwlf::breaches(cwlf::statistic_value(p, settings_.statistic), settings_));
      val split = val::array();
      if (i < r.identity_counts.size())
        for (size_t k = 0; k < r.identity_counts[i].size(); ++k) split.set(k, static_cast<double>(r.identity_counts[i][k]));
      d.set("byIdentity", split);
      points.set(i, d);
    }
    out.set("datapoints", points);
    val alarms = val::array();
    for (size_t i = 0; i < r.history.alarms.size(); ++i) {
      const cwlf::AlarmInterval& x = r.history.alarms[i];
      val a = val::object();
      a.set("start", static_cast<double>(x.start_ms));
      a.set("end", static_cast<double>(x.end_ms));
      a.set("startText", cwlf::format_utc_time(x.start_ms));
      a.set("endText", cwlf::format_utc_time(x.end_ms));
      a.set("events", static_cast<double>(x.events));
      a.set("open", x.open);
      alarms.set(i, a);
    }
    out.set("alarms", alarms);
    val types = val::array();
    for (size_t k = 0; k < r.identity_types.size(); ++k) types.set(k, r.identity_types[k]);
    out.set("identityTypes", types);
    val listed = val::array();
    for (size_t i = 0; i < r.listed.size(); ++i) {
      val e = val::object();
      e.set("message", r.listed[i].message);
      e.set("source", r.listed[i].source);
      listed.set(i, e);
    }
    out.set("listed", listed);
    out.set("listedTotal", static_cast<double>(r.listed_total));
    return out;
  }

 private:
  void start_file() {
    cwlf::ScanOptions o;
    o.every_event = replay_->needs_every_event();
    o.skip_lines = o.skip_records = !o.every_event;
    scanner_ = std::make_unique<cwlf::Scanner>(filter_, o, [this](const cwlf::ScannedEvent& ev) {
      if (ev.error)
        replay_->add_error();
      else
        replay_->add(ev.message, source_);
    });
  }

  std::string error_;
  uint32_t source_ = 0;  // the file being fed: endFile() calls so far
  cwlf::AlarmSettings settings_;
  std::shared_ptr<const cwlf::EventFilter> filter_;
  std::unique_ptr<cwlf::AlarmReplay> replay_;
  std::unique_ptr<cwlf::Scanner> scanner_;
  cwlf_js::ChunkFeed chunks_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_alarm_scan) {
  emscripten::class_<AlarmScan>("AlarmScan")
      .constructor<const std::string&, val>()
      .function("error", &AlarmScan::error)
      .function("reserve", &AlarmScan::reserve)
      .function("feed", &AlarmScan::feed)
      .function("endFile", &AlarmScan::end_file)
      .function("result", &AlarmScan::result);
}
