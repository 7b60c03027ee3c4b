// The exclusion builder (core/exclusion.h), checked by the engine on the
// seed events: the built pattern is compiled and run, and the events it
// drops are the ones it says it drops.
#include <catch2/catch.hpp>

#include "exclusion.h"
#include "run.h"
#include "test_support.h"

using namespace cwlf;

namespace {

using testing::verdicts;

const std::string kPolicyChanges =
    "{($.eventName=PutRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DescribeInstances)}";

}  // namespace

TEST_CASE("exclusion: an AssumedRole principal, on the seed events") {
  const std::string pasted = testing::read_data("seed/events.txt");
  const SplitResult events = split_events(pasted);
  REQUIRE(events.events.size() == 4);
  CHECK(verdicts(kPolicyChanges, pasted) == std::vector<bool>{true, true, true, true});

  // Event #2: the role cm-dummuyRole.
  const Exclusion x = build_exclusion(kPolicyChanges, events.events[1], &events);
  REQUIRE_FALSE(x.error);
  CHECK(x.identity_type == "AssumedRole");
  CHECK(x.selector == "$.userIdentity.sessionContext.sessionIssuer.userName");
  CHECK(x.value == "cm-dummuyRole");
  CHECK(x.pattern == "{($.userIdentity.sessionContext.sessionIssuer.userName != \"cm-dummuyRole\") && "
                     "(($.eventName=PutRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DescribeInstances))}");
  // The engine: the role's two events are gone, and so is the IAM user's (#3), silently.
  CHECK(verdicts(x.pattern, pasted) == std::vector<bool>{true, false, false, false});
  CHECK(x.dropped == std::vector<uint32_t>{2});
  CHECK(x.dropped_types == std::vector<std::string>{"IAMUser"});
  CHECK_THAT(x.drops, Catch::Contains("IAMUser, Root, AWSService") && Catch::Contains("1 event the pattern matched before (#3, by IAMUser)"));
  // The keeping variant drops only the role's events.
  CHECK(verdicts(x.keeping_pattern, pasted) == std::vector<bool>{true, false, true, false});

  SECTION("by ARN") {
    const Exclusion a = build_exclusion(kPolicyChanges, events.events[1], &events, true);
    CHECK(a.selector == "$.userIdentity.sessionContext.sessionIssuer.arn");
    CHECK(a.value == "arn:aws:iam::111122223333:role/cm-dummuyRole");
    CHECK(verdicts(a.pattern, pasted) == std::vector<bool>{true, false, false, false});
  }
}

TEST_CASE("exclusion: the seed's own exclusion is what the builder writes for event #1") {
  const std::string pasted = testing::read_data("seed/events.txt");
  const SplitResult events = split_events(pasted);
  const Exclusion x = build_exclusion("", events.events[0], &events);
  REQUIRE_FALSE(x.error);
  CHECK(x.pattern == "{($.userIdentity.sessionContext.sessionIssuer.userName != \"cm-policymaintainer\")}");
  // Excludes the maintainer and (the trap) the IAM user.
  CHECK(verdicts(x.pattern, pasted) == std::vector<bool>{false, true, false, true});
  CHECK(x.dropped == std::vector<uint32_t>{2});
}

TEST_CASE("exclusion: IAMUser, Root, AWSService, and what cannot be excluded") {
  const std::string pasted = testing::read_data("seed/events.txt");
  const SplitResult events = split_events(pasted);
  const Exclusion user = build_exclusion(kPolicyChanges, events.events[2], &events);
  REQUIRE_FALSE(user.error);
  CHECK(user.selector == "$.userIdentity.userName");
  CHECK(user.value == "alice");
  // Every assumed-role event lacks userName: all three are dropped with alice's.
  CHECK(verdicts(user.pattern, pasted) == std::vector<bool>{false, false, false, false});
  CHECK(user.dropped == std::vector<uint32_t>{0, 1, 3});
  CHECK(verdicts(user.keeping_pattern, pasted) == std::vector<bool>{true, true, false, true});

  const Event root = event_from_message(R"({"userIdentity":{"type":"Root","arn":"arn:aws:iam::111122223333:root"},"eventName":"PutRolePolicy"})");
  const Exclusion r = build_exclusion(kPolicyChanges, root, &events);
  REQUIRE_FALSE(r.error);
  CHECK(r.pattern.rfind("{($.userIdentity.type != Root) && (", 0) == 0);
  CHECK(r.keeping_pattern.empty());
  CHECK(r.dropped.empty());
  CHECK(verdicts(r.pattern, pasted) == std::vector<bool>{true, true, true, true});

  const Event service = event_from_message(R"({"userIdentity":{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"}})");
  const Exclusion s = build_exclusion("", service, nullptr);
  REQUIRE_FALSE(s.error);
  CHECK(s.pattern == "{($.userIdentity.invokedBy != \"cloudtrail.amazonaws.com\")}");

  CHECK(build_exclusion("ERROR", events.events[0], nullptr).error);
  CHECK(build_exclusion("{ $.a = ", events.events[0], nullptr).error);
  CHECK(build_exclusion("", event_from_message("plain text"), nullptr).error);
  CHECK(build_exclusion("", event_from_message(R"({"eventName":"x"})"), nullptr).error);
}
