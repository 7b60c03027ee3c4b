// AlarmReplay: events -> the metric filter's samples per minute -> one
// datapoint per period -> evaluate_alarm(). Events may come in any order: the
// samples are kept per period (and per minute, for the default value), so
// memory grows with the number of periods, not of events.
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "cwlf/alarm.h"
#include "cwlf/cloudtrail.h"
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
  // Identity types in the order first seen (at most kMaxIdentityTypes, then
  // one slot for the rest) and the matching events per period and type.
  std::vector<std::string> types;
  std::map<int64_t, std::vector<uint64_t>> type_counts;
  // list_period()'s window; listing when list_max > 0.
  int64_t list_from = 0, list_to = 0;
  size_t list_max = 0;

  size_t type_slot(const JsonDoc& doc) {
    std::string name = identity_type(doc);
    if (name.empty()) name = kNoIdentityType;
    if (name.size() > kMaxIdentityTypeBytes) {
      size_t cut = kMaxIdentityTypeBytes;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      name.resize(cut);
    }
    for (size_t i = 0; i < types.size(); ++i)
      if (types[i] == name) return i;
    if (types.size() < kMaxIdentityTypes) {
      types.push_back(std::move(name));
      return types.size() - 1;
    }
    return kMaxIdentityTypes;  // the "(other)" slot
  }

  void count_type(int64_t t, const JsonDoc& doc) {
    const size_t slot = type_slot(doc);
    std::vector<uint64_t>& counts = type_counts[align(t, settings.period_seconds * 1000)];
    if (counts.size() <= slot) counts.resize(slot + 1);
    ++counts[slot];
  }

  // result.identity_types / identity_counts from the counts per period, the
  // types ordered by how many events they have (ties: first seen first).
  void identity_split(AlarmReplayResult& out) const {
    std::vector<std::string> names = types;
    names.push_back(kOtherIdentityType);
    std::vector<uint64_t> totals(names.size(), 0);
    for (const auto& [start, counts] : type_counts)
      for (size_t k = 0; k < counts.size(); ++k) totals[k] += counts[k];
    std::vector<size_t> order;
    for (size_t k = 0; k < names.size(); ++k)
      if (totals[k]) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if ((a == kMaxIdentityTypes) != (b == kMaxIdentityTypes)) return b == kMaxIdentityTypes;  // "(other)" last
      return totals[a] > totals[b];
    });
    for (size_t k : order) out.identity_types.push_back(names[k]);
    for (const PeriodStats& p : out.datapoints) {
      std::vector<uint64_t> row(order.size(), 0);
      auto it = type_counts.find(p.start_ms);
      if (it != type_counts.end())
        for (size_t j = 0; j < order.size(); ++j)
          if (order[j] < it->second.size()) row[j] = it->second[order[j]];
      out.identity_counts.push_back(std::move(row));
    }
  }

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

void AlarmReplay::list_period(int64_t from_ms, int64_t to_ms, size_t max) {
  impl_->list_from = from_ms;
  impl_->list_to = to_ms;
  impl_->list_max = max;
}

void AlarmReplay::add(std::string_view message, uint32_t source) {
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
    if (d.kind == Datapoint::Kind::Value) {
      m.sample(*t, d.value, true);
      if (m.too_many) return;
      m.count_type(*t, ev.json ? *ev.json : JsonDoc());
      if (m.list_max && *t >= m.list_from && *t < m.list_to && m.result.listed_total++ < m.list_max)
        m.result.listed.push_back({std::string(message), source});
    }
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
  m.identity_split(out);
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
