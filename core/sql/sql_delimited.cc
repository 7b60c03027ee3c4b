// Space-delimited patterns `[...]` as SQL (core/eval/eval_delimited.cc).
// The message is cut into tokens by one regex, leftmost-first like cwlf's
// scanner: a `"` or `[` runs to the next `"` or `]` when there is one, any
// other token to the next space or tab. Fields take tokens by position; the
// last field of a pattern without `...` takes the rest of the line raw (from
// its first token to the end of the last, delimiters and inner blanks kept)
// when more tokens remain; with `...`, the fields after it take the last
// tokens. Fewer tokens than fields: no match.
#include <string>

#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace {

const char* kToken = "\"[^\"]*\"|\\[[^\\]]*\\]|[^ \\t]+";
const char* kNumeric = "^[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\z";

// A token without its `"..."` or `[...]` delimiters.
std::string unwrap(const std::string& t) {
  return "CASE WHEN length(" + t + ") >= 2 AND ((" + t + " LIKE '\"%' AND " + t + " LIKE '%\"') OR (" + t +
         " LIKE '[%' AND " + t + " LIKE '%]')) THEN substr(" + t + ", 2, length(" + t + ") - 2) ELSE " + t + " END";
}

// One condition of a field whose text is `value`.
std::string field_condition(Context& c, const ExprNode& n, const std::string& value) {
  std::string numeric = c.d.regex_search(value, kNumeric);
  const Value& v = n.value;
  if (n.op != CompareOp::Eq && n.op != CompareOp::Ne) {
    if (v.kind != ValueKind::Number) return "FALSE";
    return "COALESCE(" + numeric + " AND " + number_compare(c, n, number_value(c, value)) + ", FALSE)";
  }
  std::string eq;
  if (v.kind == ValueKind::Number) {
    ExprNode equal = n;
    equal.op = CompareOp::Eq;
    eq = "CASE WHEN " + numeric + " THEN " + number_compare(c, equal, number_value(c, value)) + " ELSE " + value +
         " = " + quote_string(v.text) + " END";
  } else {
    eq = literal_equal(c, v, value);
  }
  return n.op == CompareOp::Eq ? "COALESCE(" + eq + ", FALSE)" : "NOT COALESCE(" + eq + ", FALSE)";
}

}  // namespace

std::string delimited_predicate(Context& c) {
  const std::vector<Field>& fields = c.p.fields;
  const size_t nf = fields.size();
  size_t ellipsis = nf;
  for (size_t i = 0; i < nf; ++i)
    if (fields[i].kind == FieldKind::Ellipsis) ellipsis = i;
  const size_t needed = ellipsis < nf ? nf - 1 : nf;
  if (nf == 0) return "TRUE";

  std::string t = c.fresh("t");
  std::string parts = c.d.list_length(t) + " >= " + std::to_string(needed);
  for (size_t i = 0; i < nf; ++i) {
    const Field& f = fields[i];
    if (f.expr == UINT32_MAX) continue;
    std::string value;
    if (ellipsis < nf) {
      long index = i < ellipsis ? static_cast<long>(i) + 1 : -static_cast<long>(nf - i);
      value = unwrap(c.d.list_element(t, index));
    } else if (i + 1 < nf) {
      value = unwrap(c.d.list_element(t, static_cast<long>(i) + 1));
    } else {
      // The greedy last field: one token unwrapped, or the raw rest of the line.
      std::string skip = "^(?:[ \\t]*(?:" + std::string(kToken) + ")){" + std::to_string(nf - 1) + "}[ \\t]*";
      std::string rest = c.d.regex_remove(c.d.regex_remove(c.column, skip), "[ \\t]+\\z");
      value = "CASE WHEN " + c.d.list_length(t) + " = " + std::to_string(nf) + " THEN " +
              unwrap(c.d.list_element(t, static_cast<long>(nf))) + " ELSE " + rest + " END";
    }
    std::string var = c.fresh("f");
    std::string cond = expression(c.p, f.expr, [&](const ExprNode& n) { return field_condition(c, n, var); });
    parts += " AND COALESCE(" + c.d.let(value, var, cond) + ", FALSE)";
  }
  return "COALESCE(" + c.d.let(c.d.regex_extract_all(c.column, kToken), t, parts) + ", FALSE)";
}

}  // namespace cwlf::sql_detail
