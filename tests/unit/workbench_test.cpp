// core/workbench: AWS tool output unwrapped into the events inside
// (unwrap_aws.cc, reached through split_events), and event identities
// (event_identity.cc), which saved expectations use to find their events.
#include <catch2/catch.hpp>
#include <string>

#include "cwlf/workbench.h"
#include "events.h"
#include "exclusion.h"

using namespace cwlf;

namespace {

const char* kLookup = R"({
  "Events": [
    { "EventId": "e1", "EventName": "PutRolePolicy",
      "CloudTrailEvent": "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},\"eventName\":\"PutRolePolicy\",\"eventID\":\"e1\"}" },
    { "EventId": "e2", "EventName": "GetObject",
      "CloudTrailEvent": "{\"eventName\":\"GetObject\",\"eventID\":\"e2\"}" }
  ],
  "NextToken": "abc"
})";

}  // namespace

TEST_CASE("lookup-events output: each CloudTrailEvent string is one event", "[workbench]") {
  SplitResult r = split_events(kLookup);
  REQUIRE(r.format == InputFormat::AwsLookupEvents);
  REQUIRE(std::string(input_format_name(r.format)) == "aws-lookup-events");
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message ==
        R"({"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice"},"eventName":"PutRolePolicy","eventID":"e1"})");
  CHECK(r.events[0].json.has_value());
  CHECK_FALSE(r.events[0].error.has_value());
  // The span is the string in the pasted text.
  const std::string pasted(kLookup);
  CHECK(pasted.substr(r.events[1].span.offset, 1) == "\"");
  CHECK(pasted.substr(r.events[1].span.offset, r.events[1].span.length).find("GetObject") != std::string::npos);
}

TEST_CASE("filter-log-events / get-log-events output: each message is one event", "[workbench]") {
  SplitResult r = split_events(R"({"events":[{"logStreamName":"s","timestamp":1,"message":"ERROR disk full","eventId":"1"},
    {"timestamp":2,"message":"{\"level\":\"INFO\"}"}],"searchedLogStreams":[]})");
  REQUIRE(r.format == InputFormat::AwsLogEvents);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message == "ERROR disk full");
  CHECK_FALSE(r.events[0].json.has_value());
  CHECK(r.events[1].message == R"({"level":"INFO"})");
  CHECK(r.events[1].json.has_value());
}

TEST_CASE("EventBridge CloudTrail events: the detail record, compacted", "[workbench]") {
  const char* one = R"({"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.iam",
    "detail": { "eventName": "PutRolePolicy", "userIdentity": { "type": "Root" } }})";
  SplitResult r = split_events(one);
  REQUIRE(r.format == InputFormat::EventBridge);
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].message == R"({"eventName":"PutRolePolicy","userIdentity":{"type":"Root"}})");
  const std::string many = std::string("[") + one + "," + one + "]";
  SplitResult r2 = split_events(many);
  REQUIRE(r2.format == InputFormat::EventBridge);
  CHECK(r2.events.size() == 2);
  // Another detail-type is not unwrapped: it is one JSON event as before.
  SplitResult other = split_events(R"({"detail-type":"EC2 Instance State-change Notification","detail":{"a":1}})");
  CHECK(other.format == InputFormat::JsonObjects);
  CHECK(other.events.size() == 1);
}

TEST_CASE("Logs Insights JSON export: each @message", "[workbench]") {
  SplitResult r = split_events(R"([{"@timestamp":"2026-11-20 09:14:02.000","@message":"a b c"},{"@message":"{\"x\":1}"}])");
  REQUIRE(r.format == InputFormat::LogsInsights);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message == "a b c");
  CHECK(r.events[1].json.has_value());
}

