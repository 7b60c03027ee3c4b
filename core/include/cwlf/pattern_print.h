// The normalised form of a filter pattern: the same pattern re-printed with
// every `&&`/`||` group in explicit parentheses and one consistent spacing, so
// that `A || B && C` reads as `A || (B && C)`, the way CloudWatch reads it.
//
// Selectors, values and text terms are printed exactly as written (their
// spelling is part of their meaning: `= 1` and `= "1"` differ), so printing
// and parsing again gives the same tree (tests/unit/pattern_print_test.cpp).
#pragma once

#include <string>

#include "pattern.h"

namespace cwlf {

std::string normalised_pattern(const Pattern& pattern);

// The text of one &&/|| expression of `pattern` (a JSON pattern's body, or the
// conditions of one delimited field), normalised as above.
std::string normalised_expression(const Pattern& pattern, uint32_t root);

}  // namespace cwlf
