// Text-term patterns as SQL (core/eval/eval_terms.cc): each term is a
// case-sensitive substring (or unanchored regex) search of the whole
// message; every plain term must be present and no -term may be; `?` terms
// form an OR but are ignored when the pattern has any plain or -term.
#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace {

std::string present(Context& c, const Term& t) {
  if (t.regex < 0) return "strpos(" + c.column + ", " + quote_string(t.text) + ") > 0";
  Refusal r;
  std::optional<std::string> re = translate_regex(c.p.regexes[static_cast<size_t>(t.regex)], r, t.span);
  if (!re) {
    c.refuse(r.family, r.reason, t.span);
    return "FALSE";
  }
  return c.d.regex_search(c.column, *re);
}

}  // namespace

std::string terms_predicate(Context& c) {
  bool any_plain = false;
  for (const Term& t : c.p.terms) any_plain = any_plain || t.kind != TermKind::Optional;
  std::string out;
  for (const Term& t : c.p.terms) {
    if (any_plain == (t.kind == TermKind::Optional)) continue;  // ignored ?terms, or plain terms in a ?-only list
    std::string one = present(c, t);
    if (t.kind == TermKind::Excluded) one = "NOT " + one;
    if (!out.empty()) out += any_plain ? " AND " : " OR ";
    out += one;
  }
  return out.empty() ? "FALSE" : "(" + out + ")";
}

}  // namespace cwlf::sql_detail
