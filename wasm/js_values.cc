// See js_values.h.
#include "js_values.h"

#include "pattern_print.h"

namespace cwlf_js {

// ---- Utf16Index -------------------------------------------------------------------

namespace {
uint32_t weight(unsigned char c) {
  if ((c & 0xC0) == 0x80) return 0;
  return (c & 0xF8) == 0xF0 ? 2 : 1;
}
}  // namespace

Utf16Index::Utf16Index(std::string_view text) : text_(text) {
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

uint32_t Utf16Index::operator()(uint32_t byte) const {
  if (byte > text_.size()) byte = static_cast<uint32_t>(text_.size());
  if (ascii_) return byte;
  const uint32_t block = byte / kStride;
  if (block >= checkpoints_.size()) return checkpoints_.empty() ? 0 : scan(checkpoints_.size() - 1, byte);
  return scan(block, byte);
}

std::pair<uint32_t, uint32_t> Utf16Index::span(const cwlf::Span& s) const {
  const uint32_t begin = (*this)(s.offset);
  const uint32_t end = (*this)(s.offset + s.length);
  return {begin, end >= begin ? end - begin : 0};
}

uint32_t Utf16Index::scan(size_t block, uint32_t byte) const {
  uint32_t sum = checkpoints_[block];
  for (size_t i = block * kStride; i < byte; ++i) sum += weight(static_cast<unsigned char>(text_[i]));
  return sum;
}

// ---- enum names (the strings docs/api.md documents) ---------------------------

namespace {

const char* family_js(cwlf::PatternFamily f) {
  switch (f) {
    case cwlf::PatternFamily::MatchAll: return "match-all";
    case cwlf::PatternFamily::Terms: return "terms";
    case cwlf::PatternFamily::Json: return "json";
    case cwlf::PatternFamily::Delimited: return "delimited";
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

}  // namespace

const char* format_js(cwlf::InputFormat f) {
  switch (f) {
    case cwlf::InputFormat::Empty: return "empty";
    case cwlf::InputFormat::JsonObjects: return "json-objects";
    case cwlf::InputFormat::JsonArray: return "json-array";
    case cwlf::InputFormat::CloudTrailRecords: return "cloudtrail-records";
    case cwlf::InputFormat::Lines: return "lines";
    default: return cwlf::input_format_name(f);
  }
  return "unknown";
}

// ---- conversions ------------------------------------------------------------

val diagnostic_js(const cwlf::Diagnostic& d, const Utf16Index& index) {
  val o = val::object();
  o.set("code", val(d.code));
  o.set("awsMessage", d.aws_message.empty() ? val::null() : val(d.aws_message));
  o.set("message", val(d.message));
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
    o.set("foundText", n.found == cwlf::Found::NotApplicable ? val::null() : val(n.found_text));
    if (n.event_span) {
      const auto [e_offset, e_length] = pasted_index.span(*n.event_span);
      o.set("eventOffset", e_offset);
      o.set("eventLength", e_length);
    } else {
      o.set("eventOffset", val::null());
      o.set("eventLength", val::null());
    }
    o.set("reason", val(n.reason));
    val children = val::array();
    for (size_t c = 0; c < n.children.size(); ++c) children.set(c, n.children[c]);
    o.set("children", children);
    nodes.set(i, o);
  }
  val o = val::object();
  o.set("nodes", nodes);
  return o;
}

val extracted_js(const std::vector<std::pair<std::string, std::string>>& extracted) {
  val list = val::array();
  for (size_t k = 0; k < extracted.size(); ++k) {
    val pair = val::array();
    pair.set(0, val(extracted[k].first));
    pair.set(1, val(extracted[k].second));
    list.set(k, pair);
  }
  return list;
}

val lint_js(const std::string& pattern, const cwlf::CompileResult& compiled, const std::vector<cwlf::Warning>& warnings) {
  const Utf16Index pattern_index(pattern);
  val list = val::array();
  for (size_t i = 0; i < warnings.size(); ++i) {
    const cwlf::Warning& w = warnings[i];
    val o = val::object();
    o.set("code", val(w.code));
    o.set("message", val(w.message));
    const auto [offset, length] = pattern_index.span(w.span);
    o.set("offset", offset);
    o.set("length", length);
    val fixes = val::array();
    for (size_t k = 0; k < w.fixes.size(); ++k) {
      val f = val::object();
      f.set("label", val(w.fixes[k].label));
      f.set("pattern", val(w.fixes[k].pattern));
      fixes.set(k, f);
    }
    o.set("fixes", fixes);
    list.set(i, o);
  }
  val out = val::object();
  out.set("warnings", list);
  out.set("normalised", compiled.pattern ? val(cwlf::normalised_pattern(*compiled.pattern)) : val::null());
  return out;
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

}  // namespace cwlf_js
