// The prefilter never changes a verdict: every event is tested with the
// prefilter on and off (EventFilter), over the CloudTrail corpus and over
// random events built to hit its edges (escapes, wildcards, numbers, near
// misses), for the benchmark patterns and hand-picked ones.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "event_filter.h"
#include "prefilter.h"
#include "prefilter_cases.h"
#include "test_support.h"

using namespace cwlf;
using cwlf::testing::patterns;
using cwlf::testing::random_events;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

void check_same(const std::string& pattern, const std::vector<std::string>& events) {
  CompileResult c = compile_pattern(pattern);
  REQUIRE(c.pattern);
  EventFilter fast(c.pattern, true), full(c.pattern, false);
  for (const std::string& e : events) {
    FilterResult a = fast.test(e, false), b = full.test(e, false);
    INFO("pattern: " << pattern << "\nevent: " << e);
    REQUIRE(a.matched == b.matched);
    if (a.prefiltered) REQUIRE_FALSE(b.matched);
  }
}

}  // namespace

TEST_CASE("prefilter: on and off give the same verdicts over the CloudTrail corpus") {
  std::vector<std::string> events = lines_of(testing::read_data("corpus/cloudtrail-docs.ndjson"));
  REQUIRE(events.size() == 569);
  for (const std::string& p : patterns()) check_same(p, events);
}

TEST_CASE("prefilter: on and off give the same verdicts over random events") {
  std::vector<std::string> events = random_events(20261127, 3000);
  for (const std::string& p : patterns()) check_same(p, events);
}

TEST_CASE("prefilter: rules out most of the corpus for the seed pattern, and what it keeps is unchanged") {
  CompileResult c = compile_pattern(testing::read_data("seed/pattern.txt"));
  REQUIRE(c.pattern);
  Prefilter pf(*c.pattern);
  REQUIRE(pf.active());
  REQUIRE(pf.clauses().size() == 1);
  REQUIRE(pf.clauses()[0].literals().size() == 16);  // the 16 event names; `!=` gives nothing
  size_t kept = 0;
  std::vector<std::string> events = lines_of(testing::read_data("corpus/cloudtrail-docs.ndjson"));
  for (const std::string& e : events) kept += pf.may_match(e);
  CHECK(kept < events.size() / 10);
}

TEST_CASE("prefilter: derives nothing where the bytes need not appear") {
  for (const char* p : {"{ $.code = 400 }", "{ $.a != \"x\" }", "{ $.a NOT EXISTS }", "{ $.a = * }",
                        "{ $.a = %abc% }", "{ $.a = \"x/y\" }", "{ $.a = \"x\" || $.b > 3 }", "-ERROR", "%ERR%",
                        "[a, b != 3]", ""}) {
    CompileResult c = compile_pattern(p);
    REQUIRE(c.pattern);
    INFO(p);
    CHECK_FALSE(Prefilter(*c.pattern).active());
  }
}

TEST_CASE("prefilter: a JSON event with a backslash-u escape always takes the full path") {
  CompileResult c = compile_pattern("{ $.eventName = DeletePolicy }");
  REQUIRE(c.pattern);
  Prefilter pf(*c.pattern);
  CHECK_FALSE(pf.may_match("{\"eventName\":\"CreateTrail\"}"));
  CHECK(pf.may_match("{\"eventName\":\"Delete\\u0050olicy\"}"));
  EventFilter f(c.pattern);
  CHECK(f.test("{\"eventName\":\"Delete\\u0050olicy\"}", false).matched);
}

TEST_CASE("prefilter: the anchor search finds every literal of an || group") {
  LiteralAlternatives la({"DeleteGroupPolicy", "PutUserPolicy", "CreatePolicyVersion"});
  CHECK(la.found_in("xx\"CreatePolicyVersion\""));
  CHECK(la.found_in("Policy PolicyPutUserPolicy"));
  CHECK_FALSE(la.found_in("CreatePolicyVersio DeleteGroupPolic Policy"));
  CHECK_FALSE(la.found_in(""));
}

TEST_CASE("literal search: Needle finds what std::string_view::find finds, at every offset and length") {
  std::mt19937 rng(7);
  const std::string alphabet = "abPy\\u\"Q";  // few letters: many near misses
  for (int round = 0; round < 20000; ++round) {
    std::string hay(rng() % 200, 'a'), needle(1 + rng() % 6, 'a');
    for (char& c : hay) c = alphabet[rng() % alphabet.size()];
    for (char& c : needle) c = alphabet[rng() % alphabet.size()];
    size_t from = rng() % (hay.size() + 2);
    INFO("hay " << hay << " needle " << needle << " from " << from);
    size_t want = from > hay.size() ? std::string::npos : std::string_view(hay).find(needle, from);
    REQUIRE(Needle(needle).find_in(hay, from) == want);
  }
}
