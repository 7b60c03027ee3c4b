// The names of the result schema's enums: the strings `cwlf test --json` and
// the JavaScript API both write (one table; docs/api.md documents them).
// family_name() (pattern.h) and input_format_name() (events.h) belong to the
// same table.
#pragma once

#include "evaluate.h"

namespace cwlf {

const char* outcome_name(Outcome o);       // "true" | "false" | "skipped"
const char* found_name(Found f);           // "missing" | "null" | … | "text"; nullptr for NotApplicable
const char* explain_kind_name(ExplainKind k);  // "match-all" | "not-json" | "and" | "or" | …

}  // namespace cwlf
