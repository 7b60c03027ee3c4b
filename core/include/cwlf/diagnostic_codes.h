// Every diagnostic code cwlf reports, in one list: the stable identifiers of
// Diagnostic::code (pattern and event errors) and of lint warnings
// (LintWarning::code). docs/api.md documents each one, and
// tests/unit/diagnostic_codes_test.cpp fails when a code is undocumented, is
// produced by no test, or when cwlf reports a code that is not listed here.
//
// X(code, kind, meaning): kind is pattern (compile_pattern rejects the
// pattern), event (one event, or the paste, cannot be read) or warning (a
// pitfall the pattern compiles with).
#pragma once

#include <cstddef>
#include <string_view>

#define CWLF_DIAGNOSTIC_CODES(X)                                                                                   \
  /* ---- the pattern as a whole ---- */                                                                            \
  X("pattern-too-long", pattern, "longer than CloudWatch's 1,024 characters")                                     \
  X("invalid-utf8", pattern, "bytes that are not UTF-8")                                                          \
  X("internal-error", pattern, "a parser guard tripped (a bug in cwlf; the pattern is refused rather than guessed)") \
  /* ---- text terms ---- */                                                                                        \
  X("wildcard-in-term", pattern, "a `*` in a text term (wildcards exist only in values)")                         \
  X("quote-in-term", pattern, "a `\"` inside an unquoted term")                                                    \
  X("non-ascii-in-term", pattern, "a non-ASCII character in an unquoted term")                                    \
  X("invalid-term-character", pattern, "a character CloudWatch refuses in an unquoted term")                      \
  X("empty-term", pattern, "a `?` or `-` with no term after it")                                                  \
  X("unterminated-quote", pattern, "a quoted term or value that is never closed")                                 \
  X("missing-space-after-term", pattern, "a closing quote or `%` directly followed by more text")                 \
  /* ---- regular expressions ---- */                                                                               \
  X("regex-invalid-character", pattern, "a character outside AWS's regex subset")                                 \
  X("regex-syntax", pattern, "a malformed regular expression")                                                    \
  X("regex-too-large", pattern, "a regular expression too large to run safely")                                   \
  X("regex-unsupported", pattern, "a regex construct cwlf does not implement")                                    \
  X("too-many-regexes", pattern, "more than 2 regular expressions in one pattern")                                \
  X("unterminated-regex", pattern, "a `%` that is never closed")                                                  \
  X("empty-regex", pattern, "`%%`: a regular expression with nothing in it")                                      \
  /* ---- values and operators (JSON and space-delimited) ---- */                                                   \
  X("missing-value", pattern, "an operator with no value after it")                                               \
  X("double-equals", pattern, "`==` instead of `=`")                                                              \
  X("unknown-operator", pattern, "`=>`, `=<`, `<>` or another sequence that is not an operator")                  \
  X("unexpected-operator", pattern, "two operators in a row")                                                     \
  X("expected-operator", pattern, "a selector or field with no operator after it")                                \
  X("relational-needs-number", pattern, "`<`, `<=`, `>` or `>=` with a value that is not a number")               \
  X("null-literal", pattern, "`= null` (write IS NULL)")                                                          \
  X("invalid-value-character", pattern, "a character that cannot stand in an unquoted value")                     \
  X("missing-space-after-value", pattern, "a value directly followed by more text")                               \
  X("negation-not-supported", pattern, "`!` used as negation")                                                    \
  /* ---- && / || and parentheses ---- */                                                                           \
  X("missing-condition", pattern, "`&&`, `||` or `(` with no condition where one must be")                        \
  X("empty-parentheses", pattern, "`()`")                                                                         \
  X("unclosed-parenthesis", pattern, "a `(` that is never closed")                                                \
  X("unbalanced-parenthesis", pattern, "a `)` with no `(`")                                                       \
  X("expected-logical-operator", pattern, "two conditions with no `&&` or `||` between them")                     \
  X("single-logical-operator", pattern, "`&` or `|` instead of `&&` or `||`")                                     \
  X("word-operator", pattern, "AND / OR written as words")                                                        \
  /* ---- JSON patterns ---- */                                                                                     \
  X("missing-closing-brace", pattern, "a pattern that starts with `{` and does not end with `}`")                 \
  X("text-after-json", pattern, "text after the closing `}`")                                                     \
  X("empty-json-pattern", pattern, "`{}`: a JSON pattern with no condition")                                      \
  X("eventbridge-style", pattern, "an EventBridge event pattern (`\"key\": [...]`) instead of a filter pattern")  \
  X("selector-without-dollar", pattern, "a selector that does not start with `$`")                                \
  X("expected-selector", pattern, "no selector where a condition starts")                                         \
  X("empty-selector", pattern, "`$` or `$name` with no `.` step")                                                 \
  X("recursive-descent", pattern, "`$..name` (not supported by CloudWatch)")                                      \
  X("negative-index", pattern, "an array index below 0")                                                          \
  X("array-slice", pattern, "an array slice `[a:b]`")                                                             \
  X("invalid-index", pattern, "an array index that is not a whole number or `*`")                                 \
  X("index-too-large", pattern, "an array index of 2^32 or more")                                                 \
  X("index-without-property", pattern, "an index or bracketed key directly after `$`")                            \
  X("bracket-key-without-dot", pattern, "`['key']` with no `.` before it")                                        \
  X("invalid-bracket-key", pattern, "`.[` not followed by a single-quoted key")                                   \
  X("unterminated-bracket-key", pattern, "a bracketed key that is never closed")                                  \
  X("empty-key", pattern, "`['']`: an empty key")                                                                 \
  X("missing-property-name", pattern, "a `.` with no property name after it")                                     \
  X("invalid-selector-character", pattern, "a character that cannot appear in a property name after `.`")        \
  X("too-many-wildcards-in-selector", pattern, "more than one wildcard in one selector")                          \
  X("too-many-wildcard-selectors", pattern, "more than 3 selectors with wildcards in one pattern")                \
  X("expected-keyword", pattern, "IS or NOT followed by something other than NULL/TRUE/FALSE or EXISTS")           \
  X("keyword-case", pattern, "a keyword not in capitals (`is null`)")                                              \
  X("is-not-not-supported", pattern, "IS NOT (CloudWatch has none)")                                               \
  X("exists-not-supported", pattern, "EXISTS without NOT (CloudWatch has none)")                                   \
  /* ---- space-delimited patterns ---- */                                                                          \
  X("missing-closing-bracket", pattern, "a pattern that starts with `[` and has no closing `]`")                  \
  X("text-after-fields", pattern, "text after the closing `]`")                                                   \
  X("duplicate-field", pattern, "the same field name (or `...`) twice")                                           \
  X("cross-field-condition", pattern, "a condition joining two different fields")                                 \
  X("expected-field-name", pattern, "no field name where one must be")                                            \
  X("invalid-field-name", pattern, "a character that cannot appear in a field name")                              \
  X("expected-comma", pattern, "two fields with no `,` between them")                                              \
  /* ---- events ---- */                                                                                            \
  X("invalid-json", event, "an event that starts as JSON but is not valid JSON")                                  \
  X("json-too-deep", event, "JSON nested deeper than cwlf reads")                                                 \
  X("expected-json-object", event, "among JSON events, a value that is not an object")                            \
  X("unterminated-json", event, "a JSON object not closed before the next one or the end of the input")          \
  X("event-too-large", event, "an event over CloudWatch's 1 MB (1,048,576 bytes)")                                \
  X("too-many-events", event, "more events than one paste may hold")                                              \
  X("paste-too-large", event, "a paste of 4 GiB or more")                                                         \
  X("csv-row", event, "a Logs Insights CSV row that is malformed or has the wrong number of fields")              \
  /* ---- pitfall warnings (lint) ---- */                                                                           \
  X("ne-missing-field", warning, "a `!=` on a field some events lack: those events never match")                  \
  X("ne-identity-field", warning, "a `!=` on a CloudTrail identity field some identity types lack")               \
  X("eq-boolean", warning, "`= true`/`= false` on a boolean (matches only the string)")                           \
  X("precedence", warning, "`A || B && C`: `&&` binds tighter than `||`")                                         \
  X("quoted-regex", warning, "a quoted `%regex%` is literal text")                                                \
  X("hyphen-splits-term", warning, "an unquoted word with a `-` inside: read as a term and exclusions")            \
  X("interior-star", warning, "a `*` inside a value is a literal star")                                           \
  X("blank-phrase", warning, "`\" \"` matches only messages with a space, not everything")                        \
  X("smart-quotes", warning, "typographic quotes pasted from a document")                                         \
  X("single-quotes", warning, "single quotes do not quote in filter patterns")                                    \
  X("insights-syntax", warning, "CloudWatch Logs Insights query syntax")                                          \
  X("too-long", warning, "over 1,024 characters")                                                                 \
  X("json-text-prefix", warning, "JSON after a text prefix (e.g. Lambda's) is plain text to a JSON pattern")      \
  X("delimited-too-few", warning, "events with fewer tokens than the pattern has fields")                         \
  X("delimited-surplus", warning, "events with more tokens than fields and no `...`")

namespace cwlf {

enum class DiagnosticKind { pattern, event, warning };

struct DiagnosticCodeInfo {
  std::string_view code;
  DiagnosticKind kind;
  std::string_view meaning;
};

inline constexpr DiagnosticCodeInfo kDiagnosticCodes[] = {
#define CWLF_DIAGNOSTIC_CODE_INFO(code, kind, meaning) {code, DiagnosticKind::kind, meaning},
    CWLF_DIAGNOSTIC_CODES(CWLF_DIAGNOSTIC_CODE_INFO)
#undef CWLF_DIAGNOSTIC_CODE_INFO
};

// The entry of `code`, or nullptr when cwlf does not know it.
constexpr const DiagnosticCodeInfo* find_diagnostic_code(std::string_view code) {
  for (const DiagnosticCodeInfo& info : kDiagnosticCodes) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

}  // namespace cwlf
