// Converting what the core returns into plain JavaScript values (embind's
// emscripten::val), shared by every binding. The two promises of docs/api.md
// are kept here:
//   * every position handed to JavaScript is a UTF-16 code-unit index (a JS
//     string index) into the string JavaScript passed in; the core's UTF-8
//     byte offsets are converted in one place, Utf16Index;
//   * results are plain objects and arrays, never C++ handles.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cwlf/diagnostic.h"
#include "cwlf/evaluate.h"
#include "cwlf/events.h"
#include "cwlf/lint.h"
#include "cwlf/pattern.h"
#include "cwlf/run.h"

namespace cwlf_js {

using emscripten::val;

// UTF-8 byte offsets -> UTF-16 indices.
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
  explicit Utf16Index(std::string_view text);
  uint32_t operator()(uint32_t byte) const;
  // {offset, length} of a byte span, as UTF-16 indices.
  std::pair<uint32_t, uint32_t> span(const cwlf::Span& s) const;

 private:
  static constexpr uint32_t kStride = 64;
  uint32_t scan(size_t block, uint32_t byte) const;

  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> checkpoints_;  // checkpoints_[k]: UTF-16 index of byte k * kStride
};

// JSON text -> a plain JavaScript value.
val parse_json(const std::string& json);

val diagnostic_js(const cwlf::Diagnostic& d, const Utf16Index& index);
// { ok, family, error }
val compiled_js(const cwlf::CompileResult& compiled, const Utf16Index& pattern_index);
// { nodes: [...] } (docs/api.md, "The explanation tree")
val explanation_js(const cwlf::Explanation& e, const Utf16Index& pattern_index, const Utf16Index& pasted_index);
// [[name, value], ...]
val extracted_js(const std::vector<std::pair<std::string, std::string>>& extracted);
// { warnings, normalised }
val lint_js(const std::string& pattern, const cwlf::CompileResult& compiled, const std::vector<cwlf::Warning>& warnings);

// options.explain: 'all' (default), 'none', false, or the index of one event.
cwlf::RunOptions run_options(const val& options);

}  // namespace cwlf_js
