// Hostile input, end to end: nothing crashes, nothing hangs, every bad input
// gets its own clear answer (the "done means" list). Results are
// asserted; times are not (speed lives in bench/).
#include <catch2/catch.hpp>

#include <random>

#include "resource_limits.h"
#include "run.h"
#include "test_support.h"

using namespace cwlf;

TEST_CASE("random bytes as patterns and as events are answered cleanly") {
  std::mt19937 rng(20261127);
  const char* patterns[] = {"{ $.a = 1 || $.b[*] != x* }", "ERROR -DEBUG ?x", "[a, b = %[0-9]+%, ...]",
                            "{ $.* = %a.b% }", "\"x y\"", ""};
  for (int i = 0; i < 400; ++i) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    // As a pattern: either valid or a diagnostic with a span inside the text.
    CompileResult c = compile_pattern(bytes);
    if (!c.pattern) {
      REQUIRE(c.error);
      CHECK(c.error->span.offset <= bytes.size());
      CHECK_FALSE(c.error->message.empty());
    }
    // As pasted events, against each pattern.
    for (const char* p : patterns) {
      TestRun run = run_test(p, bytes);
      REQUIRE(run.compiled.pattern);
      CHECK(run.results.size() == run.input.events.size());
      for (const Event& e : run.input.events) CHECK(e.span.end() <= bytes.size());
    }
  }
}

TEST_CASE("100,000 nested brackets in an event: an error for that event, the next one still tested") {
  std::string deep(100000, '[');
  std::string pasted = "{\"a\":" + deep + "}\n{\"a\":1}\n";
  TestRun run = run_test("{ $.a = 1 }", pasted);
  REQUIRE(run.input.events.size() == 2);
  REQUIRE(run.input.events[0].error);
  CHECK(run.input.events[0].error->code == "json-too-deep");
  CHECK(run.results[1].matched);
}

TEST_CASE("tens of thousands of brackets in a pattern: the length limit answers first") {
  std::string pattern = "{" + std::string(30000, '(') + "$.a = 1" + std::string(30000, ')') + "}";
  CompileResult c = compile_pattern(pattern);
  REQUIRE(c.error);
  CHECK(c.error->code == "pattern-too-long");
  CHECK(c.error->span.offset == kMaxPatternChars);
}

TEST_CASE("deepest nesting a 1,024-character pattern allows still evaluates") {
  std::string pattern = "{" + std::string(505, '(') + "$.a = 1" + std::string(505, ')') + "}";
  REQUIRE(pattern.size() <= kMaxPatternChars);
  auto v = testing::verdict(pattern, "{\"a\":1}");
  REQUIRE(v.compiled);
  CHECK(v.result.matched);
}

TEST_CASE("a 1 MB event is tested, a 2 MB one gets the size error") {
  std::string big = "{\"msg\":\"" + std::string(kMaxEventBytes - 20, 'a') + "b\"}";
  REQUIRE(big.size() <= kMaxEventBytes);
  TestRun run = run_test("{ $.msg = %a{1,1000}a{1,1000}b% }", big);
  REQUIRE(run.results.size() == 1);
  CHECK(run.results[0].matched);
  const ExplainNode& cond = run.results[0].explanation->nodes[0];
  CHECK(cond.found == Found::String);
  CHECK(cond.found_text.size() < 300);  // long values are cut in explanations

  std::string huge = "{\"msg\":\"" + std::string(2 * kMaxEventBytes, 'a') + "\"}\n{\"msg\":\"aab\"}";
  TestRun two = run_test("{ $.msg = %a{1,1000}a{1,1000}b% }", huge);
  REQUIRE(two.input.events.size() == 2);
  REQUIRE(two.input.events[0].error);
  CHECK(two.input.events[0].error->code == "event-too-large");
  CHECK(two.results[1].matched);
}

TEST_CASE("a long text message against the worst regexes") {
  std::string line(1000000, 'a');
  for (const char* p : {"%a{1,1000}a{1,1000}b%", "%a*a*a*a*a*a*b%", "%.{1,1000}.{1,1000}c$%"}) {
    INFO(p);
    auto v = testing::verdict(p, line);
    REQUIRE(v.compiled);
    CHECK_FALSE(v.result.matched);
  }
}
