// Formats a diagnostic the way compilers and jq do: the offending line of the
// text, a caret line under the faulty span, and the messages.
#pragma once

#include <string>
#include <string_view>

#include "cwlf/diagnostic.h"

namespace cwlf::cli {

std::string caret_diagnostic(std::string_view text, const Diagnostic& d);

// 1-based line and column (in bytes) of a byte offset.
struct LineCol {
  uint32_t line = 1, column = 1;
};
LineCol line_col(std::string_view text, uint32_t offset);

}  // namespace cwlf::cli
