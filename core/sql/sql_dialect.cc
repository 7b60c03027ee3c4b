// The dialect table of the SQL generator: DuckDB (yyjson, JSON pointers,
// RE2) against Trino / Athena engine v3 (JSONPath, casts to ARRAY(JSON) and
// MAP(VARCHAR, JSON), Joni with Java syntax). Everything else is shared.
#include <cmath>
#include <cstdio>
#include <set>

#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace {

// SQL's one quoting rule: the quote character doubled inside.
std::string quoted(std::string_view s, char quote) {
  std::string out(1, quote);
  for (char ch : s) {
    if (ch == quote) out += quote;
    out += ch;
  }
  return out + quote;
}

}  // namespace

std::string quote_string(std::string_view s) { return quoted(s, '\''); }
std::string quote_identifier(std::string_view s) { return quoted(s, '"'); }

std::string double_literal(double v) {
  // %.17g round-trips every double; through a string so that neither engine
  // reads it as a DECIMAL first.
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return "CAST('" + std::string(buf) + "' AS DOUBLE)";
}

namespace {

// JSON pointer (RFC 6901) token: `~` -> `~0`, `/` -> `~1`.
std::string pointer_token(std::string_view name) {
  std::string out;
  for (char ch : name) {
    if (ch == '~') out += "~0";
    else if (ch == '/') out += "~1";
    else out += ch;
  }
  return out;
}

// A name a JSON pointer could also read as an array index.
bool index_like(std::string_view name) {
  if (name == "-") return true;
  if (name.empty()) return false;
  for (char ch : name)
    if (ch < '0' || ch > '9') return false;
  return true;
}

// JSONPath bracket member: ["a \"b\""].
std::string bracket_member(std::string_view name) {
  std::string out = "[\"";
  for (char ch : name) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"]";
}

// Strict JSON has no trailing comma and no NaN/Infinity; yyjson (DuckDB)
// accepts both. Outside strings (a string is skipped whole), either one
// makes the message "not JSON" for cwlf.
const char* kLenientJson = "^(?:[^\"]|\"(?:[^\"\\\\]|\\\\.)*\")*?(?:,[ \\t\\n\\r]*[\\]}]|(?i:nan|inf))";

}  // namespace

std::string Dialect::regex_search(const std::string& text, const std::string& re) const {
  return (duck() ? "regexp_matches(" : "regexp_like(") + text + ", " + quote_string(re) + ")";
}

std::string Dialect::json_root(const std::string& column) const {
  return duck() ? "json_extract(" + column + ", '$')" : "json_parse(" + column + ")";
}

std::string Dialect::json_member(const std::string& object, const std::string& name) const {
  std::string is_object = json_is(object, "OBJECT");
  if (duck()) {
    // yyjson returns the first of repeated names; cwlf, like CloudWatch, the
    // last: take the value at the last position of the name among the keys.
    std::string k = "k_" + object;
    std::string last = json_object_values(object) + "[len(" + k + ") + 1 - list_position(list_reverse(" + k +
                       "), " + quote_string(name) + ")]";
    return "CASE WHEN " + is_object + " THEN " + let("json_keys(" + object + ")", k, last) + " END";
  }
  return "CASE WHEN " + is_object + " THEN json_extract(" + object + ", " + quote_string("$" + bracket_member(name)) +
         ") END";
}

std::optional<std::pair<std::string, std::string>> Dialect::json_pointer_read(
    const std::string& column, const std::vector<SelectorStep>& steps) const {
  if (!duck() || steps.empty()) return std::nullopt;
  // No escape in the text: a key is spelled as its JSON-quoted name (a name
  // needing an escape other than \" or \\ is never read this way).
  std::vector<std::string> conditions{"NOT contains(" + column + ", '\\u')", "NOT contains(" + column + ", '\\/')"};
  std::vector<std::string> guards;
  std::string pointer;
  std::set<std::string> names;
  for (const SelectorStep& s : steps) {
    if (s.kind == StepKind::Index || index_like(s.name))  // the parent's type decides member or index
      guards.push_back("json_type(" + column + ", " + quote_string(pointer.empty() ? "$" : pointer) + ") = " +
                       (s.kind == StepKind::Index ? "'ARRAY'" : "'OBJECT'"));
    if (s.kind == StepKind::Index) {
      pointer += "/" + std::to_string(s.index);
      continue;
    }
    for (unsigned char ch : s.name)
      if (ch < 0x20) return std::nullopt;
    pointer += "/" + pointer_token(s.name);
    if (!names.insert(s.name).second) continue;
    std::string needle = "\"";
    for (char ch : s.name) needle += ch == '"' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
    needle += "\"";
    // At most one occurrence of "name" (as a key or any other string).
    conditions.push_back("length(" + column + ") - length(replace(" + column + ", " + quote_string(needle) +
                         ", '')) <= " + std::to_string(needle.size()));
  }
  std::string condition;
  for (const std::string& c : conditions) condition += (condition.empty() ? "" : " AND ") + c;
  std::string value = "json_extract(" + column + ", " + quote_string(pointer) + ")";
  if (!guards.empty()) {
    std::string g;
    for (const std::string& c : guards) g += (g.empty() ? "" : " AND ") + c;
    value = "CASE WHEN " + g + " THEN " + value + " END";
  }
  return std::make_pair(condition, value);
}