TEST_CASE("shapes that only look like tool output are split as before", "[workbench]") {
  // One element lacks the field: not unwrapped.
  SplitResult r = split_events(R"({"events":[{"message":"a"},{"msg":"b"}]})");
  CHECK(r.format == InputFormat::JsonObjects);
  CHECK(r.events.size() == 1);
  // A CloudTrail record that has a "message" field somewhere.
  SplitResult r2 = split_events(R"({"eventName":"X","requestParameters":{"message":"hi"}})");
  CHECK(r2.format == InputFormat::JsonObjects);
  // An empty list is not unwrapped either.
  CHECK(split_events(R"({"Events":[]})").format == InputFormat::JsonObjects);
  // Broken JSON: the usual per-event errors.
  SplitResult r3 = split_events(R"({"events":[{"message":"a"})");
  CHECK(r3.format == InputFormat::JsonObjects);
  REQUIRE(r3.events.size() == 1);
  CHECK(r3.events[0].error.has_value());
}

TEST_CASE("an unwrapped event over 1 MB carries its own error", "[workbench]") {
  std::string big(1024 * 1024 + 10, 'a');
  SplitResult r = split_events(R"({"events":[{"message":")" + big + R"("},{"message":"small"}]})");
  REQUIRE(r.format == InputFormat::AwsLogEvents);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].error.has_value());
  CHECK_FALSE(r.events[1].error.has_value());
}

TEST_CASE("identities: unique eventID, otherwise the hash of the message", "[workbench]") {
  SplitResult r = split_events("{\"eventID\":\"a\",\"n\":1}\n{\"eventID\":\"b\"}\n{\"eventID\":\"b\",\"n\":2}\n{\"x\": 1}\nplain");
  const std::vector<std::string> ids = event_identities(r.events);
  REQUIRE(ids.size() == 5);
  CHECK(ids[0] == "eventID:a");
  CHECK(ids[1] == "h:" + fnv1a64_hex(R"({"eventID":"b"})"));
  CHECK(ids[2] == "h:" + fnv1a64_hex(R"({"eventID":"b","n":2})"));
  CHECK(ids[3] == "h:" + fnv1a64_hex(R"({"x":1})"));
  // Re-indenting an event keeps its identity (the message is the compact form).
  SplitResult pretty = split_events("{\n  \"x\": 1\n}\n");
  CHECK(event_identities(pretty.events)[0] == ids[3]);
  // Known FNV-1a 64 values.
  CHECK(fnv1a64_hex("") == "cbf29ce484222325");
  CHECK(fnv1a64_hex("a") == "af63dc4c8601ec8c");
}

TEST_CASE("a second exclusion joins the first instead of nesting", "[workbench]") {
  SplitResult ev = split_events(R"({"userIdentity":{"type":"IAMUser","userName":"bob"},"eventName":"A"})");
  REQUIRE(ev.events.size() == 1);
  const std::string first = R"({($.userIdentity.userName != "alice" || $.userIdentity.userName NOT EXISTS) && ($.eventName = A)})";
  const Exclusion x = build_exclusion(first, ev.events[0], nullptr);
  REQUIRE_FALSE(x.error);
  CHECK(x.keeping_pattern == R"({($.userIdentity.userName != bob || $.userIdentity.userName NOT EXISTS) && )"
                             R"(($.userIdentity.userName != "alice" || $.userIdentity.userName NOT EXISTS) && ($.eventName = A)})");
  // A body with `||` outside parentheses is one operand: parenthesised.
  const Exclusion y = build_exclusion("{($.eventName = A) || ($.eventName = B)}", ev.events[0], nullptr);
  CHECK(y.pattern == R"({($.userIdentity.userName != bob) && (($.eventName = A) || ($.eventName = B))})");
  // `||` inside a quoted value does not count; `&&` between groups joins.
  const Exclusion z = build_exclusion(R"({($.a = "x||y") && ($.b = 1)})", ev.events[0], nullptr);
  CHECK(z.pattern == R"({($.userIdentity.userName != bob) && ($.a = "x||y") && ($.b = 1)})");
  // A body that is not only parenthesised groups is parenthesised.
  const Exclusion w = build_exclusion("{($.a = 1) && $.b = 2}", ev.events[0], nullptr);
  CHECK(w.pattern == R"({($.userIdentity.userName != bob) && (($.a = 1) && $.b = 2)})");
}
