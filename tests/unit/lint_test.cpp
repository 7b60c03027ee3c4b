// Pitfall warnings (core/lint.h): each check fires on the mistake it is
// about, points at the right part of the pattern, and its fix compiles and
// changes what the engine answers the way the message promises.
#include <catch2/catch.hpp>

#include <algorithm>

#include "lint.h"
#include "pattern_print.h"
#include "run.h"
#include "test_support.h"

using namespace cwlf;

namespace {

std::vector<Warning> warnings_for(const std::string& pattern, const std::string& pasted = "") {
  CompileResult c = compile_pattern(pattern);
  SplitResult events = split_events(pasted);
  return lint(pattern, c, pasted.empty() ? nullptr : &events);
}

const Warning* find(const std::vector<Warning>& ws, const std::string& code) {
  auto it = std::find_if(ws.begin(), ws.end(), [&](const Warning& w) { return w.code == code; });
  return it == ws.end() ? nullptr : &*it;
}

std::string spanned(const std::string& pattern, const Warning& w) { return pattern.substr(w.span.offset, w.span.length); }

// Which events match (0-based indexes).
std::vector<size_t> matching(const std::string& pattern, const std::string& pasted) {
  TestRun run = run_test(pattern, pasted, RunOptions{RunOptions::Explain::None, 0});
  REQUIRE(run.compiled.pattern);
  std::vector<size_t> out;
  for (size_t i = 0; i < run.results.size(); ++i)
    if (run.results[i].matched) out.push_back(i);
  return out;
}

}  // namespace

TEST_CASE("lint: the seed's != on a field the IAM user's event lacks") {
  const std::string pattern = testing::read_data("seed/pattern.txt");
  const std::string pasted = testing::read_data("seed/events.txt");
  const auto ws = warnings_for(pattern, pasted);
  const Warning* w = find(ws, "ne-missing-field");
  REQUIRE(w);
  CHECK(spanned(pattern, *w) == "($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)");
  CHECK_THAT(w->message, Catch::Contains("1 of the 4 JSON events (#3)") && Catch::Contains("IAMUser") &&
                             Catch::Contains("never match"));
  // The pattern-only identity warning on the same condition is not repeated.
  CHECK_FALSE(find(ws, "ne-identity-field"));
  REQUIRE(w->fixes.size() == 2);
  CHECK(matching(pattern, pasted) == std::vector<size_t>{1});
  SECTION("fix 1: also match when the field is missing: the IAM user's policy change now matches") {
    CHECK_THAT(w->fixes[0].pattern,
               Catch::StartsWith("{($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer || "
                                 "$.userIdentity.sessionContext.sessionIssuer.userName NOT EXISTS)&&"));
    CHECK(matching(w->fixes[0].pattern, pasted) == std::vector<size_t>{1, 2});
  }
  SECTION("fix 2: guard on the identity type: same verdicts") {
    CHECK_THAT(w->fixes[1].pattern, Catch::StartsWith("{($.userIdentity.type != AssumedRole || "));
    CHECK_THAT(w->fixes[1].label, Catch::Contains("AssumedRole"));
    CHECK(matching(w->fixes[1].pattern, pasted) == std::vector<size_t>{1, 2});
  }
  SECTION("after the fix, the warning is gone") {
    CHECK_FALSE(find(warnings_for(w->fixes[0].pattern, pasted), "ne-missing-field"));
  }
}

TEST_CASE("lint: != on a CloudTrail identity field, without events") {
  const std::string pattern = "{ $.eventName = PutUserPolicy && $.userIdentity.userName != alice }";
  const auto ws = warnings_for(pattern);
  const Warning* w = find(ws, "ne-identity-field");
  REQUIRE(w);
  CHECK(spanned(pattern, *w) == "$.userIdentity.userName != alice");
  CHECK_THAT(w->message, Catch::Contains("AssumedRole"));
  REQUIRE(w->fixes.size() == 1);
  CHECK(w->fixes[0].pattern ==
        "{ $.eventName = PutUserPolicy && ($.userIdentity.userName != alice || $.userIdentity.userName NOT EXISTS) }");
  // Not for fields every event has.
  CHECK(warnings_for("{ $.eventName != ConsoleLogin }").empty());
  // The count reads naturally for one event and for all of them.
  const auto one = warnings_for("{ $.a != 1 }", "{\"b\":2}");
  REQUIRE(find(one, "ne-missing-field"));
  CHECK_THAT(find(one, "ne-missing-field")->message, Catch::Contains("missing from the only JSON event (#1)"));
  const auto all = warnings_for("{ $.a != 1 }", "{\"b\":2}\n{\"c\":3}");
  CHECK_THAT(find(all, "ne-missing-field")->message, Catch::Contains("missing from all 2 JSON events (#1 and #2)"));
}

