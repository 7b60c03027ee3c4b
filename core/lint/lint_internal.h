// Private to the lint checks (lint*.cc): building warnings and fixes.
#pragma once

#include <string>
#include <string_view>

#include "lint.h"

namespace cwlf::lint_detail {

std::string_view slice(std::string_view text, Span s);
// `text` with the bytes of `s` replaced by `with`.
std::string splice(std::string_view text, Span s, std::string_view with);
// Adds the fix when `pattern` compiles (and differs from `original`).
void add_fix(Warning& w, std::string_view original, std::string label, std::string pattern);
// "`text`", cut to a readable length.
std::string code(std::string_view text, size_t max_len = 80);
// The span covering a condition's selector (or field name) up to the end of its value / keyword,
// without the parentheses that may enclose the condition.
Span condition_core(const ExprNode& n);
// Is condition `node` (a `!=` on a JSON selector) already written to cope
// with a missing field: an operand of an `||` that also tests `sel NOT
// EXISTS` or the CloudTrail identity type `$.userIdentity.type`?
bool ne_guarded(const Pattern& p, uint32_t node);
// Number of characters (code points) of UTF-8 text.
size_t char_count(std::string_view text);

}  // namespace cwlf::lint_detail
