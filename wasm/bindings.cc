// The JavaScript face of cwlf (embind): a few functions, each calling the
// engine exactly as the `cwlf` command does and converting what it returns to
// plain JavaScript objects (js_values.h). No logic of its own beyond that:
//
//   compile(pattern)                    -> { ok, family, error }
//   test(pattern, pastedText[, options]) -> { pattern, format, counts, events }
//   testMetricFilter(pattern, messages) -> TestMetricFilter's response, or { error }
//   lint(pattern, pastedText)           -> { warnings, normalised }
//   exclusion(pattern, pastedText, eventIndex, byArn) -> "exclude this principal"
//   metric(pattern, pastedText, definition) -> what a metric filter publishes per event
//   selectors(pattern)                  -> the fields the pattern reads
//
// The contract is docs/api.md. Positions are UTF-16 indices and nothing
// returned needs to be deleted (js_values.h keeps both promises). The page's
// worker uses the EventSet class instead (event_set_bindings.cc), which keeps
// the split events between calls without handing the text over again.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "js_values.h"
#include "cwlf/i18n.h"
#include "cwlf/metric_filter.h"
#include "pasted_events.h"
#include "cwlf/pattern.h"
#include "cwlf/run.h"
#include "cwlf/selectors.h"

namespace {

using cwlf_js::PastedEvents;
using cwlf_js::Utf16Index;
using emscripten::val;

// The last pasted text, split, kept between calls: callers re-test the same
// events with pattern after pattern, and splitting costs more than testing.
// The split's errors are sentences, so a change of language splits again.
PastedEvents& pasted_of(const std::string& text) {
  static std::unique_ptr<PastedEvents> cache;
  static cwlf::Lang cache_language = cwlf::Lang::En;
  if (!cache || cache->text() != text || cache_language != cwlf::language()) {
    cache_language = cwlf::language();
    cache.reset();  // free the old split before building the new one
    cache = std::make_unique<PastedEvents>(text);
  }
  return *cache;
}

// options.messages: false leaves out each event's message (default: true).
bool want_messages(const val& options) {
  if (options.isUndefined() || options.isNull()) return true;
  return !options["messages"].isFalse();
}

val compile(const std::string& pattern) {
  return cwlf_js::compiled_js(cwlf::compile_pattern(pattern), Utf16Index(pattern));
}

// options.explain: 'all' (default), 'none', or the index of one event.
val test(const std::string& pattern, const std::string& pasted, const val& options) {
  return pasted_of(pasted).test(pattern, cwlf_js::run_options(options), want_messages(options));
}

val test_default(const std::string& pattern, const std::string& pasted) {
  return test(pattern, pasted, val::undefined());
}

val test_metric_filter(const std::string& pattern, const val& messages) {
  std::vector<std::string> list;
  const uint32_t n = messages["length"].isNumber() ? messages["length"].as<uint32_t>() : 0;
  list.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    const val m = messages[i];
    list.push_back(m.isString() ? m.as<std::string>() : val::global("String")(m).as<std::string>());
  }
  const cwlf::MetricFilterTest result = cwlf::test_metric_filter(pattern, list);
  if (result.error) {
    val o = val::object();
    o.set("error", cwlf_js::diagnostic_js(*result.error, Utf16Index(pattern)));
    return o;
  }
  return val::global("JSON").call<val>("parse", val(result.response_json));
}

// Pitfall warnings for the pattern (and the events, when text is given),
// and the pattern re-printed with explicit parentheses (null when invalid).
val lint(const std::string& pattern, const std::string& pasted) {
  // No events: nothing to split, and the cached split of the last paste stays.
  if (pasted.empty()) {
    const cwlf::CompileResult compiled = cwlf::compile_pattern(pattern);
    return cwlf_js::lint_js(pattern, compiled, cwlf::lint(pattern, compiled, nullptr));
  }
  return pasted_of(pasted).lint(pattern);
}

// "Exclude this principal" for event `index` of the pasted text (exclusion.h).
val exclusion(const std::string& pattern, const std::string& pasted, uint32_t index, bool by_arn) {
  return pasted_of(pasted).exclusion(pattern, index, by_arn);
}

// What a metric filter would publish per event (metric_filter.h).
val metric(const std::string& pattern, const std::string& pasted, const val& definition) {
  return pasted_of(pasted).metric(pattern, definition);
}

// The fields the pattern reads (core/selectors.h), for the page's Redact and
// "Keep only the fields the pattern reads":
// [{ text, steps: [{ member: "a" } | { index: 0 } | { any: true }, ...] }];
// [] for an invalid pattern or one that is not JSON.
val selectors(const std::string& pattern) {
  val out = val::array();
  const cwlf::CompileResult compiled = cwlf::compile_pattern(pattern);
  if (!compiled.pattern) return out;
  const std::vector<cwlf::ReadField> fields = cwlf::fields_read(*compiled.pattern);
  for (size_t i = 0; i < fields.size(); ++i) {
    val steps = val::array();
    for (size_t k = 0; k < fields[i].steps.size(); ++k) {
      const cwlf::SelectorStep& step = fields[i].steps[k];
      val o = val::object();
      switch (step.kind) {
        case cwlf::StepKind::Member: o.set("member", val(step.name)); break;
        case cwlf::StepKind::Index: o.set("index", step.index); break;
        case cwlf::StepKind::Wildcard: o.set("any", true); break;
      }
      steps.set(k, o);
    }
    val field = val::object();
    field.set("text", val(fields[i].text));
    field.set("steps", steps);
    out.set(i, field);
  }
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf) {
  emscripten::function("selectors", &selectors);
  emscripten::function("metric", &metric);
  emscripten::function("exclusion", &exclusion);
  emscripten::function("lint", &lint);
  emscripten::function("compile", &compile);
  // Two overloads (embind dispatches on the argument count): options may be left out.
  emscripten::function("test", &test);
  emscripten::function("test", &test_default);
  emscripten::function("testMetricFilter", &test_metric_filter);
}
