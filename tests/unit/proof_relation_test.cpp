// The proof engine's relations, pair by pair: JSON operators and selectors,
// the number/string rules, missing/null/boolean/object/array, prefix
// relations between selectors, text terms, the CIS alarms' variants. Every
// witness is re-evaluated and compare(B, A) must mirror compare(A, B)
// (tests/unit/proof_support.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "proof_support.h"

namespace {

struct Row {
  const char* a;
  const char* b;
  const char* relation;
};

// clang-format off
const std::vector<Row> kJson = {
  // operators on one field
  {"{ $.a = 1 }", "{ $.a = 1 }", "equivalent"},
  {"{ $.a = x }", "{ $.a = \"x\" }", "equivalent"},
  {"{ $.a != x }", "{ $.a != \"x\" }", "equivalent"},
  {"{ $.a = x }", "{ $.a != x }", "disjoint"},
  {"{ $.a = x }", "{ $.a = y }", "disjoint"},
  {"{ $.a = x }", "{ $.b = x }", "overlapping"},
  {"{ $.a = x }", "{ $.A = x }", "overlapping"},
  {"{ $.a > 1 }", "{ $.a >= 1 }", "narrower"},
  {"{ $.a < 1 }", "{ $.a <= 1 }", "narrower"},
  {"{ $.a > 1 }", "{ $.a < 1 }", "disjoint"},
  {"{ $.a >= 1 }", "{ $.a <= 1 }", "overlapping"},
  {"{ $.a > 1 && $.a < 3 }", "{ $.a > 0 && $.a < 4 }", "narrower"},
  {"{ $.a > 1 && $.a < 3 }", "{ $.a > 2 && $.a < 4 }", "overlapping"},
  {"{ $.a > 1 && $.a < 3 }", "{ $.a > 3 }", "disjoint"},
  {"{ $.a >= 2 && $.a <= 2 }", "{ $.a = 2 }", "narrower"},
  {"{ $.a > 1 && $.a < 3 }", "{ $.a = 2 }", "overlapping"},
  {"{ $.a > 1 || $.a < 1 }", "{ $.a != 1 }", "narrower"},
  {"{ $.a > 5 }", "{ $.a > 5.0 }", "equivalent"},
  {"{ $.a > -1.5 }", "{ $.a >= -1.5 }", "narrower"},
  {"{ $.a < 1e3 }", "{ $.a < 1000 }", "equivalent"},
  {"{ $.a > 1e308 }", "{ $.a = 5 }", "disjoint"},  // 1e308 + 1 is 1e308: beyond it is found all the same
  {"{ $.a > 1e308 }", "{ $.a > 1e307 }", "narrower"},
  // the number/string rules: `= 1` matches 1.0 and "1"; `= "1"` matches 1 but not 1.0
  {"{ $.a = 1 }", "{ $.a = \"1\" }", "broader"},
  {"{ $.a = \"1\" }", "{ $.a = 1 }", "narrower"},
  {"{ $.a = 1 }", "{ $.a = 1.0 }", "overlapping"},
  {"{ $.a = 1e3 }", "{ $.a = 1000 }", "overlapping"},
  {"{ $.a = \"1.0\" }", "{ $.a = \"1\" }", "disjoint"},
  {"{ $.a = 1 }", "{ $.a > 0 }", "overlapping"},
  {"{ $.a = 1 }", "{ $.a = 2 }", "disjoint"},
  {"{ $.a != 1 }", "{ $.a = 1 }", "disjoint"},
  {"{ $.a != 1 }", "{ $.a != \"1\" }", "narrower"},
  {"{ $.a = -0 }", "{ $.a = 0 }", "overlapping"},
  {"{ $.a = 2 }", "{ $.a >= 2 && $.a <= 2 }", "broader"},
  // any value, wildcards, regexes
  {"{ $.a = * }", "{ $.a = \"*\" }", "equivalent"},
  {"{ $.a = * }", "{ $.a = x }", "broader"},
  {"{ $.a = * }", "{ $.a > 0 }", "broader"},
  {"{ $.a = * }", "{ $.a NOT EXISTS }", "disjoint"},
  {"{ $.a = * }", "{ $.a IS NULL }", "disjoint"},
  {"{ $.a = * }", "{ $.a IS TRUE }", "disjoint"},
  {"{ $.a != * }", "{ $.a = 1 }", "narrower"},  // A matches nothing: the empty set is a strict subset
  {"{ $.a = x }", "{ $.a = x* }", "narrower"},
  {"{ $.a = x* }", "{ $.a = *x }", "overlapping"},
  {"{ $.a = *x* }", "{ $.a = x* }", "broader"},
  {"{ $.a = *x* }", "{ $.a = *x }", "broader"},
  {"{ $.a = ab* }", "{ $.a = a* }", "narrower"},
  {"{ $.a = ab* }", "{ $.a = ac* }", "disjoint"},
  {"{ $.a = *ab }", "{ $.a = *cb }", "disjoint"},
  {"{ $.a = *ab }", "{ $.a = *b }", "narrower"},
  {"{ $.a = *abc* }", "{ $.a = *b* }", "narrower"},
  {"{ $.a = a* }", "{ $.a != a* }", "disjoint"},
  {"{ $.a = a* || $.a != a* }", "{ $.a = * }", "equivalent"},
  {"{ $.a = 1* }", "{ $.a = 1 }", "overlapping"},
  {"{ $.a = 1* }", "{ $.a = \"1\" }", "broader"},
  {"{ $.a = %^ab% }", "{ $.a = ab* }", "equivalent"},
  {"{ $.a = %a% }", "{ $.a = *a* }", "equivalent"},
  {"{ $.a = %ab$% }", "{ $.a = *ab }", "broader"},
  {"{ $.a = %^ab$% }", "{ $.a = ab }", "broader"},
  {"{ $.a = %^a+$% }", "{ $.a = %^a{1,}$% }", "equivalent"},
  {"{ $.a = %^[0-9]+$% }", "{ $.a = %^\\d+$% }", "equivalent"},
  {"{ $.a = %^[a-c]$% }", "{ $.a = a || $.a = b || $.a = c }", "broader"},
  {"{ $.a = %x|y% }", "{ $.a = *x* || $.a = *y* }", "equivalent"},
  {"{ $.a = %^x% }", "{ $.a = %^y% }", "disjoint"},
  // Broader in truth (every spelling of 5 has a digit), but numeric values and
  // regexes over a number's spelling are not combined: an honest unknown.
  {"{ $.a = %[0-9]% }", "{ $.a = 5 }", "unknown"},
  {"{ $.a = %[0-9]% }", "{ $.a = x }", "disjoint"},
  // missing, null, booleans, objects, arrays
  {"{ $.a IS NULL }", "{ $.a NOT EXISTS }", "disjoint"},
  {"{ $.a IS TRUE }", "{ $.a IS FALSE }", "disjoint"},
  {"{ $.a IS TRUE }", "{ $.a = true }", "disjoint"},
  {"{ $.a IS TRUE || $.a IS FALSE }", "{ $.a = * }", "disjoint"},
  {"{ $.a IS NULL }", "{ $.a IS NULL || $.a = 1 }", "narrower"},
  {"{ $.a != x }", "{ $.a NOT EXISTS || $.a != x }", "narrower"},
  {"{ $.a NOT EXISTS }", "{ $.a NOT EXISTS }", "equivalent"},
  {"{ $.a NOT EXISTS }", "{ $.b NOT EXISTS }", "overlapping"},
  {"{ $.a NOT EXISTS || $.a = * }", "{ $.a NOT EXISTS || $.a = * || $.a IS NULL }", "narrower"},
  {"{ $.a != 1 }", "{ $.a NOT EXISTS }", "disjoint"},
  {"{ $.a IS NULL }", "{ $.a = \"null\" }", "disjoint"},
  // selectors that are prefixes of each other
  {"{ $.a.b = 1 }", "{ $.a = 1 }", "disjoint"},
  {"{ $.a.b = 1 }", "{ $.a NOT EXISTS }", "disjoint"},
  {"{ $.a.b NOT EXISTS }", "{ $.a = 1 }", "broader"},
  {"{ $.a.b NOT EXISTS }", "{ $.a NOT EXISTS }", "broader"},
  {"{ $.a.b NOT EXISTS }", "{ $.a IS NULL }", "broader"},
  {"{ $.a.b = 1 }", "{ $.a.b = 1 && $.a.c = 2 }", "broader"},
  {"{ $.a.b.c = 1 }", "{ $.a.b NOT EXISTS }", "disjoint"},
  {"{ $.a.b.c = 1 }", "{ $.a = * }", "disjoint"},
  {"{ $.a[0] = 1 }", "{ $.a = 1 }", "disjoint"},
  {"{ $.a[0] = 1 }", "{ $.a.b = 1 }", "disjoint"},
  {"{ $.a[1] NOT EXISTS }", "{ $.a[0] NOT EXISTS }", "broader"},
  {"{ $.a[1] = 1 }", "{ $.a[0] NOT EXISTS }", "disjoint"},
  {"{ $.a[0] = 1 }", "{ $.a[1] = 2 }", "overlapping"},
  {"{ $.a[0] = 1 }", "{ $.a IS NULL }", "overlapping"},
  {"{ $.a.b = 1 }", "{ $.a.['b'] = 1 }", "equivalent"},
  {"{ $.['a.b'] = 1 }", "{ $.a.b = 1 }", "overlapping"},
  // boolean structure: order, parentheses, distribution, absorption
  {"{ $.a = 1 || $.a = 2 }", "{ $.a = 2 || $.a = 1 }", "equivalent"},
  {"{ $.a = 1 && $.b = 2 }", "{ $.b = 2 && $.a = 1 }", "equivalent"},
  {"{ ($.a = 1) && (($.b = 2)) }", "{ $.a = 1 && $.b = 2 }", "equivalent"},
  {"{ $.a = 1 && $.b = 2 }", "{ $.a = 1 }", "narrower"},
  {"{ $.a = 1 || $.b = 2 }", "{ $.a = 1 }", "broader"},
  {"{ $.a = 1 && ($.b = 2 || $.c = 3) }", "{ ($.a = 1 && $.b = 2) || ($.a = 1 && $.c = 3) }", "equivalent"},
  {"{ $.a = 1 || ($.b = 2 && $.c = 3) }", "{ ($.a = 1 || $.b = 2) && ($.a = 1 || $.c = 3) }", "equivalent"},
  {"{ $.a = 1 || ($.a = 1 && $.b = 2) }", "{ $.a = 1 }", "equivalent"},
  {"{ $.a = 1 && ($.a = 1 || $.b = 2) }", "{ $.a = 1 }", "equivalent"},
  {"{ $.a = x && $.a = y }", "{ $.b = 1 }", "narrower"},
  {"{ $.a = x && $.a = y }", "{ $.a = x && $.a != x }", "equivalent"},
  {"{ $.a = 1 && $.b = 2 }", "{ $.a = 1 && $.b != 2 }", "disjoint"},
  {"{ $.a = 1 && $.b = 2 }", "{ $.a = 2 && $.b = 2 }", "disjoint"},
  {"{ ($.a = 1 || $.a = 2) && $.b = 3 }", "{ $.a = 1 && $.b = 3 }", "broader"},
  {"{ ($.a = 1 || $.a = 2) && $.b = 3 }", "{ ($.a = 2 || $.a = 3) && $.b = 3 }", "overlapping"},
  {"{ $.a = 1 && $.b = 2 && $.c = 3 }", "{ $.c = 3 && $.a = 1 && $.b = 2 }", "equivalent"},
  {"{ $.a = 1 && $.b NOT EXISTS }", "{ $.a = 1 }", "narrower"},
  {"{ $.a = 1 || $.b NOT EXISTS }", "{ $.b NOT EXISTS }", "broader"},
  // the empty pattern matches every event, JSON or not
  {"", "{ $.a = 1 }", "broader"},
  {"{ $.a = 1 }", "", "narrower"},
  {"{ $.a = 1 && $.a = 2 }", "", "narrower"},
  // out of reach, said so
  {"{ $.a[*] = 1 }", "{ $.a[0] = 1 }", "unknown"},
  {"{ $.a.* = 1 }", "{ $.a.b = 1 }", "unknown"},
  {"{ $.a = 1 }", "ERROR", "unknown"},
  {"[a, b]", "[a, b = 1]", "unknown"},
};

const std::vector<Row> kText = {
  {"ERROR", "ERROR", "equivalent"},
  {"ERROR", "\"ERROR\"", "equivalent"},
  {"ERROR WARN", "WARN ERROR", "equivalent"},
  {"ERROR", "ERROR WARN", "broader"},
  {"ERROR", "ERR", "narrower"},
  {"ERROR -debug", "ERROR", "narrower"},
  {"?ERROR ?WARN", "ERROR", "broader"},
  {"?ERROR ?WARN", "?WARN ?ERROR", "equivalent"},
  {"ERROR ?WARN", "ERROR", "equivalent"},
  {"-ERROR", "ERROR", "disjoint"},
  {"%ERR[O]R%", "ERROR", "equivalent"},
  {"%^ERROR%", "ERROR", "narrower"},
  {"a", "b", "overlapping"},
  {"error", "ERROR", "overlapping"},
  {"ab", "abc", "broader"},
  {"-a -b", "-b -a", "equivalent"},
  {"-a", "-ab", "narrower"},
  {"\"a b\"", "a b", "narrower"},
  {"%a|b%", "?a ?b", "equivalent"},
  {"%[0-9]{3}%", "%[0-9][0-9][0-9]%", "equivalent"},
  {"ERROR -WARN", "ERROR -WARN -INFO", "broader"},
  {"ERROR", "-ERROR -WARN", "disjoint"},
  {"\"\"", "ERROR", "broader"},
  {"%x$%", "x", "narrower"},
  {"?a ?b", "?b ?c", "overlapping"},
};
// clang-format on

void run_rows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    INFO("A: " << r.a << "\nB: " << r.b);
    cwlf::ProofResult res = cwlf::testing::checked_compare(r.a, r.b);
    INFO("unknown: " << res.unknown_reason);
    CHECK(std::string(cwlf::relation_name(res.relation)) == r.relation);
  }
}

}  // namespace

TEST_CASE("proof: JSON pattern pairs and their relation over all events", "[proof]") { run_rows(kJson); }

TEST_CASE("proof: text-term pattern pairs and their relation over all events", "[proof]") { run_rows(kText); }
