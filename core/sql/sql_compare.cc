// The comparison rules of one scalar (core/eval/compare.cc) as SQL pieces:
// a literal's text against a text (exact, `*` wildcards as LIKE with every
// special character escaped, %regex% as the dialect's regex search), and a
// number literal against a number.
#include <cmath>

#include "cwlf/i18n.h"
#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace {

std::string like_escaped(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\' || ch == '%' || ch == '_') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

std::string number_value(const Context& c, const std::string& text) {
  // strtod overflows to +-infinity and underflows to zero, where a cast gives NULL.
  return "COALESCE(" + c.d.try_double(text) + ", CASE WHEN " + c.d.regex_search(text, "[eE]-") +
         " THEN CAST(0 AS DOUBLE) WHEN " + text + " LIKE '-%' THEN CAST('-Infinity' AS DOUBLE)" +
         " ELSE CAST('Infinity' AS DOUBLE) END)";
}

std::string literal_equal(Context& c, const Value& v, const std::string& text) {
  switch (v.kind) {
    case ValueKind::AnyValue:
      return "TRUE";
    case ValueKind::Number:
      return text + " = " + quote_string(v.text);
    case ValueKind::Regex: {
      Refusal r;
      std::optional<std::string> re;
      if (v.regex >= 0 && static_cast<size_t>(v.regex) < c.p.regexes.size())
        re = translate_regex(c.p.regexes[static_cast<size_t>(v.regex)], r, v.span);
      if (!re) {
        c.refuse(r.family.empty() ? "regex" : r.family, r.reason, v.span);
        return "FALSE";
      }
      return c.d.regex_search(text, *re);
    }
    case ValueKind::String:
      break;
  }
  if (!v.prefix_wildcard && !v.suffix_wildcard) return text + " = " + quote_string(v.text);
  std::string like = (v.prefix_wildcard ? "%" : "") + like_escaped(v.text) + (v.suffix_wildcard ? "%" : "");
  return text + " LIKE " + quote_string(like) + " ESCAPE '\\'";
}

std::string number_compare(Context& c, const ExprNode& cond, const std::string& number) {
  if (!std::isfinite(cond.value.number)) {
    c.refuse("number-literal",
             say("sql.number-out-of-range", {{"number", cond.value.text}}),
             cond.value.span);
    return "FALSE";
  }
  return number + " " + compare_op_text(cond.op) + " " + double_literal(cond.value.number);
}

}  // namespace cwlf::sql_detail
