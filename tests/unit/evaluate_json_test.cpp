// JSON pattern semantics, rule by rule (spec §5, §13.3). Each row: pattern,
// message, whether CloudWatch matches it.
#include <catch2/catch.hpp>

#include "test_support.h"

using cwlf::testing::check_rows;
using cwlf::testing::Row;
using cwlf::testing::verdict;

namespace {

const Row kRows[] = {
    // The message must be one JSON object.
    {"plain text never matches a JSON pattern", "{ $.a NOT EXISTS }", "hello world", false},
    {"a top-level array never matches, not even NOT EXISTS", "{ $.a NOT EXISTS }", "[1,2]", false},
    {"invalid JSON never matches", "{ $.a NOT EXISTS }", "{\"a\":", false},
    {"a text prefix makes the message plain text", "{ $.a = 1 }", "2024-01-01T00:00:00Z\tINFO\t{\"a\":1}", false},
    // Equality between literal and value (§13.3).
    {"= 1 matches the number 1", "{ $.v = 1 }", "{\"v\":1}", true},
    {"= 1 matches 1.0", "{ $.v = 1 }", "{\"v\":1.0}", true},
    {"= 1 matches 1e0", "{ $.v = 1 }", "{\"v\":1e0}", true},
    {"= 1 matches the string \"1\"", "{ $.v = 1 }", "{\"v\":\"1\"}", true},
    {"= 1 does not match the string \"1.0\"", "{ $.v = 1 }", "{\"v\":\"1.0\"}", false},
    {"= 1e+0 behaves like = 1", "{ $.v = 1e+0 }", "{\"v\":1}", true},
    {"= \"1\" matches the number 1", "{ $.v = \"1\" }", "{\"v\":1}", true},
    {"= \"1\" matches the string \"1\"", "{ $.v = \"1\" }", "{\"v\":\"1\"}", true},
    {"= \"1\" does not match 1.0", "{ $.v = \"1\" }", "{\"v\":1.0}", false},
    {"= \"1\" does not match 1e0", "{ $.v = \"1\" }", "{\"v\":1e0}", false},
    {"= true is the string", "{ $.v = true }", "{\"v\":\"true\"}", true},
    {"= true does not match the boolean", "{ $.v = true }", "{\"v\":true}", false},
    {"IS TRUE matches the boolean", "{ $.v IS TRUE }", "{\"v\":true}", true},
    {"IS TRUE does not match the string", "{ $.v IS TRUE }", "{\"v\":\"true\"}", false},
    {"IS FALSE matches false", "{ $.v IS FALSE }", "{\"v\":false}", true},
    // != (the seed's trap).
    {"!= is true on a different string", "{ $.v != a }", "{\"v\":\"b\"}", true},
    {"!= is false on the same string", "{ $.v != a }", "{\"v\":\"a\"}", false},
    {"!= is false on a missing field", "{ $.v != a }", "{\"w\":\"b\"}", false},
    {"!= is false on null", "{ $.v != a }", "{\"v\":null}", false},
    {"!= is false on a boolean", "{ $.v != a }", "{\"v\":true}", false},
    {"!= is false on an object", "{ $.v != a }", "{\"v\":{}}", false},
    {"!= is false on an array", "{ $.v != 1 }", "{\"v\":[2]}", false},
    {"= is false on an array", "{ $.v = 1 }", "{\"v\":[1]}", false},
    // Relational operators compare numbers only.
    {"> on a number", "{ $.v > 10 }", "{\"v\":11}", true},
    {"> false on an equal number", "{ $.v > 10 }", "{\"v\":10}", false},
    {"> on a numeric string is false", "{ $.v > 10 }", "{\"v\":\"11\"}", false},
    {"<= with exponents", "{ $.v <= 1e3 }", "{\"v\":1000}", true},
    {">= negative decimals", "{ $.v >= -5.5 }", "{\"v\":-5.25}", true},
    {"< with a leading plus", "{ $.v < +1000 }", "{\"v\":999.99}", true},
    // Wildcards.
    {"= * matches any string", "{ $.v = * }", "{\"v\":\"x\"}", true},
    {"= * matches any number", "{ $.v = * }", "{\"v\":0}", true},
    {"= * does not match null", "{ $.v = * }", "{\"v\":null}", false},
    {"= * does not match a boolean", "{ $.v = * }", "{\"v\":false}", false},
    {"= * does not match an object", "{ $.v = * }", "{\"v\":{}}", false},
    {"= \"*\" is the same wildcard", "{ $.v = \"*\" }", "{\"v\":\"x\"}", true},
    {"prefix wildcard", "{ $.errorCode = \"*UnauthorizedOperation\" }", "{\"errorCode\":\"Client.UnauthorizedOperation\"}", true},
    {"suffix wildcard", "{ $.errorCode = \"AccessDenied*\" }", "{\"errorCode\":\"AccessDeniedException\"}", true},
    {"suffix wildcard, unquoted", "{ $.v = Alpha* }", "{\"v\":\"AlphaBeta\"}", true},
    {"suffix wildcard does not match elsewhere", "{ $.v = Alpha* }", "{\"v\":\"BetaAlpha\"}", false},
    {"both wildcards: contains", "{ $.v = *lph* }", "{\"v\":\"Alpha\"}", true},
    {"wildcard on a number's spelling", "{ $.v = 4* }", "{\"v\":404}", true},
    {"? is a literal character", "{ $.v = \"a?c\" }", "{\"v\":\"abc\"}", false},
    {"IP prefix with !=", "{ $.sourceIPAddress != 123.123.* }", "{\"sourceIPAddress\":\"10.0.0.1\"}", true},
    // Case and exactness.
    {"string equality is case-sensitive", "{ $.v = Root }", "{\"v\":\"root\"}", false},
    {"string equality is exact", "{ $.userAgent = \"AWS Internal\" }", "{\"userAgent\":\"AWS Internal/3\"}", false},
    // IS NULL, NOT EXISTS.
    {"IS NULL on null", "{ $.v IS NULL }", "{\"v\":null}", true},
    {"IS NULL on an array holding null", "{ $.v IS NULL }", "{\"v\":[1,null]}", true},
    {"IS NULL on an array without null", "{ $.v IS NULL }", "{\"v\":[1]}", false},
    {"IS NULL on a missing field", "{ $.v IS NULL }", "{}", false},
    {"NOT EXISTS on a missing field", "{ $.v NOT EXISTS }", "{}", true},
    {"NOT EXISTS on null is false", "{ $.v NOT EXISTS }", "{\"v\":null}", false},
    {"NOT EXISTS through an intermediate null", "{ $.a.b NOT EXISTS }", "{\"a\":null}", true},
    {"NOT EXISTS does not traverse arrays", "{ $.nested.value NOT EXISTS }", "{\"nested\":[{\"value\":\"hit\"}]}", true},
    {"NOT EXISTS on a present field", "{ $.v NOT EXISTS }", "{\"v\":1}", false},
    // Duplicate keys: the last wins.
    {"duplicate keys: last wins", "{ $.v = 2 }", "{\"v\":1,\"v\":2}", true},
    {"duplicate keys: the first is gone", "{ $.v = 1 }", "{\"v\":1,\"v\":2}", false},
    // Selectors.
    {"nested member", "{ $.a.b.c = x }", "{\"a\":{\"b\":{\"c\":\"x\"}}}", true},
    {"array index", "{ $.a[1] = y }", "{\"a\":[\"x\",\"y\"]}", true},
    {"index out of range", "{ $.a[2] = y }", "{\"a\":[\"x\",\"y\"]}", false},
    {"chained index", "{ $.coordinates[0][1] = 2 }", "{\"coordinates\":[[1,2]]}", true},
    {"index then member", "{ $.users[0].id = 7 }", "{\"users\":[{\"id\":7}]}", true},
    {"index on a non-array", "{ $.a[0] = x }", "{\"a\":\"x\"}", false},
    {"dotted key in brackets", "{ $.['cluster.name'] = prod }", "{\"cluster.name\":\"prod\"}", true},
    {"[*] over array elements", "{ $.arrayKey[*] = %val.{2}% }", "{\"arrayKey\":[\"value\",\"x\"]}", true},
    {"[*] over object values", "{ $.o[*] = b }", "{\"o\":{\"k\":\"b\"}}", true},
    {"$.* direct children", "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", "{\"sourceIPAddress\":\"111.111.111.111\"}", true},
    {"$.* is not recursive", "{ $.* = deep }", "{\"a\":{\"b\":\"deep\"}}", false},
    {"wildcard conditions are existential and independent",
     "{ $.items[*].a = 1 && $.items[*].b = 2 }", "{\"items\":[{\"a\":1},{\"b\":2}]}", true},
    // Regex values.
    {"regex value", "{ $.eventType = %Trail% }", "{\"eventType\":\"CloudTrailEvent\"}", true},
    {"regex anchors apply to the value", "{ $.ip = %^192\\.168\\.12\\.% }", "{\"ip\":\"192.168.12.7\"}", true},
    {"!= regex", "{ $.ip != %^192\\.168\\.12\\.% }", "{\"ip\":\"10.0.0.1\"}", true},
    {"a quoted %...% is a literal", "{ $.foo = \"%bar%\" }", "{\"foo\":\"bar\"}", false},
    {"a quoted %...% matches itself", "{ $.foo = \"%bar%\" }", "{\"foo\":\"%bar%\"}", true},
    // Boolean structure.
    {"&& binds tighter than ||", "{ $.a = 1 || $.b = 2 && $.c = 3 }", "{\"a\":1,\"b\":0,\"c\":0}", true},
    {"parentheses group", "{ ($.a = 1 || $.b = 2) && $.c = 3 }", "{\"a\":1,\"b\":0,\"c\":0}", false},
    {"doc example: A || (B && C)",
     "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\" && $.actions[2] = \"nonmatch\" }",
     "{\"user\":{\"email\":\"John.Stiles@example.com\"},\"coordinates\":[[0,1]],\"actions\":[1,2,3]}", true},
    {"newlines are free inside braces", "{\n  $.a = 1\n  &&\n  $.b = 2\n}", "{\"a\":1,\"b\":2}", true},
    {"CIS root usage, root console call", "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
     "{\"userIdentity\":{\"type\":\"Root\"},\"eventType\":\"AwsApiCall\"}", true},
    {"CIS root usage, service on behalf of root", "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
     "{\"userIdentity\":{\"type\":\"Root\",\"invokedBy\":\"AWS Internal\"},\"eventType\":\"AwsApiCall\"}", false},
};

}  // namespace

TEST_CASE("JSON patterns follow CloudWatch's observed semantics") {
  check_rows(kRows);
}

TEST_CASE("JSON patterns report no extracted values") {
  auto v = verdict("{ $.a = 1 }", "{\"a\":1}");
  CHECK(v.result.matched);
  CHECK(v.result.extracted.empty());
}
