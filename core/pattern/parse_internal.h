// Private to the pattern parser (pattern_parser.cc, parse_*.cc): the parse
// context, the lexing helpers the three families share, and the family entry
// points. Nothing here is part of cwlf's interface.
//
// Conventions: every function that can fail returns bool; on failure it has
// stored exactly one Diagnostic in ParseContext::error (the first one wins)
// and the caller returns false at once. No exceptions, and no recursion whose
// depth the input controls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "pattern.h"

namespace cwlf {
namespace parse {

// AWS's words for the errors it reports.
extern const char* const kAwsInvalidPattern;  // "Invalid metric filter pattern"
extern const char* const kAwsRegexCompile;    // "Failed to compile regular expression."
extern const char* const kAwsTooManyRegexes;
extern const char* const kAwsTooManyWildcards;
std::string aws_invalid_chars(std::string_view term);  // "Invalid character(s) in term '<term>'"

struct ParseContext {
  std::string_view text;
  Pattern& pattern;
  std::optional<Diagnostic> error;
  uint32_t wildcard_selectors = 0;

  ParseContext(std::string_view t, Pattern& p) : text(t), pattern(p) {}

  size_t size() const { return text.size(); }
  bool at_end(size_t pos) const { return pos >= text.size(); }
  char at(size_t pos) const { return pos < text.size() ? text[pos] : '\0'; }
  // Records the first error; always returns false so callers can `return ctx.fail(...)`.
  bool fail(const char* code, std::string aws_message, std::string message, size_t offset, size_t length);
};

// ---- characters ---------------------------------------------------------------

// Whitespace is free wherever AWS allows it: space, tab, CR, LF (and FF, VT).
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
// Characters of a JSON property name after `.` and of a space-delimited field
// name: ASCII letters, digits, `_` and `-` (the documented set).
inline bool is_name_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }

size_t skip_space(std::string_view text, size_t pos);
// Bytes of the valid UTF-8 sequence at `pos` (1-4), or 0 if it is not valid UTF-8.
size_t utf8_sequence_length(std::string_view text, size_t pos);
// Bytes of the (possibly malformed) UTF-8 character starting at `pos`, at least 1.
size_t char_length(std::string_view text, size_t pos);
// The character at `pos` for messages: printable ASCII as is, else a quoted description.
std::string describe_char(std::string_view text, size_t pos);
// What is at `pos` for "but found ..." messages: "the end of the pattern" or "'x'".
std::string describe_found(std::string_view text, size_t pos);
// The end of "..., but X.": "the pattern ends here" at the end, else "found <describe_found>",
// a sentence piece in the current language.
std::string found_or_end(std::string_view text, size_t pos);
// `sentence` with a leading ASCII lowercase letter made uppercase (for pieces that open a sentence).
std::string capitalized(std::string sentence);

// ---- shared lexemes ------------------------------------------------------------

// A double-quoted string starting at `pos` (text[pos] == '"'). Escapes: `\"`
// and `\\`; any other backslash stays as written. On success `end` is just
// past the closing quote. Returns false, without reporting, when the quote is
// never closed (each family words that error differently).
bool scan_quoted(std::string_view text, size_t pos, std::string& out, size_t& end);

// A `%regex%` starting at `pos` (text[pos] == '%'): finds the closing `%`,
// compiles the body, enforces the per-pattern regex quota and appends it to
// Pattern::regexes. AWS's "Invalid character(s) in term '...'" quotes the
// text from the opening `%` up to and including the bad character.
bool parse_regex(ParseContext& ctx, size_t pos, int& regex_index, std::string& body, size_t& end);

enum class ValueContext : uint8_t { Json, Delimited };

inline bool is_operator_start(char c) { return c == '=' || c == '!' || c == '<' || c == '>'; }

// An operator `= != < > <= >=` at `pos` (text[pos] is_operator_start).
// Reports `==`, `=>`, `=<`, `<>`, `!==` and a lone `!`.
bool parse_compare_op(ParseContext& ctx, size_t& pos, CompareOp& op, Span& op_span);

// The value after an operator (leading whitespace skipped). Enforces: regex
// only with = and !=, relational operators only with an unquoted number,
// `null` rejected.
bool parse_value(ParseContext& ctx, size_t& pos, CompareOp op, Span op_span, ValueContext vc,
                 Value& value);

// ---- boolean expressions (JSON conditions, conditions on one delimited field) ----

class ConditionSyntax {
 public:
  virtual ~ConditionSyntax() = default;
  // Parses one condition at `pos` (not `(`), appends it to Pattern::nodes.
  virtual bool parse_condition(ParseContext& ctx, size_t& pos, uint32_t& node) = 0;
  // In operator position at parenthesis depth 0: does `pos` end the expression?
  virtual bool ends_expression(const ParseContext& ctx, size_t pos) const = 0;
  // "the closing '}'" / "',' or ']'" for messages, in the current language.
  virtual std::string end_description() const = 0;
};

// Parses `cond (&& cond)* (|| ...)*` with parentheses, `&&` binding tighter
// than `||`, using an explicit stack. Stops (without consuming) where
// `ends_expression` says so at depth 0.
bool parse_expression(ParseContext& ctx, ConditionSyntax& syntax, size_t& pos, uint32_t& root);

// ---- family entry points -----------------------------------------------------------

bool parse_terms(ParseContext& ctx, size_t pos);
bool parse_json_pattern(ParseContext& ctx, size_t pos);
bool parse_delimited(ParseContext& ctx, size_t pos);

}  // namespace parse
}  // namespace cwlf
