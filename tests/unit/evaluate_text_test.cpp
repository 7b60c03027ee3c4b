// Text-term and space-delimited semantics (spec §3, §6, §13.1, §13.4).
#include <catch2/catch.hpp>

#include "test_support.h"

using cwlf::testing::check_rows;
using cwlf::testing::Row;
using cwlf::testing::verdict;

namespace {

const Row kTermRows[] = {
    {"a term is a substring", "ERROR", "TERROR: disk full", true},
    {"terms are case-sensitive", "ERROR", "error: disk full", false},
    {"all plain terms must appear, in any order", "ERROR Exception", "Exception then ERROR", true},
    {"a missing plain term fails", "ERROR Exception", "ERROR only", false},
    {"substring inside a word", "ERROR", "Exiting with ERRORCODE: -1", true},
    {"?terms: one is enough", "?Error ?fatal", "[ERROR] A fatal exception has occurred", true},
    {"?terms: none present", "?Error ?fatal", "[ERROR] Caught IllegalArgumentException", false},
    {"?terms are ignored beside a plain term", "?A ?B C", "C alone", true},
    {"?terms are ignored beside a plain term (2)", "?ERROR ?ARGUMENTS REQUEST", "ERROR ARGUMENTS", false},
    {"-term alone: everything without it", "-DEBUG", "INFO started", true},
    {"-term alone: not with it", "-DEBUG", "DEBUG started", false},
    {"plain and -term", "ERROR -Timeout", "ERROR Timeout", false},
    {"quoted phrase is contiguous", "\"ERROR Exception\"", "ERROR: Exception", false},
    {"quoted phrase present", "\"ERROR Exception\"", "an ERROR Exception here", true},
    {"quoted brackets", "\"[ERROR]\" Exception", "[ERROR] Unhanded exception: InvalidQueryException", true},
    {"\" \" is a one-space phrase, not match-all", "\" \"", "nospace", false},
    {"\" \" matches a message with a space", "\" \"", "a b", true},
    {"quoted escapes", "\"say \\\"hi\\\"\"", "they say \"hi\" here", true},
    {"regex term", "%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true},
    {"regex term, no match", "%^AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", false},
    {"excluded regex", "ERROR -%time[d]? out%", "ERROR timed out", false},
    {"a quoted regex is a literal", "\"%bar%\"", "bar", false},
    {"terms search the compact JSON text", "PutRolePolicy", "{\"eventName\":\"PutRolePolicy\"}", true},
};

const Row kDelimitedRows[] = {
    {"greedy last field", "[w1=ERROR, w2]", "ERROR request failed", true},
    {"fewer tokens than fields", "[w1=ERROR, w2]", "ERROR", false},
    {"first word condition", "[w1=ERROR, w2]", "WARN request failed", false},
    {"|| on one field", "[w1=ERROR || w1=WARN, w2]", "WARN message", true},
    {"&& on one field", "[w1!=ERROR && w1!=WARN, w2]", "INFO message", true},
    {"&& on one field, false", "[w1!=ERROR && w1!=WARN, w2]", "WARN message", false},
    {"numeric range", "[code >= 200 && code <= 204, rest]", "204 ok", true},
    {"numeric on non-number is false", "[code > 1, rest]", "abc ok", false},
    {"ellipsis then fields anchor at the end", "[..., status_code = 404, size]", "a b c 404 1534", true},
    {"ellipsis at the end", "[ip, user, ...]", "127.0.0.1 frank x y z", true},
    {"runs of spaces and tabs split", "[a, b=x, c]", "1 \t  x   3", true},
    {"brackets are one field", "[ip, id, user, ts = *0700, req, code = 200, size]",
     "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534", true},
    {"wildcards", "[..., request=*.html*, status_code=4*,]",
     "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534", true},
    {"regex value", "[ip=%127\\.0\\.0\\.[1-9]%, ...]", "127.0.0.1 GET", true},
    {"parenthesised same-field condition", "[(ip != 10.* && ip != 192.*) || ip = 127.*, rest]", "127.0.0.5 x", true},
    {"[] matches everything", "[]", "anything at all", true},
    {"unterminated quote is an ordinary character", "[a, b]", "\"abc def", true},
};

}  // namespace

TEST_CASE("text terms follow CloudWatch's observed semantics") {
  check_rows(kTermRows);
}

TEST_CASE("space-delimited patterns follow CloudWatch's observed semantics") {
  check_rows(kDelimitedRows);
}

TEST_CASE("the empty pattern matches everything") {
  CHECK(verdict("", "anything").result.matched);
  CHECK(verdict("   ", "anything").result.matched);
}

using Extracted = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("extractedValues are TestMetricFilter's") {
  const std::string line = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";
  SECTION("named fields and a leading ellipsis") {
    auto v = verdict("[..., size]", line);
    REQUIRE(v.result.matched);
    CHECK(v.result.extracted == Extracted{{"$1", "127.0.0.1"}, {"$2", "-"}, {"$3", "frank"},
                                          {"$4", "10/Oct/2000:13:25:15 -0700"}, {"$5", "GET /index.html HTTP/1.0"},
                                          {"$6", "404"}, {"$size", "1534"}});
  }
  SECTION("a trailing empty field is reported by position") {
    auto v = verdict("[..., request=*.html*, status_code=4*,]", line);
    REQUIRE(v.result.matched);
    CHECK(v.result.extracted == Extracted{{"$1", "127.0.0.1"}, {"$2", "-"}, {"$3", "frank"},
                                          {"$4", "10/Oct/2000:13:25:15 -0700"}, {"$request", "GET /index.html HTTP/1.0"},
                                          {"$status_code", "404"}, {"$7", "1534"}});
  }
  SECTION("[] reports every token") {
    auto v = verdict("[]", "a \"b c\" [d]");
    REQUIRE(v.result.matched);
    CHECK(v.result.extracted == Extracted{{"$1", "a"}, {"$2", "b c"}, {"$3", "d"}});
  }
  SECTION("the greedy last field takes the rest raw") {
    auto v = verdict("[timestamp, request_id, event]",
                     "2015-07-08T01:42:25.679Z 8bd492bcaede Decoded payload: Hello World");
    REQUIRE(v.result.matched);
    CHECK(v.result.extracted == Extracted{{"$timestamp", "2015-07-08T01:42:25.679Z"},
                                          {"$request_id", "8bd492bcaede"},
                                          {"$event", "Decoded payload: Hello World"}});
  }
  SECTION("text patterns report none") {
    auto v = verdict("\"[ERROR]\"", "x [ERROR] y");
    REQUIRE(v.result.matched);
    CHECK(v.result.extracted.empty());
  }
}
