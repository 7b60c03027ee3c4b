// The product's seed scenario (tests/data/seed/README.md): an IAM-policy
// alarm that excludes the maintenance role `cm-policymaintainer`, against
// pretty-printed CloudTrail events as a user pastes them.
#include <catch2/catch.hpp>

#include "run.h"
#include "test_support.h"

using namespace cwlf;

namespace {

std::string pattern_text(const std::string& pattern, const ExplainNode& n) {
  return pattern.substr(n.pattern_span.offset, n.pattern_span.length);
}

// The decisive nodes directly under `parent`.
std::vector<uint32_t> decisive_children(const Explanation& x, uint32_t parent) {
  std::vector<uint32_t> out;
  for (uint32_t c : x.nodes[parent].children)
    if (x.nodes[c].decisive) out.push_back(c);
  return out;
}

}  // namespace

TEST_CASE("seed scenario: the exclusion pattern over four pretty-printed CloudTrail events") {
  const std::string pattern = testing::read_data("seed/pattern.txt");
  const std::string pasted = testing::read_data("seed/events.txt");
  TestRun run = run_test(pattern, pasted);
  REQUIRE(run.compiled.pattern);
  REQUIRE(run.input.format == InputFormat::JsonObjects);
  REQUIRE(run.input.events.size() == 4);
  REQUIRE(run.results.size() == 4);
  CHECK(run.matched == 1);
  CHECK(run.unmatched == 3);
  CHECK(run.errors == 0);

  SECTION("the maintainer role is excluded: decided by the userName condition") {
    const EventResult& r = run.results[0];
    CHECK_FALSE(r.matched);
    const Explanation& x = *r.explanation;
    REQUIRE(x.nodes[0].kind == ExplainKind::And);
    CHECK(x.nodes[0].outcome == Outcome::False);
    auto d = decisive_children(x, 0);
    REQUIRE(d.size() == 1);
    const ExplainNode& cond = x.nodes[d[0]];
    CHECK(cond.kind == ExplainKind::Condition);
    CHECK_THAT(pattern_text(pattern, cond), Catch::Contains("sessionIssuer.userName!=cm-policymaintainer"));
    CHECK(cond.found == Found::String);
    CHECK(cond.found_text == "cm-policymaintainer");
    REQUIRE(cond.event_span);
    CHECK(pasted.substr(cond.event_span->offset, cond.event_span->length) == "\"cm-policymaintainer\"");
    CHECK_THAT(cond.reason, Catch::Contains("is `cm-policymaintainer`") && Catch::Contains("is false"));
    // The || group was never evaluated.
    CHECK(x.nodes[x.nodes[0].children[1]].outcome == Outcome::Skipped);
  }

  SECTION("another role's change matches") {
    const EventResult& r = run.results[1];
    CHECK(r.matched);
    const Explanation& x = *r.explanation;
    CHECK(x.nodes[0].outcome == Outcome::True);
    CHECK(decisive_children(x, 0).size() == 2);  // a true && is decided by all its operands
    // Within the ||, the eventName = PutRolePolicy alternative decided.
    uint32_t group = x.nodes[0].children[1];
    auto d = decisive_children(x, group);
    REQUIRE(d.size() == 1);
    CHECK_THAT(pattern_text(pattern, x.nodes[d[0]]), Catch::Contains("$.eventName=PutRolePolicy"));
    CHECK(x.nodes[d[0]].found_text == "PutRolePolicy");
  }

  SECTION("an IAM user's change slips through: != on a missing field is false") {
    const EventResult& r = run.results[2];
    CHECK_FALSE(r.matched);
    const Explanation& x = *r.explanation;
    auto d = decisive_children(x, 0);
    REQUIRE(d.size() == 1);
    const ExplainNode& cond = x.nodes[d[0]];
    CHECK(cond.found == Found::Missing);
    CHECK_FALSE(cond.event_span);
    CHECK_THAT(cond.reason, Catch::Contains("missing") && Catch::Contains("even `!=`") && Catch::Contains("IAMUser"));
  }

  SECTION("an unrelated event: decided by the || group") {
    const EventResult& r = run.results[3];
    CHECK_FALSE(r.matched);
    const Explanation& x = *r.explanation;
    auto d = decisive_children(x, 0);
    REQUIRE(d.size() == 1);
    CHECK(x.nodes[d[0]].kind == ExplainKind::Or);
    CHECK(x.nodes[d[0]].outcome == Outcome::False);
    CHECK(decisive_children(x, d[0]).size() == 16);  // a false || is decided by every alternative
  }
}

TEST_CASE("seed scenario: the same event with eventName dummyEvent is decided by the || group") {
  const std::string pattern = testing::read_data("seed/pattern.txt");
  std::string pasted = testing::read_data("seed/events.txt");
  SplitResult all = split_events(pasted);
  REQUIRE(all.events.size() == 4);
  std::string event(pasted.substr(all.events[1].span.offset, all.events[1].span.length));
  event.replace(event.find("PutRolePolicy"), 13, "dummyEvent");
  TestRun run = run_test(pattern, event);
  REQUIRE(run.results.size() == 1);
  CHECK_FALSE(run.results[0].matched);
  const Explanation& x = *run.results[0].explanation;
  auto d = decisive_children(x, 0);
  REQUIRE(d.size() == 1);
  CHECK(x.nodes[d[0]].kind == ExplainKind::Or);
  CHECK(x.nodes[x.nodes[0].children[0]].outcome == Outcome::True);
}
