// The JavaScript face of cwlf (embind): a few functions, each calling the
// engine exactly as the `cwlf` command does and converting what it returns to
// plain JavaScript objects. No logic of its own beyond that conversion:
//
//   compile(pattern)                    -> { ok, family, error }
//   test(pattern, pastedText[, options]) -> { pattern, format, counts, events }
//   testMetricFilter(pattern, messages) -> TestMetricFilter's response, or { error }
//   lint(pattern, pastedText)           -> { warnings, normalised }
//   exclusion(pattern, pastedText, eventIndex, byArn) -> "exclude this principal"
//   metric(pattern, pastedText, definition) -> what a metric filter publishes per event
//
// The contract is docs/api.md. Two promises made there are kept here:
//   * every position handed to JavaScript is a UTF-16 code-unit index (a JS
//     string index) into the string JavaScript passed in; the core's UTF-8
//     byte offsets are converted in one place, Utf16Index below;
//   * nothing returned needs to be deleted: results are plain objects and
//     arrays (emscripten::val), never C++ handles.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "evaluate.h"
#include "events.h"
#include "exclusion.h"
#include "lint.h"
#include "metric_filter.h"
#include "pattern.h"
#include "pattern_print.h"
#include "run.h"
#include "selectors.h"

namespace {

using emscripten::val;

// ---- UTF-8 byte offsets -> UTF-16 indices ------------------------------------
//
// embind hands the core the UTF-8 encoding of a JS string (stringToUTF8), so
// every character's first byte starts one UTF-16 unit, except that 4-byte
// sequences (code points above U+FFFF) are two units (a surrogate pair).
// The UTF-16 index of byte offset b is thus the sum of the weights of the
// bytes before b: 0 for a continuation byte (10xxxxxx), 2 for the lead byte
// of a 4-byte sequence (11110xxx), 1 otherwise. An offset inside a character
// counts that character (it rounds up to the next character boundary).
//
// Pasted text can be many megabytes, so instead of one entry per byte the
// table keeps the running sum every kStride bytes and scans at most kStride
// bytes per query. Pure-ASCII text (the common case) needs no table at all.
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text) : text_(text) {
    uint32_t sum = 0;
    bool ascii = true;
    checkpoints_.reserve(text.size() / kStride + 1);
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % kStride == 0) checkpoints_.push_back(sum);
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) ascii = false;
      sum += weight(c);
    }
    if (ascii) checkpoints_.clear();
    ascii_ = ascii;
  }

  uint32_t operator()(uint32_t byte) const {
    if (byte > text_.size()) byte = static_cast<uint32_t>(text_.size());
    if (ascii_) return byte;
    const uint32_t block = byte / kStride;
    if (block >= checkpoints_.size()) return checkpoints_.empty() ? 0 : scan(checkpoints_.size() - 1, byte);
    return scan(block, byte);
  }

  // {offset, length} of a byte span, as UTF-16 indices.
  std::pair<uint32_t, uint32_t> span(const cwlf::Span& s) const {
    const uint32_t begin = (*this)(s.offset);
    const uint32_t end = (*this)(s.offset + s.length);
    return {begin, end >= begin ? end - begin : 0};
  }

 private:
  static constexpr uint32_t kStride = 64;
  static uint32_t weight(unsigned char c) {
    if ((c & 0xC0) == 0x80) return 0;
    return (c & 0xF8) == 0xF0 ? 2 : 1;
  }
  uint32_t scan(size_t block, uint32_t byte) const {
    uint32_t sum = checkpoints_[block];
    for (size_t i = block * kStride; i < byte; ++i) sum += weight(static_cast<unsigned char>(text_[i]));
    return sum;
  }

  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> checkpoints_;  // checkpoints_[k]: UTF-16 index of byte k * kStride
};

// ---- enum names (the strings docs/api.md documents) ---------------------------

const char* family_js(cwlf::PatternFamily f) {
  switch (f) {
    case cwlf::PatternFamily::MatchAll: return "match-all";
    case cwlf::PatternFamily::Terms: return "terms";
    case cwlf::PatternFamily::Json: return "json";
    case cwlf::PatternFamily::Delimited: return "delimited";
  }
  return "unknown";
}

const char* format_js(cwlf::InputFormat f) {
  switch (f) {
    case cwlf::InputFormat::Empty: return "empty";
    case cwlf::InputFormat::JsonObjects: return "json-objects";
    case cwlf::InputFormat::JsonArray: return "json-array";
    case cwlf::InputFormat::CloudTrailRecords: return "cloudtrail-records";
    case cwlf::InputFormat::Lines: return "lines";
  }
  return "unknown";
}

