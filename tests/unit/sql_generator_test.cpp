// The SQL generator's structure (core/sql): every pattern of the conformance
// table translates in every dialect into well-formed SQL or is refused with a
// documented family; the rules that decide a refusal; the regex rewrite; the
// query wrappers. Whether the SQL gives cwlf's verdicts is tested on DuckDB
// itself (tests/node/sql-duckdb.test.mjs).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "conformance_table.h"
#include "sql.h"

using cwlf::SqlDialect;
using cwlf::SqlOptions;
using cwlf::SqlQuery;
using cwlf::SqlResult;

namespace {

SqlResult translate(const std::string& pattern, SqlDialect d = SqlDialect::DuckDB) {
  SqlOptions o;
  o.dialect = d;
  return cwlf::pattern_text_to_sql(pattern, o);
}

// Quotes close, parentheses and brackets balance outside string literals
// and quoted identifiers.
bool well_formed(const std::string& sql) {
  int paren = 0, bracket = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') {
      size_t j = i + 1;
      while (true) {
        j = sql.find(ch, j);
        if (j == std::string::npos) return false;
        if (j + 1 < sql.size() && sql[j + 1] == ch) {
          j += 2;
          continue;
        }
        break;
      }
      i = j;
      continue;
    }
    if (ch == '(') ++paren;
    if (ch == ')' && --paren < 0) return false;
    if (ch == '[') ++bracket;
    if (ch == ']' && --bracket < 0) return false;
  }
  return paren == 0 && bracket == 0;
}

const std::set<std::string> kDocumentedFamilies = {"json-number-text", "regex", "number-literal"};

}  // namespace

TEST_CASE("every conformance pattern translates into well-formed SQL or a documented refusal", "[sql]") {
  size_t translated = 0, refused = 0;
  for (const std::string& file : cwlf::testing::conformance_files())
    for (const cwlf::testing::ConformanceCase& c : cwlf::testing::read_conformance_file(file)) {
      if (c.error_code) continue;
      for (SqlDialect d : {SqlDialect::DuckDB, SqlDialect::Trino, SqlDialect::Athena}) {
        INFO(c.where << " pattern: " << c.pattern);
        SqlResult r = translate(c.pattern, d);
        if (r.ok) {
          CHECK(well_formed(r.sql));
          ++translated;
        } else {
          CHECK(kDocumentedFamilies.count(r.refusal_family) == 1);
          CHECK(!r.reason.empty());
          CHECK(r.span.end() <= c.pattern.size());
          ++refused;
        }
      }
    }
  CHECK(translated > 200);
  CHECK(refused * 20 < translated);  // refusals stay few
}

TEST_CASE("rejected patterns are refused as invalid, with the parser's reason", "[sql]") {
  SqlResult r = translate("{ $.a = }");
  CHECK_FALSE(r.ok);
  CHECK(r.refusal_family == "pattern-invalid");
  CHECK(!r.reason.empty());
}

TEST_CASE("text comparisons with JSON values are refused only where a decimal number's spelling decides", "[sql]") {
  struct Row {
    const char* pattern;
    bool ok;
  };
  const Row rows[] = {
      {"{ $.v = \"1\" }", true},            // integers keep their spelling
      {"{ $.v = \"abc\" }", true},          // no number has these characters
      {"{ $.v = \"1.5\" }", false},         // 1.50 reads back as 1.5
      {"{ $.v = \"1e3\" }", false},
      {"{ $.v = 4* }", false},              // 4.5 vs 0.4e1
      {"{ $.v = *e }", true},               // no number ends in e
      {"{ $.v != 123.123.* }", true},       // two dots: no number
      {"{ $.v = %^192\\.168\\.% }", true},  // two dots
      {"{ $.v = %\\d% }", false},
      {"{ $.v = %^\\d+$% }", false},        // integers only, but tells -0 from 0
      {"{ $.v = %^[1-9]\\d*$% }", true},    // integers only, and neither 0 nor -0
      {"{ $.v = %^[a-z]+$% }", true},
      {"{ $.v = 1.5 }", true},              // a number literal compares numbers
      {"{ $.v > 4 }", true},
      {"[a = 4*]", true},                   // delimited fields are text as written
      {"{ $.v = \"0\" }", false},           // -0 reads back as 0
      {"{ $.v = \"-*\" }", false},
  };
  for (const Row& row : rows) {
    INFO(row.pattern);
    SqlResult r = translate(row.pattern);
    CHECK(r.ok == row.ok);
    if (!r.ok) CHECK(r.refusal_family == "json-number-text");
  }
}

