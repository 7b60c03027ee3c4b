// Translating a `%regex%` body into a regex that RE2 (DuckDB) and Joni with
// Java syntax (Trino, Athena) read the same way as cwlf's Java subset.
//
// Rather than copy the body's text (where `.`, `\s`, `$` and `\xhh` mean
// different things in RE2 and Java), the body is parsed with cwlf's own
// parser and every atom is written back as an explicit code-point class:
// Java's `.` (not \n \r U+0085 U+2028 U+2029) becomes the class it is, `\w`
// the ASCII class Java uses, `\xe9` the code point U+00E9. Java's `$` (end of
// text, or before one final line terminator) becomes
// `(?:\r\n|[\n\r\x{85}\x{2028}\x{2029}])?\z`, exact for a search when
// nothing follows it; a `$` followed by more atoms is refused.
#include <string>

#include "cwlf/i18n.h"
#include "regex_internal.h"  // the regex stage's parsed form (sql links that stage)
#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace ri = regex_internal;

namespace {

std::string code_point(int cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", cp);
  return buf;
}

// One atom's symbol set as a class of code points.
std::string symbol_class(const ri::SymSet& set) {
  std::string out = "[";
  bool any = false;
  for (int c = 0; c < 256;) {
    if (!set.test(static_cast<size_t>(c))) {
      ++c;
      continue;
    }
    int lo = c;
    while (c + 1 < 256 && set.test(static_cast<size_t>(c + 1))) ++c;
    out += code_point(lo);
    if (c > lo) out += "-" + code_point(c);
    ++c;
    any = true;
  }
  if (set.test(ri::kSymOther)) {  // every code point above U+00FF but U+2028, U+2029
    out += "\\x{100}-\\x{2027}\\x{202A}-\\x{10FFFF}";
    any = true;
  }
  if (set.test(ri::kSymLineSep)) {
    out += "\\x{2028}\\x{2029}";
    any = true;
  }
  if (!any) return "[^\\x{0}-\\x{10FFFF}]";  // matches nothing
  return out + "]";
}

std::string quantifier(const ri::Item& it) {
  if (it.min == 1 && it.max == 1) return "";
  if (it.max == ri::kInfinite) return it.min == 0 ? "*" : it.min == 1 ? "+" : "{" + std::to_string(it.min) + ",}";
  if (it.min == 0 && it.max == 1) return "?";
  if (it.min == it.max) return "{" + std::to_string(it.min) + "}";
  return "{" + std::to_string(it.min) + "," + std::to_string(it.max) + "}";
}

bool parse(const Regex& re, ri::Ast& ast) {
  RegexError err;
  return ri::parse_regex(re.body(), &ast, &err);
}

}  // namespace

std::optional<std::string> translate_regex(const Regex& re, Refusal& refusal, Span span) {
  ri::Ast ast;
  if (!parse(re, ast)) {
    refusal = {"regex", say("sql.regex.unreadable"), span};
    return std::nullopt;
  }
  std::string out;
  for (size_t b = 0; b < ast.branches.size(); ++b) {
    if (b) out += "|";
    const std::vector<ri::Item>& items = ast.branches[b];
    for (size_t i = 0; i < items.size(); ++i) {
      const ri::Item& it = items[i];
      switch (it.kind) {
        case ri::Item::Kind::Begin:
          out += "^";
          break;
        case ri::Item::Kind::End: {
          for (size_t j = i + 1; j < items.size(); ++j)
            if (items[j].kind == ri::Item::Kind::Set) {
              refusal = {"regex", say("sql.regex.dollar-before-more"), span};
              return std::nullopt;
            }
          out += "(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?\\z";
          break;
        }
        case ri::Item::Kind::Set:
          out += symbol_class(it.set) + quantifier(it);
          break;
      }
    }
  }
  if (ast.branches.size() > 1) out = "(?:" + out + ")";
  return out;
}

}  // namespace cwlf::sql_detail