const char* kind_js(cwlf::ExplainKind k) {
  switch (k) {
    case cwlf::ExplainKind::MatchAll: return "match-all";
    case cwlf::ExplainKind::NotJson: return "not-json";
    case cwlf::ExplainKind::And: return "and";
    case cwlf::ExplainKind::Or: return "or";
    case cwlf::ExplainKind::Condition: return "condition";
    case cwlf::ExplainKind::Terms: return "terms";
    case cwlf::ExplainKind::Term: return "term";
    case cwlf::ExplainKind::Fields: return "fields";
    case cwlf::ExplainKind::Field: return "field";
  }
  return "unknown";
}

const char* outcome_js(cwlf::Outcome o) {
  switch (o) {
    case cwlf::Outcome::True: return "true";
    case cwlf::Outcome::False: return "false";
    case cwlf::Outcome::Skipped: return "skipped";
  }
  return "skipped";
}

// null for nodes that read nothing.
val found_js(cwlf::Found f) {
  switch (f) {
    case cwlf::Found::NotApplicable: return val::null();
    case cwlf::Found::Missing: return val("missing");
    case cwlf::Found::Null: return val("null");
    case cwlf::Found::Boolean: return val("boolean");
    case cwlf::Found::Object: return val("object");
    case cwlf::Found::Array: return val("array");
    case cwlf::Found::String: return val("string");
    case cwlf::Found::Number: return val("number");
    case cwlf::Found::Text: return val("text");
  }
  return val::null();
}

// ---- conversions ------------------------------------------------------------

val str(const std::string& s) { return val(s); }

val diagnostic_js(const cwlf::Diagnostic& d, const Utf16Index& index) {
  val o = val::object();
  o.set("code", str(d.code));
  o.set("awsMessage", d.aws_message.empty() ? val::null() : str(d.aws_message));
  o.set("message", str(d.message));
  const auto [offset, length] = index.span(d.span);
  o.set("offset", offset);
  o.set("length", length);
  return o;
}

val compiled_js(const cwlf::CompileResult& compiled, const Utf16Index& pattern_index) {
  val o = val::object();
  o.set("ok", compiled.pattern != nullptr && !compiled.error);
  o.set("family", compiled.pattern ? val(family_js(compiled.pattern->family)) : val::null());
  o.set("error", compiled.error ? diagnostic_js(*compiled.error, pattern_index) : val::null());
  return o;
}

val explanation_js(const cwlf::Explanation& e, const Utf16Index& pattern_index, const Utf16Index& pasted_index) {
  val nodes = val::array();
  for (size_t i = 0; i < e.nodes.size(); ++i) {
    const cwlf::ExplainNode& n = e.nodes[i];
    val o = val::object();
    o.set("kind", kind_js(n.kind));
    o.set("outcome", outcome_js(n.outcome));
    o.set("decisive", n.decisive);
    const auto [p_offset, p_length] = pattern_index.span(n.pattern_span);
    o.set("patternOffset", p_offset);
    o.set("patternLength", p_length);
    o.set("found", found_js(n.found));
    o.set("foundText", n.found == cwlf::Found::NotApplicable ? val::null() : str(n.found_text));
    if (n.event_span) {
      const auto [e_offset, e_length] = pasted_index.span(*n.event_span);
      o.set("eventOffset", e_offset);
      o.set("eventLength", e_length);
    } else {
      o.set("eventOffset", val::null());
      o.set("eventLength", val::null());
    }
    o.set("reason", str(n.reason));
    val children = val::array();
    for (size_t c = 0; c < n.children.size(); ++c) children.set(c, n.children[c]);
    o.set("children", children);
    nodes.set(i, o);
  }
  val o = val::object();
  o.set("nodes", nodes);
  return o;
}

// options.explain: 'all' (default), 'none', or the index of one event.
// options.messages: false leaves out each event's message (default: true).
bool want_messages(const val& options) {
  if (options.isUndefined() || options.isNull()) return true;
  return !options["messages"].isFalse();
}

cwlf::RunOptions run_options(const val& options) {
  cwlf::RunOptions run;
  run.explain = cwlf::RunOptions::Explain::All;
  if (options.isUndefined() || options.isNull()) return run;
  const val explain = options["explain"];
  if (explain.isNumber()) {
    const double index = explain.as<double>();
    run.explain = cwlf::RunOptions::Explain::One;
    run.explain_index = index >= 0 && index < 4294967295.0 ? static_cast<uint32_t>(index) : UINT32_MAX;
  } else if (explain.isString() && explain.as<std::string>() == "none") {
    run.explain = cwlf::RunOptions::Explain::None;
  } else if (explain.isFalse()) {
    run.explain = cwlf::RunOptions::Explain::None;
  }
  return run;
}

