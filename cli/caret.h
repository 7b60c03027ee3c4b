// Formats a diagnostic the way compilers and jq do: the offending line of the
// text, a caret line under the faulty span, and the messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cwlf/diagnostic.h"

namespace cwlf::cli {

std::string caret_diagnostic(std::string_view text, const Diagnostic& d);

// 1-based line and column (in bytes) of a byte offset.
struct LineCol {
  uint32_t line = 1, column = 1;
};
LineCol line_col(std::string_view text, uint32_t offset);

// line_col() for many offsets into one text (a report on every event of a
// 60 MB input): the line starts are found once, each lookup is a binary
// search, where line_col() alone would rescan from the start every time.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineCol at(uint32_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;  // offset of each line's first byte
};

}  // namespace cwlf::cli
