// The comparison rules CloudWatch applies to one scalar, shared by JSON
// conditions and space-delimited field conditions (docs/semantics.md, JSON and space-delimited patterns):
//  - a number value against an unquoted numeric literal compares as numbers;
//  - every other pairing compares the literal's text with the value's text
//    (a string's content, or a number's spelling as written in the event);
//  - `<`, `>`, `<=`, `>=` hold only between numbers;
//  - `*` at the start and/or end of a string literal is a wildcard.
#include <cstdlib>
#include <string>

#include "eval_internal.h"

namespace cwlf::detail {

namespace {

bool wildcard_equal(std::string_view text, const Value& v) {
  std::string_view lit = v.text;
  if (v.prefix_wildcard && v.suffix_wildcard) return text.find(lit) != std::string_view::npos;
  if (v.suffix_wildcard) return text.substr(0, lit.size()) == lit;
  if (v.prefix_wildcard) return text.size() >= lit.size() && text.substr(text.size() - lit.size()) == lit;
  return text == lit;
}

double to_double(std::string_view text) {
  std::string s(text);  // strtod needs a terminator; numbers are short
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace

bool is_numeric_token(std::string_view t) {
  size_t i = 0, n = t.size();
  if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
  size_t digits = 0;
  while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < n && t[i] == '.') {
    ++i;
    size_t frac = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  if (digits == 0) return false;
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    size_t exp = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == n;
}

bool compare_scalar(const Pattern& p, const ExprNode& cond, std::string_view text, bool is_number) {
  const Value& v = cond.value;
  switch (cond.op) {
    case CompareOp::Lt:
    case CompareOp::Gt:
    case CompareOp::Le:
    case CompareOp::Ge: {
      if (v.kind != ValueKind::Number || !is_number) return false;
      double x = to_double(text);
      if (cond.op == CompareOp::Lt) return x < v.number;
      if (cond.op == CompareOp::Gt) return x > v.number;
      if (cond.op == CompareOp::Le) return x <= v.number;
      return x >= v.number;
    }
    case CompareOp::Eq:
    case CompareOp::Ne:
      break;
  }
  bool equal = false;
  switch (v.kind) {
    case ValueKind::AnyValue:
      equal = true;
      break;
    case ValueKind::Regex:
      equal = v.regex >= 0 && static_cast<size_t>(v.regex) < p.regexes.size() && p.regexes[v.regex].search(text);
      break;
    case ValueKind::Number:
      equal = is_number ? to_double(text) == v.number : text == v.text;
      break;
    case ValueKind::String:
      equal = wildcard_equal(text, v);
      break;
  }
  return cond.op == CompareOp::Eq ? equal : !equal;
}

}  // namespace cwlf::detail