// ---- the exported functions -----------------------------------------------------

val compile(const std::string& pattern) {
  const Utf16Index pattern_index(pattern);
  return compiled_js(cwlf::compile_pattern(pattern), pattern_index);
}

// The split of the last pasted text, kept between calls: the page re-tests
// the same events on every edit of the pattern, and splitting (parsing every
// JSON event) costs more than testing. run_test() is compile_pattern() +
// split_events() + test_events(); this does the same with the split reused.
struct SplitCache {
  std::string pasted;
  cwlf::SplitResult input;
  std::unique_ptr<Utf16Index> index;  // views `pasted`
};
SplitCache& split_of(const std::string& pasted) {
  static SplitCache cache;
  if (!cache.index || cache.pasted != pasted) {
    cache.index.reset();
    cache.input = {};
    cache.pasted = pasted;
    cache.input = cwlf::split_events(cache.pasted);
    cache.index = std::make_unique<Utf16Index>(cache.pasted);
  }
  return cache;
}

val test(const std::string& pattern, const std::string& pasted, const val& options) {
  SplitCache& split = split_of(pasted);
  cwlf::TestRun run;
  run.compiled = cwlf::compile_pattern(pattern);
  run.input = std::move(split.input);
  cwlf::test_events(run, run_options(options));
  const bool messages = want_messages(options);
  const Utf16Index pattern_index(pattern);
  const Utf16Index& pasted_index = *split.index;

  val out = val::object();
  out.set("pattern", compiled_js(run.compiled, pattern_index));
  out.set("format", format_js(run.input.format));
  val counts = val::object();
  counts.set("matched", run.matched);
  counts.set("unmatched", run.unmatched);
  counts.set("errors", run.errors);
  out.set("counts", counts);

  val events = val::array();
  for (size_t i = 0; i < run.input.events.size(); ++i) {
    const cwlf::Event& event = run.input.events[i];
    const cwlf::EventResult* result = i < run.results.size() ? &run.results[i] : nullptr;
    val e = val::object();
    e.set("index", static_cast<uint32_t>(i));
    const auto [offset, length] = pasted_index.span(event.span);
    e.set("offset", offset);
    e.set("length", length);
    if (messages) e.set("message", str(event.message));
    e.set("tested", result != nullptr && result->tested);
    e.set("matched", result != nullptr && result->matched);
    e.set("error", event.error ? diagnostic_js(*event.error, pasted_index) : val::null());
    val extracted = val::array();
    if (result) {
      for (size_t k = 0; k < result->extracted.size(); ++k) {
        val pair = val::array();
        pair.set(0, str(result->extracted[k].first));
        pair.set(1, str(result->extracted[k].second));
        extracted.set(k, pair);
      }
    }
    e.set("extracted", extracted);
    e.set("explanation", result && result->explanation
                             ? explanation_js(*result->explanation, pattern_index, pasted_index)
                             : val::null());
    events.set(i, e);
  }
  out.set("events", events);
  split.input = std::move(run.input);
  return out;
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
    o.set("error", diagnostic_js(*result.error, Utf16Index(pattern)));
    return o;
  }
  return val::global("JSON").call<val>("parse", str(result.response_json));
}

// Pitfall warnings for the pattern (and the events, when text is given),
// and the pattern re-printed with explicit parentheses (null when invalid).
val lint(const std::string& pattern, const std::string& pasted) {
  const cwlf::CompileResult compiled = cwlf::compile_pattern(pattern);
  const cwlf::SplitResult* events = pasted.empty() ? nullptr : &split_of(pasted).input;
  const std::vector<cwlf::Warning> warnings = cwlf::lint(pattern, compiled, events);
  const Utf16Index pattern_index(pattern);
  val list = val::array();
  for (size_t i = 0; i < warnings.size(); ++i) {
    const cwlf::Warning& w = warnings[i];
    val o = val::object();
    o.set("code", str(w.code));
    o.set("message", str(w.message));
    const auto [offset, length] = pattern_index.span(w.span);
    o.set("offset", offset);
    o.set("length", length);
    val fixes = val::array();
    for (size_t k = 0; k < w.fixes.size(); ++k) {
      val f = val::object();
      f.set("label", str(w.fixes[k].label));
      f.set("pattern", str(w.fixes[k].pattern));
      fixes.set(k, f);
    }
    o.set("fixes", fixes);
    list.set(i, o);
  }
  val out = val::object();
  out.set("warnings", list);
  out.set("normalised", compiled.pattern ? str(cwlf::normalised_pattern(*compiled.pattern)) : val::null());
  return out;
}

