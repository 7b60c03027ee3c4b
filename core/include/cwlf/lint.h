// Pitfall warnings: the mistakes people make writing CloudTrail alarms and
// other filter patterns, found before they deploy them.
//
// A warning is not an error: CloudWatch accepts the pattern (or, for the few
// text checks that also run on an invalid pattern, the warning says why it
// was probably rejected). Each one points at the part of the pattern it is
// about, says in one or two plain sentences what CloudWatch will do, and,
// where a rewrite exists, offers the whole pattern rewritten. Every offered
// rewrite has been compiled: a fix never turns a valid pattern invalid.
//
// Three families of checks, one file each:
//   lint_text.cc     on the raw text (runs even when the pattern is invalid):
//                    smart or single quotes, Logs Insights syntax, over 1,024 characters;
//   lint_pattern.cc  on the parsed pattern: quoted %regex%, interior `*`,
//                    `" "` as "everything", `A || B && C`, identity fields;
//   lint_events.cc   on the pattern and the pasted events: `!=` on a field
//                    some events lack, `= true` on a boolean, JSON after a
//                    text prefix, delimited field count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "events.h"
#include "pattern.h"

namespace cwlf {

struct LintFix {
  std::string label;    // what the button says: "Rewrite as (… || … NOT EXISTS)"
  std::string pattern;  // the whole pattern, rewritten
};

struct Warning {
  std::string code;      // stable identifier, e.g. "ne-missing-field"
  std::string message;   // plain language: what CloudWatch will do, and why it matters
  Span span;             // in the pattern text (bytes)
  std::vector<LintFix> fixes;  // may be empty: not every pitfall has a rewrite
};

// All warnings for `text`, given what compile_pattern(text) returned and,
// when there are any, the events it will be tested on (nullptr: none).
std::vector<Warning> lint(std::string_view text, const CompileResult& compiled, const SplitResult* events);

// The families, for callers and tests that want one.
std::vector<Warning> lint_text(std::string_view text, const CompileResult& compiled);
std::vector<Warning> lint_pattern(const Pattern& pattern);
std::vector<Warning> lint_events(const Pattern& pattern, const SplitResult& events);

}  // namespace cwlf