TEST_CASE("the refusal points at the literal at fault", "[sql]") {
  std::string p = "{ $.a = 1 && $.v = \"1.5\" }";
  SqlResult r = translate(p);
  REQUIRE_FALSE(r.ok);
  CHECK(p.substr(r.span.offset, r.span.length) == "\"1.5\"");
}

TEST_CASE("a regex is rewritten into code-point classes both engines read alike", "[sql]") {
  SqlResult r = translate("%a.c$%");
  REQUIRE(r.ok);
  // Java's `.`: everything but \n \r U+0085 U+2028 U+2029, spelled out.
  CHECK(r.sql.find("[\\x{61}]") != std::string::npos);
  CHECK(r.sql.find("\\x{0}-\\x{9}\\x{B}-\\x{C}\\x{E}-\\x{84}\\x{86}-\\x{FF}\\x{100}-\\x{2027}\\x{202A}-\\x{10FFFF}") !=
        std::string::npos);
  // Java's `$`: the end, or before one final line terminator.
  CHECK(r.sql.find("(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?\\z") != std::string::npos);
  SqlResult alt = translate("%^ab|cd$%");
  REQUIRE(alt.ok);
  CHECK(alt.sql.find("'(?:^[\\x{61}][\\x{62}]|[\\x{63}][\\x{64}](?:") != std::string::npos);
  SqlResult after = translate("%a$b%");
  CHECK_FALSE(after.ok);
  CHECK(after.refusal_family == "regex");
}

TEST_CASE("the dialects share the generator and differ in their functions", "[sql]") {
  std::string p = "{ $.a[*].b IS NULL }";
  SqlResult duck = translate(p, SqlDialect::DuckDB), trino = translate(p, SqlDialect::Trino),
            athena = translate(p, SqlDialect::Athena);
  REQUIRE(duck.ok);
  REQUIRE(trino.ok);
  CHECK(athena.sql == trino.sql);
  CHECK(duck.sql.find("list_contains(CAST(json_extract(") != std::string::npos);
  CHECK(trino.sql.find("contains(transform(CAST(") != std::string::npos);
  CHECK(duck.sql.find("json_keys(") != std::string::npos);  // the last of repeated keys
  CHECK(trino.sql.find("json_keys(") == std::string::npos);
}

TEST_CASE("queries wrap the predicate, and options are checked", "[sql]") {
  SqlOptions o;
  o.dialect = SqlDialect::Trino;
  o.query = SqlQuery::Count;
  SqlResult no_table = cwlf::pattern_text_to_sql("ERROR", o);
  CHECK_FALSE(no_table.ok);
  CHECK(no_table.refusal_family == "option");
  o.table = "db.raw";
  o.column = "m";
  SqlResult count = cwlf::pattern_text_to_sql("ERROR", o);
  REQUIRE(count.ok);
  CHECK(count.sql == "SELECT count(*) AS matches\nFROM \"db\".\"raw\"\nWHERE (strpos(\"m\", 'ERROR') > 0);");
  o.query = SqlQuery::Timeline;
  o.period_minutes = 0;
  CHECK(cwlf::pattern_text_to_sql("ERROR", o).refusal_family == "option");
  o.period_minutes = 15;
  o.time_column = "ts";
  SqlResult timeline = cwlf::pattern_text_to_sql("ERROR", o);
  REQUIRE(timeline.ok);
  CHECK(timeline.sql.find("floor(to_unixtime(\"ts\") / 900) * 900") != std::string::npos);
}

TEST_CASE("a pattern of the maximum length with many conditions translates without recursion", "[sql]") {
  std::string p = "{ $.a = 1";
  while (p.size() < 1000) p += " || $.a = 1";
  p += " }";
  SqlResult r = translate(p);
  REQUIRE(r.ok);
  CHECK(well_formed(r.sql));
  std::string fields = "[";
  for (int i = 0; fields.size() < 1000; ++i) fields += (i ? ", f" : "f") + std::to_string(i) + " = x";
  fields += "]";
  SqlResult d = translate(fields);
  REQUIRE(d.ok);
  CHECK(well_formed(d.sql));
}

TEST_CASE("literals are quoted and LIKE escapes its special characters", "[sql]") {
  SqlResult r = translate("{ $.p = \"*50%_off\\\\*\" }");
  REQUIRE(r.ok);
  CHECK(r.sql.find("LIKE '%50\\%\\_off\\\\%' ESCAPE '\\'") != std::string::npos);
  SqlResult terms = translate("\"it's\"");
  REQUIRE(terms.ok);
  CHECK(terms.sql.find("'it''s'") != std::string::npos);
  CHECK(well_formed(terms.sql));
}
