// The parsed form of a CloudWatch Logs filter pattern.
//
// A Pattern is one of four families, decided by its first non-blank
// character as CloudWatch does: nothing (match all), `{` (JSON), `[`
// (space-delimited) or anything else (text terms). Every piece keeps its byte
// span in the pattern text so that explanations can point at it.
//
// Boolean expressions (JSON conditions, and the conditions on one field of a
// space-delimited pattern) are stored as a flat vector of ExprNode; `&&` and
// `||` chains are n-ary ("a && b && c" is one And node with three operands),
// parentheses leave no node of their own but widen the span.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "regex.h"

namespace cwlf {

enum class PatternFamily : uint8_t { MatchAll, Terms, Json, Delimited };

// ---- values on the right of a comparison ----------------------------------

enum class ValueKind : uint8_t {
  String,    // quoted or bare text, possibly with a leading and/or trailing `*`
  Number,    // an unquoted numeric literal: 400, -1.5, 1e+3, +10
  Regex,     // %...%
  AnyValue,  // `*` or "*" alone: any string or number
};

struct Value {
  ValueKind kind = ValueKind::String;
  bool quoted = false;
  // String: the text without quotes, escapes resolved, and without the
  //   leading/trailing wildcard stars. Number: the literal as written.
  //   Regex: the body between the `%`s.
  std::string text;
  bool prefix_wildcard = false;  // "*abc": matches text ending in abc
  bool suffix_wildcard = false;  // "abc*": matches text starting with abc
  double number = 0;             // Number: the literal's value
  int regex = -1;                // Regex: index into Pattern::regexes
  Span span;
};

// ---- JSON selectors --------------------------------------------------------

enum class StepKind : uint8_t {
  Member,    // .name or .['dotted.name']
  Index,     // [3]
  Wildcard,  // .* or [*]: every element of an array or value of an object
};

struct SelectorStep {
  StepKind kind = StepKind::Member;
  std::string name;    // Member
  uint32_t index = 0;  // Index
  Span span;
};

struct Selector {
  std::vector<SelectorStep> steps;
  Span span;  // `$.a.b[0]` in the pattern
  bool has_wildcard() const;
};

// ---- conditions and boolean expressions -------------------------------------

enum class CompareOp : uint8_t { Eq, Ne, Lt, Gt, Le, Ge };
enum class ConditionKind : uint8_t { Compare, IsNull, IsTrue, IsFalse, NotExists };

enum class ExprKind : uint8_t { And, Or, Condition };

struct ExprNode {
  ExprKind kind = ExprKind::Condition;
  Span span;                       // includes enclosing parentheses when written
  std::vector<uint32_t> operands;  // And / Or: indices into the owning vector
  // Condition:
  ConditionKind condition = ConditionKind::Compare;
  CompareOp op = CompareOp::Eq;
  Span op_span;
  Selector selector;       // JSON patterns
  std::string field_name;  // space-delimited patterns: the field the condition tests
  Value value;             // Compare only
};

// ---- text terms -------------------------------------------------------------

enum class TermKind : uint8_t { Required, Optional, Excluded };  // plain, ?term, -term

struct Term {
  TermKind kind = TermKind::Required;
  bool quoted = false;
  std::string text;  // the literal to find (escapes resolved) or the regex body
  int regex = -1;    // index into Pattern::regexes for %regex% terms, else -1
  Span span;         // the whole term, including its ?/- prefix and quotes
};

// ---- space-delimited fields --------------------------------------------------

enum class FieldKind : uint8_t {
  Named,     // `ip` or `status_code = 404 || status_code = 410`
  Ellipsis,  // `...`
  Empty,     // nothing between two commas, or after a trailing comma
};

struct Field {
  FieldKind kind = FieldKind::Named;
  std::string name;          // Named
  Span span;
  uint32_t expr = UINT32_MAX;  // root of this field's condition in Pattern::nodes, or UINT32_MAX
};

// ---- the pattern -------------------------------------------------------------

struct Pattern {
  std::string text;
  PatternFamily family = PatternFamily::MatchAll;
  std::vector<Term> terms;       // Terms
  std::vector<ExprNode> nodes;   // Json: the whole tree; Delimited: every field's conditions
  uint32_t root = UINT32_MAX;    // Json: root of `nodes`
  std::vector<Field> fields;     // Delimited
  std::vector<Regex> regexes;
};

struct CompileResult {
  std::shared_ptr<const Pattern> pattern;  // set when valid
  std::optional<Diagnostic> error;         // set when invalid
};

// Parses and validates a filter pattern. Rejects what CloudWatch rejects,
// with AWS's wording plus the position and a plain-language reason.
CompileResult compile_pattern(std::string_view text);

const char* family_name(PatternFamily f);
const char* compare_op_text(CompareOp op);

}  // namespace cwlf