TEST_CASE("lint: = true on a boolean field") {
  const std::string pattern = "{ $.eventName = DeleteBucket && $.readOnly = false }";
  const std::string pasted = R"({"eventName":"DeleteBucket","readOnly":false})";
  const auto ws = warnings_for(pattern, pasted);
  const Warning* w = find(ws, "eq-boolean");
  REQUIRE(w);
  CHECK(spanned(pattern, *w) == "$.readOnly = false");
  REQUIRE(w->fixes.size() == 1);
  CHECK(w->fixes[0].pattern == "{ $.eventName = DeleteBucket && $.readOnly IS FALSE }");
  CHECK(matching(pattern, pasted).empty());
  CHECK(matching(w->fixes[0].pattern, pasted) == std::vector<size_t>{0});
  // CloudTrail's mfaAuthenticated is the *string* "true": no warning there.
  CHECK_FALSE(find(warnings_for("{ $.mfa = true }", R"({"mfa":"true"})"), "eq-boolean"));
}

TEST_CASE("lint: precedence of && over ||") {
  const std::string pattern = "{ $.eventName = CreateUser || $.eventName = DeleteUser && $.userIdentity.type != Root }";
  const auto ws = warnings_for(pattern);
  const Warning* w = find(ws, "precedence");
  REQUIRE(w);
  CHECK(spanned(pattern, *w) == "$.eventName = DeleteUser && $.userIdentity.type != Root");
  CHECK_THAT(w->message, Catch::Contains("`$.userIdentity.type != Root` applies only to `$.eventName = DeleteUser`") &&
                             Catch::Contains("$.eventName = CreateUser || ($.eventName = DeleteUser && "));
  REQUIRE(w->fixes.size() == 2);
  CHECK(w->fixes[0].pattern ==
        "{ ($.eventName = CreateUser || $.eventName = DeleteUser) && $.userIdentity.type != Root }");
  CHECK(w->fixes[1].pattern ==
        "{ $.eventName = CreateUser || ($.eventName = DeleteUser && $.userIdentity.type != Root) }");
  const std::string root = R"({"eventName":"CreateUser","userIdentity":{"type":"Root"}})";
  CHECK(matching(pattern, root).size() == 1);             // the guard did not apply to CreateUser
  CHECK(matching(w->fixes[0].pattern, root).empty());     // now it does
  CHECK(matching(w->fixes[1].pattern, root).size() == 1);  // same meaning as written
  CHECK(warnings_for(w->fixes[0].pattern).empty());
  CHECK(warnings_for(w->fixes[1].pattern).empty());
  SECTION("a leading guard") {
    const std::string lead = "{ $.errorCode = AccessDenied && $.eventName = A || $.eventName = B }";
    const auto ws1 = warnings_for(lead);
    const Warning* l = find(ws1, "precedence");
    REQUIRE(l);
    CHECK(l->fixes[0].pattern == "{ $.errorCode = AccessDenied && ($.eventName = A || $.eventName = B) }");
  }
}

TEST_CASE("lint: quoted regex, interior star, blank phrase") {
  SECTION("a quoted %regex% is a literal") {
    const std::string p = "{ $.eventName = \"%Delete.*%\" }";
    const auto ws2 = warnings_for(p);
    const Warning* w = find(ws2, "quoted-regex");
    REQUIRE(w);
    CHECK(spanned(p, *w) == "\"%Delete.*%\"");
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern == "{ $.eventName = %Delete.*% }");
    CHECK(matching(w->fixes[0].pattern, R"({"eventName":"DeleteTrail"})").size() == 1);
    const std::string term = "ERROR -\"%time%\"";
    const auto ws3 = warnings_for(term);
    const Warning* t = find(ws3, "quoted-regex");
    REQUIRE(t);
    CHECK(spanned(term, *t) == "\"%time%\"");
    CHECK(t->fixes[0].pattern == "ERROR -%time%");
  }
  SECTION("an interior * is literal; the fix is a regex") {
    const std::string p = "{ $.eventName = Delete*Policy }";
    const auto ws4 = warnings_for(p);
    const Warning* w = find(ws4, "interior-star");
    REQUIRE(w);
    CHECK(spanned(p, *w) == "Delete*Policy");
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern == "{ $.eventName = %^Delete.*Policy$% }");
    const std::string ev = R"({"eventName":"DeleteRolePolicy"})";
    CHECK(matching(p, ev).empty());
    CHECK(matching(w->fixes[0].pattern, ev).size() == 1);
    CHECK_FALSE(find(warnings_for("{ $.eventName = Delete* }"), "interior-star"));
  }
  SECTION("\" \" is not match-all") {
    const auto ws = warnings_for("\" \"");
    const Warning* w = find(ws, "blank-phrase");
    REQUIRE(w);
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern.empty());
    CHECK(matching("\" \"", "nospace\nwith space") == std::vector<size_t>{1});
    CHECK(matching("", "nospace\nwith space") == std::vector<size_t>{0, 1});
  }
}

