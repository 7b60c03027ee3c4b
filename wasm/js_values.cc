// See js_values.h.
#include "js_values.h"

#include "cwlf/pattern_print.h"
#include "cwlf/result_json.h"

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

// ---- conversions ------------------------------------------------------------
// Every result object is written by the core's one result writer
// (cwlf/result_json.h), the same that prints `cwlf test --json`, and parsed
// here: the CLI and the JavaScript API cannot name or shape a field differently.

val parse_json(const std::string& json) { return val::global("JSON").call<val>("parse", val(json)); }

namespace {
cwlf::OffsetMap offsets_of(const Utf16Index& index) {
  return [&index](uint32_t byte) { return index(byte); };
}
}  // namespace

val diagnostic_js(const cwlf::Diagnostic& d, const Utf16Index& index) {
  return parse_json(cwlf::diagnostic_json(d, offsets_of(index)));
}

val compiled_js(const cwlf::CompileResult& compiled, const Utf16Index& pattern_index) {
  cwlf::ResultJsonOptions options;
  options.pattern_offsets = offsets_of(pattern_index);
  return parse_json(cwlf::compile_result_json(compiled, options));
}

val explanation_js(const cwlf::Explanation& e, const Utf16Index& pattern_index, const Utf16Index& pasted_index) {
  cwlf::ResultJsonOptions options;
  options.pattern_offsets = offsets_of(pattern_index);
  options.pasted_offsets = offsets_of(pasted_index);
  return parse_json(cwlf::explanation_json(e, options));
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
  cwlf::ResultJsonOptions options;
  options.pattern_offsets = offsets_of(pattern_index);
  val out = val::object();
  out.set("warnings", parse_json(cwlf::warnings_json(warnings, options)));
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
