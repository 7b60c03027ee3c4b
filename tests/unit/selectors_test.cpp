// fields_read: the selectors a pattern reads, as the page's Redact and
// "Keep only the fields the pattern reads" use them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "selectors.h"

using namespace cwlf;

namespace {

std::vector<std::string> texts(const std::string& pattern) {
  const CompileResult compiled = compile_pattern(pattern);
  REQUIRE(compiled.pattern);
  std::vector<std::string> out;
  for (const ReadField& f : fields_read(*compiled.pattern)) out.push_back(f.text);
  return out;
}

}  // namespace

TEST_CASE("a JSON pattern reads the fields its conditions select, in order", "[selectors]") {
  CHECK(texts("{ ($.eventSource = \"iam.amazonaws.com\" || $.a.b[0] > 3) && $.c NOT EXISTS }") ==
        std::vector<std::string>{"$.eventSource", "$.a.b[0]", "$.c"});
  CHECK(texts("{ $.x = 1 || $.x = 2 }") == std::vector<std::string>{"$.x", "$.x"});
  // Strings that look like selectors are values, not fields.
  CHECK(texts("{ $.note = \"$.secret\" }") == std::vector<std::string>{"$.note"});
}

TEST_CASE("the steps of each field: members, bracketed keys, indices, wildcards", "[selectors]") {
  const CompileResult compiled = compile_pattern("{ $.a.['b.c'][2].* = \"x\" }");
  REQUIRE(compiled.pattern);
  const std::vector<ReadField> fields = fields_read(*compiled.pattern);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].text == "$.a.['b.c'][2].*");
  const std::vector<SelectorStep>& s = fields[0].steps;
  REQUIRE(s.size() == 4);
  CHECK((s[0].kind == StepKind::Member && s[0].name == "a"));
  CHECK((s[1].kind == StepKind::Member && s[1].name == "b.c"));
  CHECK((s[2].kind == StepKind::Index && s[2].index == 2));
  CHECK(s[3].kind == StepKind::Wildcard);
}

TEST_CASE("text-term and space-delimited patterns read the whole message: no fields", "[selectors]") {
  CHECK(texts("ERROR -healthcheck").empty());
  CHECK(texts("[ip, user, status = 404]").empty());
  CHECK(texts("").empty());
}
