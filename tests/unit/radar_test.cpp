// The silent-miss radar and scope leaks (cwlf/radar.h), on the seed's events
// and on small events written for each rule: every claimed drop is checked
// against the evaluator's own verdicts (the core matches, the pattern does not).
#include <catch2/catch.hpp>

#include "radar.h"
#include "run.h"
#include "test_support.h"

using namespace cwlf;

namespace {

using testing::compiled_pattern;

RadarReport report_of(const std::string& pattern, const std::string& pasted) {
  const TestRun run = run_test(pattern, pasted, RunOptions{RunOptions::Explain::None, 0});
  REQUIRE(run.compiled.pattern);
  const Radar radar(run.compiled.pattern);
  const RadarReport report = radar_events(radar, run.input.events, run.results);
  // Every drop: the pattern does not match, its core does.
  for (const auto& [index, drop] : report.drops) {
    CHECK_FALSE(run.results[index].matched);
    CHECK(evaluate(*radar.core(), run.input.events[index], false).matched);
  }
  for (const auto& [index, leak] : report.leaks) CHECK(run.results[index].matched);
  return report;
}

Event json_event(const std::string& message) { return event_from_message(message); }

}  // namespace

TEST_CASE("radar: the seed's IAM user is a silent miss, the maintenance role is excluded as meant") {
  const std::string pattern = testing::read_data("seed/pattern.txt");
  const std::string pasted = testing::read_data("seed/events.txt");
  const RadarReport r = report_of(pattern.substr(0, pattern.find_last_not_of("\r\n") + 1), pasted);
  REQUIRE(r.active);
  REQUIRE(r.exclusions.size() == 1);
  CHECK(r.exclusions[0] == "($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)");
  REQUIRE(r.drops.size() == 2);
  // #1: by cm-policymaintainer itself.
  CHECK(r.drops[0].first == 0);
  CHECK(r.drops[0].second.kind == DropKind::Excluded);
  CHECK(r.drops[0].second.found_text == "cm-policymaintainer");
  // #3: the IAM user, whose event has no sessionContext.
  CHECK(r.drops[1].first == 2);
  const Drop& silent = r.drops[1].second;
  CHECK(silent.kind == DropKind::Silent);
  CHECK(silent.found == Found::Missing);
  CHECK(silent.field == "$.userIdentity.sessionContext.sessionIssuer.userName");
  CHECK_THAT(silent.reason, Catch::Contains("Would alert, but dropped by") && Catch::Contains("is missing"));
  // #4 (DescribeInstances) is a plain no-match: the core does not match it either.
  // The seed names IAM events and no eventSource: scope is open, and every match is IAM's.
  CHECK(r.scope_open);
  CHECK(r.expected_source == "iam.amazonaws.com");
  CHECK(r.expected_from_table);
  CHECK(r.leaks.empty());
}

TEST_CASE("radar: which conjuncts are exclusions") {
  SECTION("!= and NOT EXISTS conjuncts, and groups made only of them") {
    const Radar r(compiled_pattern("{ $.a = 1 && ($.b != x || $.b NOT EXISTS) && $.c NOT EXISTS && $.d != y }"));
    REQUIRE(r.active());
    CHECK(r.exclusions() == std::vector<std::string>{"($.b != x || $.b NOT EXISTS)", "$.c NOT EXISTS", "$.d != y"});
  }
  SECTION("nested && groups are flattened") {
    const Radar r(compiled_pattern("{ ($.a = 1 && $.b != x) && ($.c = 2) }"));
    REQUIRE(r.active());
    CHECK(r.exclusions() == std::vector<std::string>{"$.b != x"});
  }
  SECTION("a mixed group is part of the core") {
    CHECK_FALSE(Radar(compiled_pattern("{ $.a = 1 && ($.b != x || $.c = 2) }")).active());
  }
  SECTION("no core, no exclusion, or not a top-level &&: nothing to tell") {
    CHECK_FALSE(Radar(compiled_pattern("{ $.a != 1 && $.b NOT EXISTS }")).active());
    CHECK_FALSE(Radar(compiled_pattern("{ $.a = 1 && $.b = 2 }")).active());
    CHECK_FALSE(Radar(compiled_pattern("{ $.a = 1 || $.b != 2 }")).active());
    CHECK_FALSE(Radar(compiled_pattern("{ $.a != 1 }")).active());
    CHECK_FALSE(Radar(compiled_pattern("ERROR -DEBUG")).active());
    CHECK_FALSE(Radar(compiled_pattern("[a, b != x]")).active());
  }
}

