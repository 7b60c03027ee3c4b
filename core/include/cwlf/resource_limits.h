// The resource bounds cwlf enforces, in one place, each with the reason for
// its value. Every one of them produces its own clear diagnostic.
#pragma once

#include <cstdint>

namespace cwlf {

// CloudWatch rejects filter patterns longer than 1,024 characters (every API
// that takes one: PutMetricFilter, TestMetricFilter, FilterLogEvents, ...).
constexpr uint32_t kMaxPatternChars = 1024;

// CloudWatch's log event size quota (1 MB since 2025-04). Applied to the
// message CloudWatch would receive, i.e. the compact form of a JSON event.
constexpr uint32_t kMaxEventBytes = 1024 * 1024;

// Maximum JSON nesting depth of an event. CloudWatch does not document one;
// its JSON reader (Jackson) refuses documents nested deeper than 1,000 by
// default, and a selector in a 1,024-character pattern cannot reach deeper.
constexpr uint32_t kMaxJsonDepth = 1000;

// At most 2 regular expressions per filter pattern (AWS quota).
constexpr uint32_t kMaxRegexesPerPattern = 2;

// At most 3 wildcard selectors per JSON pattern, 1 per selector (AWS quota).
constexpr uint32_t kMaxWildcardSelectors = 3;

// Upper bound for {m,n} counts in a regex, as in RE2 and Java practice.
constexpr uint32_t kMaxRegexRepeat = 1000;

// Upper bound on the compiled size of one regex (instructions), so that a
// pattern such as %a{1,1000}a{1,1000}b% stays fast on a 1 MB event.
constexpr uint32_t kMaxRegexProgram = 20000;

// Number of events taken from one paste (the page and `cwlf test`).
constexpr uint32_t kMaxEventsPerPaste = 100000;

}  // namespace cwlf
