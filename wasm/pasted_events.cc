// See pasted_events.h.
#include "pasted_events.h"

#include "cwlf/workbench.h"

#include <optional>
#include <tuple>
#include <vector>

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

#include "cwlf/cloudtrail.h"
#include "cwlf/exclusion.h"
#include "cwlf/i18n.h"
#include "cwlf/lint.h"
#include "cwlf/metric_filter.h"
#include "cwlf/result_names.h"
#include "cwlf/result_json.h"

namespace cwlf_js {

PastedEvents::PastedEvents(std::string text)
    : text_(std::move(text)), input_(cwlf::split_events(text_)), index_(text_) {}

cwlf::TestRun PastedEvents::run(const std::string& pattern, const cwlf::RunOptions& options) {
  cwlf::TestRun run;
  run.compiled = cwlf::compile_pattern(pattern);
  run.input = std::move(input_);
  cwlf::test_events(run, options);
  return run;
}

namespace {
val counts_js(const cwlf::TestRun& run) {
  val counts = val::object();
  counts.set("matched", run.matched);
  counts.set("unmatched", run.unmatched);
  counts.set("errors", run.errors);
  return counts;
}

}  // namespace

val PastedEvents::test(const std::string& pattern, const cwlf::RunOptions& options, bool messages) {
  cwlf::TestRun run = this->run(pattern, options);
  const Utf16Index pattern_index(pattern);
  cwlf::ResultJsonOptions json;
  json.pattern_offsets = [&pattern_index](uint32_t byte) { return pattern_index(byte); };
  json.pasted_offsets = [this](uint32_t byte) { return index_(byte); };
  json.messages = messages;
  const std::vector<cwlf::Warning> warnings =
      cwlf::lint(pattern, run.compiled, run.compiled.pattern ? &run.input : nullptr);
  std::string result = cwlf::test_run_json(run, warnings, json);
  take_back(run);
  return parse_json(result);
}

val PastedEvents::verdicts(const std::string& pattern, int32_t explain) {
  const cwlf::RunOptions options{explain >= 0 ? cwlf::RunOptions::Explain::One : cwlf::RunOptions::Explain::None,
                                 explain >= 0 ? static_cast<uint32_t>(explain) : 0};
  cwlf::TestRun run = this->run(pattern, options);
  const Utf16Index pattern_index(pattern);
  std::vector<uint8_t> verdicts(run.input.events.size(), kNotTested);
  val extracted = val::array();
  uint32_t with_values = 0;
  val explanation = val::null();
  for (size_t i = 0; i < run.results.size(); ++i) {
    const cwlf::EventResult& r = run.results[i];
    if (r.tested) verdicts[i] = r.matched ? kMatch : kNoMatch;
    if (!r.extracted.empty()) {
      val entry = val::array();
      entry.set(0, static_cast<uint32_t>(i));
      entry.set(1, extracted_js(r.extracted));
      extracted.set(with_values++, entry);
    }
    if (r.explanation) explanation = explanation_js(*r.explanation, pattern_index, index_);
  }
  val out = val::object();
  out.set("pattern", compiled_js(run.compiled, pattern_index));
  out.set("counts", counts_js(run));
  // One copy out of wasm memory: a view alone would break when memory grows.
  out.set("verdicts", val::global("Uint8Array").new_(emscripten::typed_memory_view(verdicts.size(), verdicts.data()))
                          .call<val>("slice"));
  out.set("extracted", extracted);
  out.set("explained", explanation.isNull() ? -1 : explain);
  out.set("explanation", explanation);
  out.set("radar", parse_json(cwlf::radar_json(run)));
  take_back(run);
  return out;
}

val PastedEvents::events() const {
  val list = val::array();
  // Identities: how the page's expectations find their events (cwlf/workbench.h).
  const std::vector<std::string> identities = cwlf::event_identities(input_.events);
  for (size_t i = 0; i < input_.events.size(); ++i) {
    const cwlf::Event& event = input_.events[i];
    val e = val::object();
    e.set("index", static_cast<uint32_t>(i));
    const auto [offset, length] = index_.span(event.span);
    e.set("offset", offset);
    e.set("length", length);
    e.set("message", val(event.message));
    e.set("identity", val(identities[i]));
    e.set("error", event.error ? diagnostic_js(*event.error, index_) : val::null());
    const cwlf::EventHeadline headline = cwlf::event_headline(event);
    e.set("title", val(headline.title));
    e.set("detail", val(headline.detail));
    list.set(i, e);
  }
  return list;
}

namespace {
// One column of strings as a JSON array, under `name`.
template <typename Writer, typename Get>
void string_column(Writer& w, const char* name, size_t n, Get get) {
  w.Key(name);
  w.StartArray();
  for (size_t i = 0; i < n; ++i) {
    const std::string& s = get(i);
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
  w.EndArray();
}

val u32_array(const std::vector<uint32_t>& values) {
  // One copy out of wasm memory: a view alone would break when memory grows.
  return val::global("Uint32Array").new_(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}
}  // namespace

// Every per-event value crossing into JavaScript costs a call through embind,
// and the messages are megabytes: the page's list needs neither one object per
// event nor any message (it asks for the one it shows, message()). So the
// numbers go out as two typed arrays and the strings as one JSON text, which
// JSON.parse reads far faster than embind could build the same arrays.
val PastedEvents::listing() const {
  const size_t n = input_.events.size();
  std::vector<uint32_t> offsets(n), lengths(n);
  std::vector<cwlf::EventHeadline> headlines;
  headlines.reserve(n);
  val errors = val::array();
  uint32_t with_errors = 0;
  for (size_t i = 0; i < n; ++i) {
    const cwlf::Event& event = input_.events[i];
    std::tie(offsets[i], lengths[i]) = index_.span(event.span);
    headlines.push_back(cwlf::event_headline(event));
    if (event.error) {
      val entry = val::array();
      entry.set(0, static_cast<uint32_t>(i));
      entry.set(1, diagnostic_js(*event.error, index_));
      errors.set(with_errors++, entry);
    }
  }
  const std::vector<std::string> identities = cwlf::event_identities(input_.events);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  string_column(w, "identities", n, [&](size_t i) -> const std::string& { return identities[i]; });
  string_column(w, "titles", n, [&](size_t i) -> const std::string& { return headlines[i].title; });
  string_column(w, "details", n, [&](size_t i) -> const std::string& { return headlines[i].detail; });
  w.EndObject();
  val out = val::object();
  out.set("offsets", u32_array(offsets));
  out.set("lengths", u32_array(lengths));
  out.set("errors", errors);
  out.set("columns", val(std::string(buffer.GetString(), buffer.GetSize())));
  return out;
}

val PastedEvents::message(uint32_t index) const {
  if (index >= input_.events.size()) return val::undefined();
  return val(input_.events[index].message);
}

val PastedEvents::lint(const std::string& pattern) const {
  const cwlf::CompileResult compiled = cwlf::compile_pattern(pattern);
  const std::vector<cwlf::Warning> warnings = cwlf::lint(pattern, compiled, text_.empty() ? nullptr : &input_);
  return lint_js(pattern, compiled, warnings);
}

val PastedEvents::exclusion(const std::string& pattern, uint32_t index, bool by_arn) const {
  val out = val::object();
  if (index >= input_.events.size()) {
    out.set("error", val("There is no event #" + std::to_string(static_cast<uint64_t>(index) + 1) + "."));
    return out;
  }
  const cwlf::Exclusion x = cwlf::build_exclusion(pattern, input_.events[index], &input_, by_arn);
  if (x.error) {
    out.set("error", val(*x.error));
    return out;
  }
  out.set("error", val::null());
  out.set("identityType", val(x.identity_type));
  out.set("selector", val(x.selector));
  out.set("value", val(x.value));
  out.set("pattern", val(x.pattern));
  out.set("keepingPattern", x.keeping_pattern.empty() ? val::null() : val(x.keeping_pattern));
  out.set("drops", val(x.drops));
  val dropped = val::array();
  for (size_t i = 0; i < x.dropped.size(); ++i) dropped.set(i, x.dropped[i]);
  out.set("dropped", dropped);
  return out;
}

// definition: { value: '1' | '$.field' | '$name' | '$N', defaultValue?: string,
//               dimensions?: [[name, reference], ...] }
val PastedEvents::metric(const std::string& pattern, const val& definition) {
  cwlf::MetricDefinition m;
  if (definition["value"].isString()) m.value = definition["value"].as<std::string>();
  if (definition["defaultValue"].isString() && !definition["defaultValue"].as<std::string>().empty())
    m.default_value = definition["defaultValue"].as<std::string>();
  const val dims = definition["dimensions"];
  const uint32_t n = dims.isUndefined() || dims.isNull() ? 0 : dims["length"].as<uint32_t>();
  for (uint32_t i = 0; i < n; ++i) m.dimensions.emplace_back(dims[i][0].as<std::string>(), dims[i][1].as<std::string>());
  val out = val::object();
  const cwlf::CompileResult compiled = cwlf::compile_pattern(pattern);
  if (!compiled.pattern) {
    out.set("error", val(cwlf::say("exclusion.error.invalid-pattern")));  // the exclusion's sentence, in the page's language
    return out;
  }
  if (const std::optional<std::string> error = cwlf::validate_metric(*compiled.pattern, m)) {
    out.set("error", val(*error));
    return out;
  }
  cwlf::TestRun run = this->run(pattern, cwlf::RunOptions{cwlf::RunOptions::Explain::None, 0});
  val points = val::array();
  double sum = 0;
  uint32_t count = 0;
  for (size_t i = 0; i < run.results.size(); ++i) {
    const cwlf::Datapoint d = cwlf::metric_for_event(*run.compiled.pattern, m, run.input.events[i], run.results[i]);
    val p = val::object();
    p.set("kind", d.kind == cwlf::Datapoint::Kind::Value ? "value" : d.kind == cwlf::Datapoint::Kind::Default ? "default" : "none");
    p.set("value", d.kind == cwlf::Datapoint::Kind::None ? val::null() : val(d.value_text));
    p.set("dimensions", extracted_js(d.dimensions));
    p.set("note", val(d.note));
    points.set(i, p);
    if (d.kind == cwlf::Datapoint::Kind::Value) {
      sum += d.value;
      ++count;
    }
  }
  take_back(run);
  out.set("error", val::null());
  out.set("points", points);
  out.set("datapoints", count);
  out.set("sum", sum);
  return out;
}

}  // namespace cwlf_js
