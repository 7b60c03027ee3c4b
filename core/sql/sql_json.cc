// JSON patterns as SQL. The message must be exactly one JSON object (read
// as strictly as cwlf's reader); each condition is then true when some value
// its selector reaches satisfies it (core/eval/eval_json.cc):
//  - a path that does not exist makes every condition false but NOT EXISTS;
//  - `=`/`!=` and the order comparisons see only strings and numbers, so
//    `!=` is false on a missing field, null, a boolean, an object or an array;
//  - IS NULL holds for null and for an array holding a null element;
//  - `[*]` / `.*` reach every element of an array or value of an object.
// The engines re-spell JSON numbers (1.50 reads back as 1.5), so a text
// comparison that a decimal number's spelling could satisfy is refused
// (sql_number_text.cc).
#include <string>
#include <vector>

#include "cwlf/i18n.h"
#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace {

bool is_number_char(char ch) {
  return (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-';
}

// cwlf's own rule for one text (compare.cc), to decide at generation time.
bool literal_matches(const Pattern& p, const Value& v, std::string_view text) {
  if (v.kind == ValueKind::Regex)
    return v.regex >= 0 && static_cast<size_t>(v.regex) < p.regexes.size() &&
           p.regexes[static_cast<size_t>(v.regex)].search(text);
  std::string_view lit = v.text;
  if (v.prefix_wildcard && v.suffix_wildcard) return text.find(lit) != std::string_view::npos;
  if (v.suffix_wildcard) return text.substr(0, lit.size()) == lit;
  if (v.prefix_wildcard) return text.size() >= lit.size() && text.substr(text.size() - lit.size()) == lit;
  return text == lit;
}

enum class NumberText { Never, IntegersOnly, Unsafe };

// Can `= literal` (a string or regex) be true for a JSON number, and can the
// engine's spelling of that number decide it as cwlf's original spelling does?
NumberText number_text_kind(const Pattern& p, const Value& v) {
  if (v.kind == ValueKind::String) {
    bool number_chars = true;
    for (char ch : v.text) number_chars = number_chars && is_number_char(ch);
    if (!number_chars) return NumberText::Never;
  }
  return may_match_decimal_spelling(p, v) ? NumberText::Unsafe : NumberText::IntegersOnly;
}

class JsonGen {
 public:
  explicit JsonGen(Context& c) : c_(c), d_(c.d) {}

  std::string condition(const ExprNode& n) {
    const std::vector<SelectorStep>& steps = n.selector.steps;
    bool wildcard = false;
    for (const SelectorStep& s : steps) wildcard = wildcard || s.kind == StepKind::Wildcard;
    if (!wildcard) {
      std::string value = d_.json_root(c_.column);
      for (const SelectorStep& s : steps) value = step(value, s);
      // DuckDB: one JSON pointer read when no name on the path can be repeated.
      std::optional<std::pair<std::string, std::string>> fast = d_.json_pointer_read(c_.column, steps);
      if (n.condition == ConditionKind::NotExists) {
        if (fast) return "(CASE WHEN " + fast->first + " THEN " + fast->second + " ELSE " + value + " END IS NULL)";
        return "(" + value + " IS NULL)";
      }
      std::string x = c_.fresh("v");
      std::string test = holds(n, x);
      if (fast)
        return "COALESCE(CASE WHEN " + fast->first + " THEN " + d_.let(fast->second, x, test) + " ELSE " +
               d_.let(value, x, test) + " END, FALSE)";
      return "COALESCE(" + d_.let(value, x, test) + ", FALSE)";
    }
    std::string l = d_.list(d_.json_root(c_.column));
    for (const SelectorStep& s : steps) {
      std::string x = c_.fresh("v");
      if (s.kind == StepKind::Wildcard) {
        std::string children = "CASE WHEN " + d_.json_is(x, "ARRAY") + " THEN " + d_.json_array_elements(x) +
                               " WHEN " + d_.json_is(x, "OBJECT") + " THEN " + d_.json_object_values(x) + " ELSE " +
                               d_.empty_json_list() + " END";
        l = "flatten(" + d_.list_transform(l, x, children) + ")";
      } else {
        std::string y = c_.fresh("v");
        l = d_.list_filter(d_.list_transform(l, x, child(x, s)), y, y + " IS NOT NULL");
      }
    }
    if (n.condition == ConditionKind::NotExists) return "(" + d_.list_length(l) + " = 0)";
    std::string x = c_.fresh("v");
    return "COALESCE(" + d_.list_any(l, x, holds(n, x)) + ", FALSE)";
  }

 private:
  // The value one step below the variable `parent`, or SQL NULL.
  std::string child(const std::string& parent, const SelectorStep& s) {
    return s.kind == StepKind::Index ? d_.json_element(parent, s.index) : d_.json_member(parent, s.name);
  }

  // The value one step below the expression `value` (bound once).
  std::string step(const std::string& value, const SelectorStep& s) {
    std::string p = c_.fresh("p");
    return d_.let(value, p, child(p, s));
  }

  // The condition on the value in variable `v` (SQL NULL when missing: the
  // caller's COALESCE makes that false).
  std::string holds(const ExprNode& n, const std::string& v) {
    switch (n.condition) {
      case ConditionKind::IsNull:
        return d_.json_is(v, "NULL") + " OR (" + d_.json_is(v, "ARRAY") + " AND " +
               d_.json_array_holds_null(v) + ")";
      case ConditionKind::IsTrue:
        return d_.json_is(v, "TRUE");
      case ConditionKind::IsFalse:
        return d_.json_is(v, "FALSE");
      case ConditionKind::NotExists:
        return "FALSE";
      case ConditionKind::Compare:
        break;
    }
    std::string text = d_.json_scalar_text(v);
    std::string number = number_part(n, text);
    bool order = n.op != CompareOp::Eq && n.op != CompareOp::Ne;
    std::string string = "FALSE";
    if (!order) {
      std::string eq = literal_equal(c_, n.value, text);
      string = n.op == CompareOp::Eq ? eq : "NOT (" + eq + ")";
    }
    std::string out;
    if (string != "FALSE") out = "(" + d_.json_is(v, "STRING") + " AND " + string + ")";
    if (number != "FALSE") {
      if (!out.empty()) out += " OR ";
      out += "(" + d_.json_is(v, "NUMBER") + " AND " + number + ")";
    }
    return out.empty() ? "FALSE" : out;
  }

  // The condition on a JSON number whose text (as the engine spells it) is `text`.
  std::string number_part(const ExprNode& n, const std::string& text) {
    const Value& v = n.value;
    if (v.kind == ValueKind::Number) return number_compare(c_, n, number_value(c_, text));
    if (n.op != CompareOp::Eq && n.op != CompareOp::Ne) return "FALSE";
    bool eq = n.op == CompareOp::Eq;
    if (v.kind == ValueKind::AnyValue) return eq ? "TRUE" : "FALSE";
    switch (number_text_kind(c_.p, v)) {
      case NumberText::Never:
        return eq ? "FALSE" : "TRUE";
      case NumberText::IntegersOnly:
        if (literal_matches(c_.p, v, "0") != literal_matches(c_.p, v, "-0")) {
          c_.refuse("json-number-text",
                    say("sql.json.minus-zero"),
                    v.span);
          return "FALSE";
        }
        break;
      case NumberText::Unsafe:
        c_.refuse("json-number-text",
                  say("sql.json.number-spelling"),
                  v.span);
        return "FALSE";
    }
    // Integers keep their spelling; a decimal (with . e E) cannot equal this literal.
    std::string match = "NOT " + d_.regex_search(text, "[.eE]") + " AND " + literal_equal(c_, v, text);
    return eq ? "(" + match + ")" : "NOT (" + match + ")";
  }

  Context& c_;
  const Dialect& d_;
};

}  // namespace

std::string json_predicate(Context& c) {
  JsonGen gen(c);
  std::string body = expression(c.p, c.p.root, [&](const ExprNode& n) { return gen.condition(n); });
  return "CASE WHEN " + c.d.json_object_message(c.column) + " THEN " + body + " ELSE FALSE END";
}

}  // namespace cwlf::sql_detail