std::string Dialect::json_element(const std::string& array, uint32_t index) const {
  std::string path = quote_string("$[" + std::to_string(index) + "]");
  return "CASE WHEN " + json_is(array, "ARRAY") + " THEN json_extract(" + array + ", " + path + ") END";
}

std::string Dialect::json_is(const std::string& value, std::string_view kind) const {
  if (duck()) {
    std::string type = "json_type(" + value + ")";
    if (kind == "OBJECT" || kind == "ARRAY") return type + " = '" + std::string(kind) + "'";
    if (kind == "STRING") return type + " = 'VARCHAR'";
    if (kind == "NUMBER") return type + " IN ('UBIGINT', 'BIGINT', 'HUGEINT', 'DOUBLE')";
    std::string text = "CAST(" + value + " AS VARCHAR)";
    if (kind == "NULL") return text + " = 'null'";
    return text + (kind == "TRUE" ? " = 'true'" : " = 'false'");
  }
  std::string text = "json_format(" + value + ")";
  if (kind == "OBJECT") return "substr(" + text + ", 1, 1) = '{'";
  if (kind == "ARRAY") return "substr(" + text + ", 1, 1) = '['";
  if (kind == "STRING") return "substr(" + text + ", 1, 1) = '\"'";
  if (kind == "NUMBER") return "regexp_like(" + text + ", '^-?[0-9]')";
  if (kind == "NULL") return text + " = 'null'";
  return text + (kind == "TRUE" ? " = 'true'" : " = 'false'");
}

std::string Dialect::json_scalar_text(const std::string& value) const {
  return (duck() ? "json_extract_string(" : "json_extract_scalar(") + value + ", '$')";
}

std::string Dialect::json_array_elements(const std::string& value) const {
  return duck() ? "json_extract(" + value + ", '$[*]')" : "CAST(" + value + " AS ARRAY(JSON))";
}

std::string Dialect::json_object_values(const std::string& value) const {
  return duck() ? "json_extract(" + value + ", '$.*')" : "map_values(CAST(" + value + " AS MAP(VARCHAR, JSON)))";
}

std::string Dialect::json_array_holds_null(const std::string& value) const {
  if (duck()) return "list_contains(CAST(json_extract(" + value + ", '$[*]') AS VARCHAR[]), 'null')";
  return "contains(transform(CAST(" + value + " AS ARRAY(JSON)), e -> json_format(e)), 'null')";
}

std::string Dialect::json_object_message(const std::string& column) const {
  std::string strict = "NOT " + regex_search(column, kLenientJson);
  if (duck()) return "json_valid(" + column + ") AND json_type(" + column + ") = 'OBJECT' AND " + strict;
  return "try(json_parse(" + column + ")) IS NOT NULL AND substr(json_format(json_parse(" + column +
         ")), 1, 1) = '{' AND " + strict;
}

std::string Dialect::list(const std::string& element) const {
  return (duck() ? "[" : "ARRAY[") + element + "]";
}

std::string Dialect::empty_json_list() const { return duck() ? "[]::JSON[]" : "CAST(ARRAY[] AS ARRAY(JSON))"; }

std::string Dialect::list_filter(const std::string& l, const std::string& var, const std::string& body) const {
  return (duck() ? "list_filter(" : "filter(") + l + ", " + var + " -> " + body + ")";
}

std::string Dialect::list_transform(const std::string& l, const std::string& var, const std::string& body) const {
  return (duck() ? "list_transform(" : "transform(") + l + ", " + var + " -> " + body + ")";
}

std::string Dialect::list_any(const std::string& l, const std::string& var, const std::string& body) const {
  if (duck()) return "len(list_filter(" + l + ", " + var + " -> " + body + ")) > 0";
  return "any_match(" + l + ", " + var + " -> " + body + ")";
}

std::string Dialect::list_length(const std::string& l) const {
  return (duck() ? "len(" : "cardinality(") + l + ")";
}

std::string Dialect::list_element(const std::string& l, long index) const {
  if (duck()) return l + "[" + std::to_string(index) + "]";
  return "element_at(" + l + ", " + std::to_string(index) + ")";
}

std::string Dialect::let(const std::string& value, const std::string& var, const std::string& body) const {
  return list_element(list_transform(list(value), var, body), 1);
}

std::string Dialect::regex_extract_all(const std::string& text, const std::string& re) const {
  return "regexp_extract_all(" + text + ", " + quote_string(re) + ")";
}

std::string Dialect::regex_remove(const std::string& text, const std::string& re) const {
  // DuckDB replaces the first match, Trino every match: the callers' regexes
  // are anchored, so both remove the same text.
  if (duck()) return "regexp_replace(" + text + ", " + quote_string(re) + ", '')";
  return "regexp_replace(" + text + ", " + quote_string(re) + ")";
}

std::string Dialect::try_double(const std::string& text) const {
  return (duck() ? "TRY_CAST(" : "try_cast(") + text + " AS DOUBLE)";
}

}  // namespace cwlf::sql_detail
