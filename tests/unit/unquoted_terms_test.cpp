// Which characters an unquoted text term may hold, as AWS decides it
// (docs/semantics.md, "Unquoted terms"): what AWS refuses is refused with
// AWS's wording; what AWS accepts is accepted and evaluated as AWS reads it,
// with a warning where that is not what the author meant.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lint.h"
#include "run.h"
#include "test_support.h"

using namespace cwlf;

namespace {

struct Refusal {
  const char* pattern;
  const char* aws;  // AWS's wording
  uint32_t offset;  // where cwlf points
  uint32_t length;
};

void check_refused(const Refusal& c) {
  INFO("pattern: " << c.pattern);
  CompileResult r = compile_pattern(c.pattern);
  REQUIRE(r.error);
  CHECK_FALSE(r.pattern);
  INFO("message: " << r.error->message);
  CHECK(r.error->code == "invalid-term-character");
  CHECK(r.error->aws_message == c.aws);
  CHECK(r.error->span.offset == c.offset);
  CHECK(r.error->span.length == c.length);
  // The hint offers the quoted word, which compiles.
  CHECK_THAT(r.error->message, Catch::Contains("\""));
}

using testing::verdicts;

const Warning* find(const std::vector<Warning>& ws, const std::string& code) {
  auto it = std::find_if(ws.begin(), ws.end(), [&](const Warning& w) { return w.code == code; });
  return it == ws.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("unquoted terms: characters AWS refuses are refused with AWS's wording", "[pattern][terms][aws]") {
  const Refusal cases[] = {
      // observed from FilterLogEvents
      {"?Status: timeout", "Invalid character(s) in term ':'", 7, 1},
      {"ERROR:", "Invalid character(s) in term ':'", 5, 1},
      {"a:b", "Invalid character(s) in term ':'", 1, 1},
      {"-x:y", "Invalid character(s) in term ':'", 2, 1},
      // observed: an unquoted e-mail address or path is refused, with the generic message
      {"user@example.com", "Invalid metric filter pattern", 4, 1},
      {"/api/users", "Invalid metric filter pattern", 0, 1},
      {"GET /health", "Invalid metric filter pattern", 4, 1},
      // observed (regex and term messages): '(' and '\'
      {"reason(x", "Invalid character(s) in term '('", 6, 1},
      {"level\\x", "Invalid character(s) in term '\\'", 5, 1},
  };
  for (const Refusal& c : cases) check_refused(c);
  // The hint quotes the word and leaves a ?/- prefix outside the quotes.
  CHECK_THAT(compile_pattern("?Status: timeout").error->message, Catch::Contains("write ?\"Status:\""));
  CHECK_THAT(compile_pattern("ERROR:").error->message, Catch::Contains("write \"ERROR:\""));
  CHECK(compile_pattern("?\"Status:\" timeout").pattern);
}

TEST_CASE("unquoted terms: the same words quoted are accepted and found", "[pattern][terms][aws]") {
  CHECK(verdicts("?\"Status:\" ?timeout", "Status: ok\nnothing\n") == std::vector<bool>{true, false});
  CHECK(verdicts("\"user@example.com\"", "login user@example.com\nlogin other@example.com\n") ==
        std::vector<bool>{true, false});
  CHECK(verdicts("GET \"/health\"", "GET /health 200\nGET /ready 200\n") == std::vector<bool>{true, false});
  // Characters with no observed refusal stay accepted unquoted.
  CHECK(verdicts("10.0.0.1", "from 10.0.0.1\nfrom 10.0.0.2\n") == std::vector<bool>{true, false});
  CHECK(verdicts("a=b,c;d#e", "x a=b,c;d#e\n") == std::vector<bool>{true});
}

TEST_CASE("unquoted terms: a hyphen inside a bare term starts an excluded term, as AWS reads it",
          "[pattern][terms][aws]") {
  auto r = compile_pattern("ORDER-ITEM-1");
  REQUIRE(r.pattern);
  const Pattern& p = *r.pattern;
  REQUIRE(p.terms.size() == 3);
  CHECK(p.terms[0].kind == TermKind::Required);
  CHECK(p.terms[0].text == "ORDER");
  CHECK(p.terms[0].span == Span{0, 5});
  CHECK(p.terms[1].kind == TermKind::Excluded);
  CHECK(p.terms[1].text == "ITEM");
  CHECK(p.terms[1].span == Span{5, 5});
  CHECK(p.terms[2].kind == TermKind::Excluded);
  CHECK(p.terms[2].text == "1");
  CHECK(p.terms[2].span == Span{10, 2});

  // Users report that it never matches the hyphenated word: the message holds ITEM.
  const std::string pasted = "order ORDER-ITEM-1 created\nORDER 7 created\nORDER-ITEM-2\n";
  CHECK(verdicts("ORDER-ITEM-1", pasted) == std::vector<bool>{false, true, false});
  CHECK(verdicts("\"ORDER-ITEM-1\"", pasted) == std::vector<bool>{true, false, false});
  // request-id-123-x: request, -id, -123, -x
  CHECK(verdicts("request-id-123-x", "request-id-123-x failed\nrequest 5 failed\n") ==
        std::vector<bool>{false, true});
  // After a '?' term: the exclusions make it a mixed pattern, so the '?' term is ignored.
  CHECK(verdicts("?a-b", "a\nb\nc\n") == std::vector<bool>{true, false, true});
}

TEST_CASE("unquoted terms: hyphen edge cases", "[pattern][terms]") {
  // A trailing hyphen leaves an empty exclusion, refused as a lone '-' is.
  auto trailing = compile_pattern("ERROR-");
  REQUIRE(trailing.error);
  CHECK(trailing.error->code == "empty-term");
  CHECK(trailing.error->span == Span{5, 1});
  // Two hyphens in a row: the second one is a second prefix.
  auto twice = compile_pattern("a--b");
  REQUIRE(twice.error);
  CHECK(twice.error->code == "invalid-term-character");
  CHECK(twice.error->aws_message == "Invalid character(s) in term '-'");
  CHECK(twice.error->span == Span{2, 1});
  // A hyphen right after a quoted term or a regex is still text glued to it.
  CHECK(compile_pattern("\"a\"-b").error->code == "missing-space-after-term");
  CHECK(compile_pattern("%a%-b").error->code == "missing-space-after-term");
}

TEST_CASE("lint: hyphen-splits-term says how AWS reads the word and quotes it", "[lint][terms]") {
  const std::string pattern = "ERROR ORDER-ITEM-1";
  CompileResult c = compile_pattern(pattern);
  const auto ws = lint(pattern, c, nullptr);
  const Warning* w = find(ws, "hyphen-splits-term");
  REQUIRE(w);
  CHECK(pattern.substr(w->span.offset, w->span.length) == "ORDER-ITEM-1");
  CHECK_THAT(w->message, Catch::Contains("`ORDER` `-ITEM` `-1`") && Catch::Contains("never matches"));
  REQUIRE(w->fixes.size() == 1);
  CHECK(w->fixes[0].pattern == "ERROR \"ORDER-ITEM-1\"");
  CHECK(verdicts(w->fixes[0].pattern, "ERROR ORDER-ITEM-1\n") == std::vector<bool>{true});
  CHECK(verdicts(pattern, "ERROR ORDER-ITEM-1\n") == std::vector<bool>{false});

  // A prefix stays outside the quotes; one warning per word.
  const std::string two = "-a-b ?c c-d";
  const auto ws2 = lint(two, compile_pattern(two), nullptr);
  const auto n = std::count_if(ws2.begin(), ws2.end(), [](const Warning& x) { return x.code == "hyphen-splits-term"; });
  CHECK(n == 2);
  const Warning* first = find(ws2, "hyphen-splits-term");
  REQUIRE(first);
  REQUIRE(first->fixes.size() == 1);
  CHECK(first->fixes[0].pattern == "-\"a-b\" ?c c-d");

  // Spaced exclusions are what they look like: no warning.
  CHECK_FALSE(find(lint("ERROR -DEBUG", compile_pattern("ERROR -DEBUG"), nullptr), "hyphen-splits-term"));
}