TEST_CASE("radar: silent, excluded and plain no-matches") {
  const Radar r(compiled_pattern("{ $.eventName = Put && $.who.name != admin }"));
  REQUIRE(r.active());
  SECTION("the field is missing: silent") {
    const Drop d = r.check(json_event(R"({"eventName":"Put","who":{}})"));
    CHECK(d.kind == DropKind::Silent);
    CHECK(d.found == Found::Missing);
  }
  SECTION("the path stops at a string: missing, silent") {
    CHECK(r.check(json_event(R"({"eventName":"Put","who":"x"})")).kind == DropKind::Silent);
  }
  SECTION("null, a boolean, an object, an array: silent, with what was found") {
    CHECK(r.check(json_event(R"({"eventName":"Put","who":{"name":null}})")).found == Found::Null);
    CHECK(r.check(json_event(R"({"eventName":"Put","who":{"name":true}})")).found == Found::Boolean);
    CHECK(r.check(json_event(R"({"eventName":"Put","who":{"name":{}}})")).found == Found::Object);
    const Drop d = r.check(json_event(R"({"eventName":"Put","who":{"name":["admin"]}})"));
    CHECK(d.kind == DropKind::Silent);
    CHECK(d.found == Found::Array);
    CHECK_THAT(d.reason, Catch::Contains("is an array"));
  }
  SECTION("the excluded value: excluded, as meant") {
    const Drop d = r.check(json_event(R"({"eventName":"Put","who":{"name":"admin"}})"));
    CHECK(d.kind == DropKind::Excluded);
    CHECK(d.found_text == "admin");
    CHECK(d.reason == "Excluded by `$.who.name != admin`: `$.who.name` is `admin`.");
  }
  SECTION("the core does not match: a plain no-match") {
    CHECK(r.check(json_event(R"({"eventName":"Get","who":{}})")).kind == DropKind::None);
    CHECK(r.check(json_event("not json")).kind == DropKind::None);
  }
  SECTION("the keeping form of an exclusion drops only the excluded value") {
    const Radar keeping(compiled_pattern("{ $.eventName = Put && ($.who.name != admin || $.who.name NOT EXISTS) }"));
    CHECK(keeping.check(json_event(R"({"eventName":"Put","who":{"name":"admin"}})")).kind == DropKind::Excluded);
    // A missing name now matches: nothing was dropped (check is only asked about no-matches,
    // but it must not invent a drop either).
    CHECK(evaluate(*compiled_pattern("{ $.eventName = Put && ($.who.name != admin || $.who.name NOT EXISTS) }"),
                   json_event(R"({"eventName":"Put","who":{}})"), false).matched);
  }
  SECTION("NOT EXISTS on a field that is there: excluded") {
    const Radar ne(compiled_pattern("{ $.eventName = Put && $.errorCode NOT EXISTS }"));
    const Drop d = ne.check(json_event(R"({"eventName":"Put","errorCode":"AccessDenied"})"));
    CHECK(d.kind == DropKind::Excluded);
    CHECK(d.reason == "Excluded by `$.errorCode NOT EXISTS`: `$.errorCode` exists.");
  }
  SECTION("a silent drop is named before an excluded value") {
    const Radar two(compiled_pattern("{ $.eventName = Put && $.a != 1 && $.b != 2 }"));
    const Drop d = two.check(json_event(R"({"eventName":"Put","a":1})"));
    CHECK(d.kind == DropKind::Silent);
    CHECK(d.field == "$.b");
  }
}