TEST_CASE("lint: smart quotes, single quotes, Logs Insights, length (also on invalid patterns)") {
  SECTION("smart quotes") {
    const std::string p = "{ $.eventName = \xE2\x80\x9C" "ConsoleLogin\xE2\x80\x9D }";
    const auto ws5 = warnings_for(p);
    const Warning* w = find(ws5, "smart-quotes");
    REQUIRE(w);
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern == "{ $.eventName = \"ConsoleLogin\" }");
  }
  SECTION("single quotes") {
    const std::string p = "{ $.eventName = 'ConsoleLogin' && $.['a.b'] = 1 }";
    const auto ws6 = warnings_for(p);
    const Warning* w = find(ws6, "single-quotes");
    REQUIRE(w);
    CHECK(spanned(p, *w) == "'ConsoleLogin'");
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern == "{ $.eventName = \"ConsoleLogin\" && $.['a.b'] = 1 }");
    CHECK(warnings_for("{ $.['a.b'] = 1 }").empty());
  }
  SECTION("Logs Insights") {
    const auto ws7 = warnings_for("filter @message like /Access denied/");
    const Warning* w = find(ws7, "insights-syntax");
    REQUIRE(w);
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern == "\"Access denied\"");
    const auto ws8 = warnings_for("fields @timestamp, @message | sort @timestamp desc");
    const Warning* s = find(ws8, "insights-syntax");
    REQUIRE(s);
    CHECK(s->fixes.empty());
    CHECK_FALSE(find(warnings_for("filtered ERROR"), "insights-syntax"));
  }
  SECTION("over 1,024 characters; the fix drops spaces") {
    std::string p = "{ ";
    for (int i = 0; i < 40; ++i) p += std::string(i ? " || " : "") + "( $.eventName = Event" + std::to_string(i) + " )";
    p += " }";
    REQUIRE(p.size() > 1024);
    REQUIRE_FALSE(compile_pattern(p).pattern);
    const auto ws9 = warnings_for(p);
    const Warning* w = find(ws9, "too-long");
    REQUIRE(w);
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern.size() <= 1024);
    CompileResult fixed = compile_pattern(w->fixes[0].pattern);
    REQUIRE(fixed.pattern);
    CHECK(fixed.pattern->nodes.size() == 41);
  }
}

TEST_CASE("lint: JSON pattern on messages with a text prefix") {
  const std::string pattern = "{ $.level = ERROR }";
  const std::string pasted =
      "2026-11-20T09:14:02.120Z\t6f1c-EXAMPLE\tINFO\t{\"level\":\"ERROR\"}\n{\"level\":\"ERROR\"}\n";
  const auto ws10 = warnings_for(pattern, pasted);
    const Warning* w = find(ws10, "json-text-prefix");
  REQUIRE(w);
  CHECK_THAT(w->message, Catch::StartsWith("1 event (#1) holds JSON after a text prefix"));
  CHECK(w->fixes.empty());
  CHECK_FALSE(find(warnings_for(pattern, "{\"level\":\"ERROR\"}"), "json-text-prefix"));
}

TEST_CASE("lint: space-delimited field count vs the events") {
  const std::string pasted = "198.51.100.7 GET /index.html 200 512\n198.51.100.7 GET /\n";
  SECTION("too few fields in an event") {
    const auto ws11 = warnings_for("[ip, method, path, status, bytes]", pasted);
    const Warning* w = find(ws11, "delimited-too-few");
    REQUIRE(w);
    CHECK_THAT(w->message, Catch::Contains("5 fields but #2"));
  }
  SECTION("surplus absorbed into a last field with a condition; the fix adds ...") {
    const std::string p = "[ip, method = GET]";
    const auto ws12 = warnings_for(p, pasted);
    const Warning* w = find(ws12, "delimited-surplus");
    REQUIRE(w);
    CHECK(spanned(p, *w) == "method = GET");
    REQUIRE(w->fixes.size() == 1);
    CHECK(w->fixes[0].pattern == "[ip, method = GET, ...]");
    CHECK(matching(p, pasted).empty());
    CHECK(matching(w->fixes[0].pattern, pasted) == std::vector<size_t>{0, 1});
  }
  CHECK(warnings_for("[ip, method, ...]", pasted).empty());
}

TEST_CASE("lint: a correct CIS pattern on the corpus raises nothing") {
  const std::string cis =
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || "
      "($.eventName = StartLogging) || ($.eventName = StopLogging) }";
  CHECK(warnings_for(cis, testing::read_data("corpus/cloudtrail-docs.ndjson")).empty());
}
