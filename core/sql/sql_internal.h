// Private to core/sql: the dialect table, the refusal carried while
// generating, and the per-family generators the entry point calls.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pattern.h"
#include "sql.h"
#include "tree_walk.h"

namespace cwlf::sql_detail {

// The first construct that cannot be translated exactly stops generation.
struct Refusal {
  std::string family;
  std::string reason;
  Span span;
};

// SQL text helpers shared by every dialect.
std::string quote_string(std::string_view s);      // 'it''s'
std::string quote_identifier(std::string_view s);  // "message"
std::string double_literal(double v);              // CAST('1.5' AS DOUBLE)

// Where the dialects differ. DuckDB reads JSON with yyjson and addresses it
// with JSON pointers; Trino (and Athena engine v3) with JSONPath and casts.
class Dialect {
 public:
  explicit Dialect(SqlDialect d) : d_(d) {}
  bool duck() const { return d_ == SqlDialect::DuckDB; }

  // Regular expression search (unanchored) of `re` (already translated).
  std::string regex_search(const std::string& text, const std::string& re) const;
  // The JSON value of the whole message (`column` is a VARCHAR).
  std::string json_root(const std::string& column) const;
  // The value of member `name` of `object` (the last one when the name is
  // repeated, as cwlf reads it), or element `index` of `array`; SQL NULL when
  // absent or when the value is not an object / not an array. `value` must
  // be a variable (it is used more than once).
  std::string json_member(const std::string& object, const std::string& name) const;
  std::string json_element(const std::string& array, uint32_t index) const;
  // DuckDB only (nullopt for Trino): {condition, value} where `value` reads
  // the path with one JSON pointer, exact whenever `condition` holds: no
  // member name of the path occurs twice in the message's text (so no object
  // on the path repeats it) and no key can be spelled with an escape.
  std::optional<std::pair<std::string, std::string>> json_pointer_read(const std::string& column,
                                                                       const std::vector<SelectorStep>& steps) const;
  // The value's kind test (kind: OBJECT ARRAY STRING NUMBER NULL TRUE FALSE).
  std::string json_is(const std::string& value, std::string_view kind) const;
  // A string's content or a number's text as the engine spells it.
  std::string json_scalar_text(const std::string& value) const;
  // The elements of an array / the member values of an object, as a list of JSON.
  std::string json_array_elements(const std::string& value) const;
  std::string json_object_values(const std::string& value) const;
  // True when the JSON value `value` is an array holding a null element.
  std::string json_array_holds_null(const std::string& value) const;
  // The message is exactly one JSON object, read as strictly as cwlf does.
  std::string json_object_message(const std::string& column) const;

  std::string list(const std::string& element) const;  // a one-element list
  std::string empty_json_list() const;
  std::string list_filter(const std::string& l, const std::string& var, const std::string& body) const;
  std::string list_transform(const std::string& l, const std::string& var, const std::string& body) const;
  std::string list_any(const std::string& l, const std::string& var, const std::string& body) const;
  std::string list_length(const std::string& l) const;
  std::string list_element(const std::string& l, long index) const;  // 1-based; negative from the end
  // `body` with `var` bound to `value` once (a let, through a one-element list).
  std::string let(const std::string& value, const std::string& var, const std::string& body) const;
  std::string regex_extract_all(const std::string& text, const std::string& re) const;
  std::string regex_remove(const std::string& text, const std::string& re) const;
  std::string try_double(const std::string& text) const;

 private:
  SqlDialect d_;
};

// The translated regex (same text for RE2 and Java/Joni: explicit code-point
// classes, no `.`), or a refusal.
std::optional<std::string> translate_regex(const Regex& re, Refusal& refusal, Span span);
// Whether a JSON number spelled with a fraction or an exponent could satisfy
// `= v` (v a string, possibly with wildcards, or a regex) by its spelling.
bool may_match_decimal_spelling(const Pattern& p, const Value& v);

struct Context {
  const Pattern& p;
  const Dialect& d;
  std::string column;  // quoted
  std::optional<Refusal> refusal;
  int depth = 0;       // lambda nesting, for fresh variable names
  void refuse(std::string family, std::string reason, Span span) {
    if (!refusal) refusal = Refusal{std::move(family), std::move(reason), span};
  }
  std::string fresh(const char* prefix) { return prefix + std::to_string(++depth); }
};

// A number's text `text` read as the DOUBLE strtod would give (overflow to
// +-infinity, underflow to 0), for text already known to be numeric.
std::string number_value(const Context& c, const std::string& text);
// `text` (a VARCHAR expression) against one literal, for `=`/`!=` (equality
// only: the caller negates) — wildcards, regex, the number literal's text.
std::string literal_equal(Context& c, const Value& v, const std::string& text);
// `<`, `<=`, `>`, `>=`, `=` or `!=` (which DuckDB and Trino both accept) against a
// number literal, both sides numbers.
std::string number_compare(Context& c, const ExprNode& cond, const std::string& number);
// The &&/|| tree under `root`, each condition through `condition`.
template <typename F>
std::string expression(const Pattern& p, uint32_t root, F condition);

std::string terms_predicate(Context& c);
std::string json_predicate(Context& c);
std::string delimited_predicate(Context& c);

// ---- template body --------------------------------------------------------

template <typename F>
std::string expression(const Pattern& p, uint32_t root, F condition) {
  // The walker keeps the depth, which the user's pattern decides, off the C++ stack.
  struct Visitor : detail::TreeVisitor {
    const Pattern& p;
    F& condition;
    std::vector<std::string> sql;  // per node, once left
    Visitor(const Pattern& pattern, F& c) : p(pattern), condition(c), sql(pattern.nodes.size()) {}
    void leave(uint32_t i) {
      const ExprNode& n = p.nodes[i];
      if (n.kind == ExprKind::Condition) {
        sql[i] = condition(n);
        return;
      }
      std::string joined;
      for (uint32_t child : n.operands) {
        joined += joined.empty() ? "(" : n.kind == ExprKind::And ? " AND " : " OR ";
        joined += sql[child];
        sql[child].clear();
      }
      sql[i] = joined + ")";
    }
  } visitor(p, condition);
  detail::walk_tree(root, [&](uint32_t i) -> const std::vector<uint32_t>& { return p.nodes[i].operands; }, visitor);
  return visitor.sql[root];
}

}  // namespace cwlf::sql_detail