TEST_CASE("radar: CIS 4.2's MFA condition drops federated sign-ins silently") {
  const Radar r(compiled_pattern(R"({ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") })"));
  REQUIRE(r.active());
  const Drop d = r.check(json_event(R"({"eventName":"ConsoleLogin","userIdentity":{"type":"AssumedRole"}})"));
  CHECK(d.kind == DropKind::Silent);
  CHECK(d.field == "$.additionalEventData.MFAUsed");
}

TEST_CASE("radar: scope leaks") {
  const std::string iam = "{ ($.eventName = DeletePolicy) || ($.eventName = CreatePolicy) }";
  const std::string pasted = R"({"eventSource":"iam.amazonaws.com","eventName":"DeletePolicy"}
{"eventSource":"acm-pca.amazonaws.com","eventName":"DeletePolicy"}
{"eventSource":"iam.amazonaws.com","eventName":"GetPolicy"}
)";
  SECTION("the table names the service: acm-pca's DeletePolicy leaks into an IAM alarm") {
    const RadarReport r = report_of(iam, pasted);
    CHECK(r.scope_open);
    CHECK_FALSE(r.active);
    CHECK(r.expected_source == "iam.amazonaws.com");
    REQUIRE(r.leaks.size() == 1);
    CHECK(r.leaks[0].first == 1);
    CHECK(r.leaks[0].second.event_source == "acm-pca.amazonaws.com");
    CHECK(r.leaks[0].second.event_name == "DeletePolicy");
    CHECK_THAT(r.leaks[0].second.reason, Catch::Contains("names no `$.eventSource`"));
  }
  SECTION("naming the eventSource closes the scope") {
    const RadarReport r = report_of("{ $.eventSource = iam.amazonaws.com && $.eventName = DeletePolicy }", pasted);
    CHECK_FALSE(r.scope_open);
    CHECK(r.leaks.empty());
  }
  SECTION("names not in the table: the service most matching events come from") {
    const std::string text = R"({"eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode"}
{"eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode"}
{"eventSource":"other.amazonaws.com","eventName":"UpdateFunctionCode"}
)";
    const RadarReport r = report_of("{ $.eventName = UpdateFunctionCode }", text);
    CHECK_FALSE(r.expected_from_table);
    CHECK(r.expected_source == "lambda.amazonaws.com");
    REQUIRE(r.leaks.size() == 1);
    CHECK(r.leaks[0].first == 2);
  }
  SECTION("a tie tells nothing") {
    const std::string text = R"({"eventSource":"a.amazonaws.com","eventName":"X"}
{"eventSource":"b.amazonaws.com","eventName":"X"}
)";
    const RadarReport r = report_of("{ $.eventName = X }", text);
    CHECK(r.expected_source.empty());
    CHECK(r.leaks.empty());
  }
  SECTION("a pattern that does not test eventName has no scope to leak") {
    CHECK_FALSE(report_of("{ $.userIdentity.type = Root }", pasted).scope_open);
  }
  CHECK(std::string(known_event_source("StopLogging")) == "cloudtrail.amazonaws.com");
  CHECK(known_event_source("NoSuchCall") == nullptr);
}

TEST_CASE("radar: identity types") {
  CHECK(identity_type_of(json_event(R"({"userIdentity":{"type":"Root"}})")) == "Root");
  CHECK(identity_type_of(json_event(R"({"userIdentity":{}})")) == "(none)");
  CHECK(identity_type_of(json_event("plain text")) == "(none)");
  // An empty type is no type, as in the alarm chart (identity_type() in json_doc.h).
  CHECK(identity_type_of(json_event(R"({"userIdentity":{"type":""}})")) == "(none)");
  CHECK(identity_type_of(json_event(R"({"userIdentity":{"type":["Root"]}})")) == "(none)");
}