// "Exclude this principal" for event `index` of the pasted text (exclusion.h).
val exclusion(const std::string& pattern, const std::string& pasted, uint32_t index, bool by_arn) {
  const cwlf::SplitResult& input = split_of(pasted).input;
  val out = val::object();
  if (index >= input.events.size()) {
    out.set("error", str("There is no event #" + std::to_string(index + 1) + "."));
    return out;
  }
  const cwlf::Exclusion x = cwlf::build_exclusion(pattern, input.events[index], &input, by_arn);
  if (x.error) {
    out.set("error", str(*x.error));
    return out;
  }
  out.set("error", val::null());
  out.set("identityType", str(x.identity_type));
  out.set("selector", str(x.selector));
  out.set("value", str(x.value));
  out.set("pattern", str(x.pattern));
  out.set("keepingPattern", x.keeping_pattern.empty() ? val::null() : str(x.keeping_pattern));
  out.set("drops", str(x.drops));
  val dropped = val::array();
  for (size_t i = 0; i < x.dropped.size(); ++i) dropped.set(i, x.dropped[i]);
  out.set("dropped", dropped);
  return out;
}

// What a metric filter would publish per event (metric_filter.h).
// definition: { value: '1' | '$.field' | '$name' | '$N', defaultValue?: string,
//               dimensions?: [[name, reference], ...] }
val metric(const std::string& pattern, const std::string& pasted, const val& definition) {
  cwlf::MetricDefinition m;
  if (definition["value"].isString()) m.value = definition["value"].as<std::string>();
  if (definition["defaultValue"].isString() && !definition["defaultValue"].as<std::string>().empty())
    m.default_value = definition["defaultValue"].as<std::string>();
  const val dims = definition["dimensions"];
  const uint32_t n = dims.isUndefined() || dims.isNull() ? 0 : dims["length"].as<uint32_t>();
  for (uint32_t i = 0; i < n; ++i) m.dimensions.emplace_back(dims[i][0].as<std::string>(), dims[i][1].as<std::string>());
  val out = val::object();
  cwlf::TestRun run;
  run.compiled = cwlf::compile_pattern(pattern);
  if (!run.compiled.pattern) {
    out.set("error", str("Fix the pattern first: it is not valid."));
    return out;
  }
  if (const std::optional<std::string> error = cwlf::validate_metric(*run.compiled.pattern, m)) {
    out.set("error", str(*error));
    return out;
  }
  SplitCache& split = split_of(pasted);
  run.input = std::move(split.input);
  cwlf::test_events(run, cwlf::RunOptions{cwlf::RunOptions::Explain::None, 0});
  val points = val::array();
  double sum = 0;
  uint32_t count = 0;
  for (size_t i = 0; i < run.results.size(); ++i) {
    const cwlf::Datapoint d = cwlf::metric_for_event(*run.compiled.pattern, m, run.input.events[i], run.results[i]);
    val p = val::object();
    p.set("kind", d.kind == cwlf::Datapoint::Kind::Value ? "value" : d.kind == cwlf::Datapoint::Kind::Default ? "default" : "none");
    p.set("value", d.kind == cwlf::Datapoint::Kind::None ? val::null() : str(d.value_text));
    val ds = val::array();
    for (size_t k = 0; k < d.dimensions.size(); ++k) {
      val pair = val::array();
      pair.set(0, str(d.dimensions[k].first));
      pair.set(1, str(d.dimensions[k].second));
      ds.set(k, pair);
    }
    p.set("dimensions", ds);
    p.set("note", str(d.note));
    points.set(i, p);
    if (d.kind == cwlf::Datapoint::Kind::Value) {
      sum += d.value;
      ++count;
    }
  }
  split.input = std::move(run.input);
  out.set("error", val::null());
  out.set("points", points);
  out.set("datapoints", count);
  out.set("sum", sum);
  return out;
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
        case cwlf::StepKind::Member: o.set("member", str(step.name)); break;
        case cwlf::StepKind::Index: o.set("index", step.index); break;
        case cwlf::StepKind::Wildcard: o.set("any", true); break;
      }
      steps.set(k, o);
    }
    val field = val::object();
    field.set("text", str(fields[i].text));
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
