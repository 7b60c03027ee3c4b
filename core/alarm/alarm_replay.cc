// AlarmReplay: events -> the metric filter's samples per minute -> one
// datapoint per period -> evaluate_alarm(). Events may come in any order: the
// samples are kept per period (and per minute, for the default value), so
// memory grows with the number of periods, not of events.
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "cwlf/alarm.h"
#include "evaluate.h"
#include "json_doc.h"

namespace cwlf {

namespace {

constexpr size_t kMaxPeriods = 1000000;  // periods (and minutes) with data
constexpr int64_t kMinute = 60000;

}  // namespace

struct AlarmReplay::Impl {
  std::shared_ptr<const Pattern> pattern;
  MetricDefinition metric;
  AlarmSettings settings;
  std::vector<std::string> time_path;  // member names; empty: eventTime, else timestamp
  std::map<int64_t, PeriodStats> periods;
  // Minutes with events but no match, and minutes with a match: a default
  // value is published for the first that are not among the second.
  std::map<int64_t, bool> minute_matched;
  AlarmReplayResult result;
  bool too_many = false;

  std::optional<int64_t> time_of(const JsonDoc& doc) const {
    if (doc.nodes.empty() || doc.nodes[0].type != JsonType::Object) return std::nullopt;
    uint32_t node = 0;
    if (time_path.empty()) {
      node = doc.member(0, "eventTime");
      if (node == kNoNode) node = doc.member(0, "timestamp");
    } else {
      for (const std::string& name : time_path) {
        if (node == kNoNode || doc.nodes[node].type != JsonType::Object) return std::nullopt;
        node = doc.member(node, name);
      }
    }
    if (node == kNoNode) return std::nullopt;
    const JsonNode& n = doc.nodes[node];
    if (n.type == JsonType::String) return parse_utc_time(doc.text(n));
    if (n.type == JsonType::Number) {  // milliseconds since the epoch, as CloudWatch's timestamps
      const std::string text(doc.text(n));
      char* end = nullptr;
      const double v = std::strtod(text.c_str(), &end);
      if (end != text.c_str() + text.size() || !std::isfinite(v) || std::fabs(v) > 1e15) return std::nullopt;
      return static_cast<int64_t>(std::floor(v));
    }
    return std::nullopt;
  }

  int64_t align(int64_t t, int64_t step) const {
    int64_t q = t / step;
    if (t % step != 0 && t < 0) --q;
    return q * step;
  }

  void sample(int64_t minute, double v, bool matched_event) {
    const int64_t step = settings.period_seconds * 1000;
    const int64_t start = align(minute, step);
    auto it = periods.find(start);
    if (it == periods.end()) {
      if (periods.size() >= kMaxPeriods) {
        too_many = true;
        return;
      }
      it = periods.emplace(start, PeriodStats{start, 0, 0, v, v, 0}).first;
    }
    PeriodStats& p = it->second;
    p.min = p.samples ? std::min(p.min, v) : v;
    p.max = p.samples ? std::max(p.max, v) : v;
    ++p.samples;
    p.sum += v;
    p.events += matched_event;
  }
};

AlarmReplay::AlarmReplay(std::shared_ptr<const Pattern> pattern, MetricDefinition metric, AlarmSettings settings,
                         std::string time_field)
    : impl_(std::make_unique<Impl>()) {
  impl_->pattern = std::move(pattern);
  impl_->metric = std::move(metric);
  impl_->settings = settings;
  if (time_field.rfind("$.", 0) == 0) {
    std::string rest = time_field.substr(2);
    size_t at = 0;
    while (at <= rest.size()) {
      size_t dot = rest.find('.', at);
      if (dot == std::string::npos) dot = rest.size();
      impl_->time_path.push_back(rest.substr(at, dot - at));
      at = dot + 1;
    }
  }
}

AlarmReplay::~AlarmReplay() = default;

bool AlarmReplay::needs_every_event() const { return impl_->metric.default_value.has_value(); }

void AlarmReplay::add_error() {
  ++impl_->result.events;
  ++impl_->result.errors;
}

void AlarmReplay::add(std::string_view message) {
  Impl& m = *impl_;
  ++m.result.events;
  Event ev;
  ev.span = Span{0, static_cast<uint32_t>(message.size())};
  ev.message.assign(message.data(), message.size());
  // A message that is not JSON (a plain line) has no time to read: if it
  // matches it is counted among the events without a time.
  JsonParseResult parsed = parse_json(ev.message);
  if (parsed.error) parsed.doc = JsonDoc();
  const std::optional<int64_t> t = m.time_of(parsed.doc);  // none when not a JSON object
  if (!parsed.doc.nodes.empty() && parsed.doc.nodes[0].type == JsonType::Object) ev.json = std::move(parsed.doc);
  const EventResult r = evaluate(*m.pattern, ev, false);
  if (!t) {
    if (r.matched) ++m.result.without_time;
    return;
  }
  const Datapoint d = metric_for_event(*m.pattern, m.metric, ev, r);
  const int64_t minute = m.align(*t, kMinute);
  if (r.matched) {
    ++m.result.matched;
    if (d.kind == Datapoint::Kind::Value) m.sample(*t, d.value, true);
    if (m.metric.default_value) {  // minutes are tracked only for the default value
      if (m.minute_matched.size() >= kMaxPeriods && !m.minute_matched.count(minute)) {
        m.too_many = true;
        return;
      }
      m.minute_matched[minute] = true;
    }
  } else if (d.kind == Datapoint::Kind::Default) {
    if (m.minute_matched.size() >= kMaxPeriods && !m.minute_matched.count(minute)) {
      m.too_many = true;
      return;
    }
    m.minute_matched.emplace(minute, false);
  }
}

AlarmReplayResult AlarmReplay::finish() {
  Impl& m = *impl_;
  if (m.metric.default_value) {
    const double dv = std::strtod(m.metric.default_value->c_str(), nullptr);
    for (const auto& [minute, matched] : m.minute_matched)
      if (!matched) m.sample(minute, dv, false);
  }
  AlarmReplayResult out = std::move(m.result);
  if (m.too_many) {
    out.error = "More than " + std::to_string(kMaxPeriods) +
                " periods (or minutes) hold data; use a longer period or fewer files.";
    return out;
  }
  for (auto& [start, p] : m.periods) out.datapoints.push_back(p);
  if (!out.datapoints.empty()) {
    const int64_t from = out.datapoints.front().start_ms, to = out.datapoints.back().start_ms;
    if ((to - from) / (m.settings.period_seconds * 1000) >= static_cast<int64_t>(kMaxPeriods)) {
      out.error = "The events span more than " + std::to_string(kMaxPeriods) + " periods; use a longer period.";
      return out;
    }
    out.history = evaluate_alarm(out.datapoints, m.settings, from, to);
  }
  return out;
}

}  // namespace cwlf
