// The normalised printer (core/pattern_print.h): explicit parentheses,
// consistent spacing, and a round trip: printing then parsing gives the same
// tree, for every family.
#include <catch2/catch.hpp>

#include <vector>

#include "pattern_print.h"
#include "test_support.h"

using namespace cwlf;

namespace {

// Structural equality of two expression trees (spans ignored), with an
// explicit stack like the code under test.
bool same_expr(const Pattern& a, uint32_t ra, const Pattern& b, uint32_t rb) {
  std::vector<std::pair<uint32_t, uint32_t>> stack{{ra, rb}};
  while (!stack.empty()) {
    auto [i, j] = stack.back();
    stack.pop_back();
    if ((i == UINT32_MAX) != (j == UINT32_MAX)) return false;
    if (i == UINT32_MAX) continue;
    const ExprNode& x = a.nodes[i];
    const ExprNode& y = b.nodes[j];
    if (x.kind != y.kind || x.operands.size() != y.operands.size()) return false;
    if (x.kind == ExprKind::Condition) {
      if (x.condition != y.condition || x.op != y.op || x.field_name != y.field_name) return false;
      if (a.text.substr(x.selector.span.offset, x.selector.span.length) !=
          b.text.substr(y.selector.span.offset, y.selector.span.length))
        return false;
      if (x.value.kind != y.value.kind || x.value.quoted != y.value.quoted || x.value.text != y.value.text ||
          x.value.prefix_wildcard != y.value.prefix_wildcard || x.value.suffix_wildcard != y.value.suffix_wildcard)
        return false;
    }
    for (size_t k = 0; k < x.operands.size(); ++k) stack.push_back({x.operands[k], y.operands[k]});
  }
  return true;
}

bool same_tree(const Pattern& a, const Pattern& b) {
  if (a.family != b.family || a.terms.size() != b.terms.size() || a.fields.size() != b.fields.size()) return false;
  for (size_t i = 0; i < a.terms.size(); ++i)
    if (a.terms[i].kind != b.terms[i].kind || a.terms[i].quoted != b.terms[i].quoted || a.terms[i].text != b.terms[i].text)
      return false;
  for (size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].kind != b.fields[i].kind || a.fields[i].name != b.fields[i].name) return false;
    if (!same_expr(a, a.fields[i].expr, b, b.fields[i].expr)) return false;
  }
  return a.family != PatternFamily::Json || same_expr(a, a.root, b, b.root);
}

std::string normalised(const std::string& text) {
  CompileResult c = compile_pattern(text);
  REQUIRE(c.pattern);
  return normalised_pattern(*c.pattern);
}

}  // namespace

TEST_CASE("normalised pattern: explicit parentheses and consistent spacing") {
  CHECK(normalised("{$.a=1||$.b=2&&$.c!=3}") == "{ $.a = 1 || ($.b = 2 && $.c != 3) }");
  CHECK(normalised("{ ($.a = 1) && (($.b = \"x y\") || ($.c NOT EXISTS)) }") ==
        "{ $.a = 1 && ($.b = \"x y\" || $.c NOT EXISTS) }");
  CHECK(normalised("{ $.a IS TRUE&&$.b IS NULL }") == "{ $.a IS TRUE && $.b IS NULL }");
  CHECK(normalised("{ $.e = %Trail% }") == "{ $.e = %Trail% }");
  CHECK(normalised("  ERROR   -\"health check\"  ?x") == "ERROR -\"health check\" ?x");
  CHECK(normalised("[ip,user,...,status=4*||status=5*,bytes>1000]") ==
        "[ip, user, ..., status = 4* || status = 5*, bytes > 1000]");
  CHECK(normalised("   ") == "");
}

TEST_CASE("normalised pattern round-trips: printing then parsing gives the same tree") {
  const std::vector<std::string> patterns = {
      testing::read_data("seed/pattern.txt"),
      "{ $.a = 1 || $.b = 2 && $.c = 3 }",
      "{ ($.a = 1 && $.b = 2) && $.c = 3 }",
      "{ (($.a = 1 || $.b = 2)) && ($.c = \"q\\\"uote\" || $.d != *x) }",
      "{ $.items[*].id = 5 && $.['dotted.key'] = \"v\" && $.n[0][1] >= -1.5e3 }",
      "{ $.sourceIPAddress != 123.123.* && $.x = \"*\" }",
      "ERROR \"disk full\" -%time[0-9]+% ?warn",
      "[a,,b]",
      "[w1 = ERROR, w2 = \"x y\" || w2 = z*, ...]",
      "",
  };
  for (const std::string& text : patterns) {
    CAPTURE(text);
    CompileResult first = compile_pattern(text);
    REQUIRE(first.pattern);
    const std::string printed = normalised_pattern(*first.pattern);
    CAPTURE(printed);
    CompileResult second = compile_pattern(printed);
    REQUIRE(second.pattern);
    CHECK(same_tree(*first.pattern, *second.pattern));
    CHECK(normalised_pattern(*second.pattern) == printed);  // printing is idempotent
  }
}

TEST_CASE("normalised pattern: nested groups keep their nesting") {
  // As deep as a 1,024-character pattern allows once printed with spaces.
  std::string text = "{";
  for (int i = 0; i < 30; ++i) text += "($.a=1||";
  text += "$.b=2";
  for (int i = 0; i < 30; ++i) text += ")&&$.c=3";
  text += "}";
  CompileResult c = compile_pattern(text);
  REQUIRE(c.pattern);
  const std::string printed = normalised_pattern(*c.pattern);
  CAPTURE(printed);
  REQUIRE(printed.size() <= 1024);
  CompileResult again = compile_pattern(printed);
  REQUIRE(again.pattern);
  CHECK(same_tree(*c.pattern, *again.pattern));
  CHECK(printed.rfind("{ ($.a = 1 || (($.a = 1 || ", 0) == 0);
  CHECK(printed.find("$.b = 2) && $.c = 3)) && $.c = 3") != std::string::npos);
}
