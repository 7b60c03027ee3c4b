// Metric filter emulation (core/metric_filter.h): AWS's validation of the
// metric transformation, and what is published per event.
#include <catch2/catch.hpp>

#include "metric_filter.h"
#include "test_support.h"

using namespace cwlf;

namespace {

std::shared_ptr<const Pattern> compiled(const std::string& text) {
  CompileResult c = compile_pattern(text);
  REQUIRE(c.pattern);
  return c.pattern;
}

Datapoint publish(const std::string& pattern, const MetricDefinition& m, const std::string& message) {
  auto p = compiled(pattern);
  REQUIRE_FALSE(validate_metric(*p, m));
  const Event e = event_from_message(message);
  return metric_for_event(*p, m, e, evaluate(*p, e, false));
}

}  // namespace

TEST_CASE("metric value: 1, $.field, $name, $N") {
  MetricDefinition one;
  Datapoint d = publish("{ $.eventName = ConsoleLogin }", one, R"({"eventName":"ConsoleLogin"})");
  CHECK(d.kind == Datapoint::Kind::Value);
  CHECK(d.value == 1);

  MetricDefinition latency;
  latency.value = "$.latency";
  d = publish("{ $.latency = * }", latency, R"({"latency": 50})");
  CHECK(d.kind == Datapoint::Kind::Value);
  CHECK(d.value == 50);
  CHECK(d.value_text == "50");
  d = publish("{ $.latency = * }", latency, R"({"latency": "fast"})");
  CHECK(d.kind == Datapoint::Kind::None);
  CHECK_THAT(d.note, Catch::Contains("not a number: no datapoint"));
  d = publish("{ $.name = x }", latency, R"({"name": "x"})");
  CHECK(d.kind == Datapoint::Kind::None);
  CHECK_THAT(d.note, Catch::Contains("missing"));

  MetricDefinition size;
  size.value = "$size";
  d = publish("[ip, user, status = 200, size]", size, "198.51.100.7 alice 200 512");
  CHECK(d.kind == Datapoint::Kind::Value);
  CHECK(d.value == 512);
  // $N: a token taken by `...`, by its 1-based position (as extractedValues names it).
  MetricDefinition first;
  first.value = "$1";
  d = publish("[..., status = 200, size]", first, "7 b 200 512");
  CHECK(d.kind == Datapoint::Kind::Value);
  CHECK(d.value == 7);
  // No match: nothing, or the default value.
  d = publish("[ip, user, status = 200, size]", size, "198.51.100.7 alice 404 512");
  CHECK(d.kind == Datapoint::Kind::None);
  size.default_value = "0";
  d = publish("[ip, user, status = 200, size]", size, "198.51.100.7 alice 404 512");
  CHECK(d.kind == Datapoint::Kind::Default);
  CHECK(d.value == 0);
}

TEST_CASE("metric dimensions: found ones are published, missing ones are left out") {
  MetricDefinition m;
  m.dimensions = {{"EventName", "$.eventName"}, {"User", "$.userIdentity.userName"}};
  Datapoint d = publish("{ $.eventName = * }", m, R"({"eventName":"PutRolePolicy","userIdentity":{"userName":"alice"}})");
  REQUIRE(d.dimensions.size() == 2);
  CHECK(d.dimensions[1] == std::make_pair(std::string("User"), std::string("alice")));
  d = publish("{ $.eventName = * }", m, R"({"eventName":"PutRolePolicy","userIdentity":{"type":"Root"}})");
  CHECK(d.kind == Datapoint::Kind::Value);
  REQUIRE(d.dimensions.size() == 1);
  CHECK_THAT(d.note, Catch::Contains("Dimension User not found"));
}

TEST_CASE("metric validation: AWS's rules") {
  auto json = compiled("{ $.a = 1 }");
  auto terms = compiled("ERROR");
  auto delimited = compiled("[ip, size]");
  auto check = [](const Pattern& p, MetricDefinition m) { return validate_metric(p, m); };
  MetricDefinition m;
  CHECK_FALSE(check(*terms, m));  // a constant value works with any pattern
  m.value = "$.a";
  CHECK_FALSE(check(*json, m));
  CHECK(check(*delimited, m));  // a JSON selector on a delimited pattern
  m.value = "$.items[*].n";
  CHECK_THAT(*check(*json, m), Catch::Contains("wildcard"));
  m.value = "size";
  CHECK_THAT(*check(*delimited, m), Catch::Contains("neither a number nor a field reference"));
  m.value = "$size";
  CHECK_FALSE(check(*delimited, m));
  m.value = "$nope";
  CHECK(check(*delimited, m));
  m.value = "1";
  m.dimensions = {{"D", "$.a"}};
  CHECK(check(*terms, m));  // dimensions only for JSON and space-delimited
  CHECK_THAT(*check(*terms, m), Catch::Contains("does not support dimensions"));
  CHECK_FALSE(check(*json, m));
  m.default_value = "0";
  CHECK_THAT(*check(*json, m), Catch::Contains("cannot have a default value"));
  m.default_value.reset();
  m.dimensions = {{"A", "$.a"}, {"B", "$.a"}, {"C", "$.a"}, {"D", "$.a"}};
  CHECK_THAT(*check(*json, m), Catch::Contains("at most 3"));
  m.dimensions = {{"A", "$.x[*]"}};
  CHECK_THAT(*check(*json, m), Catch::Contains("wildcard"));
  m.dimensions = {{"A", "5"}};
  CHECK(check(*json, m));
  m.dimensions = {};
  m.default_value = "zero";
  CHECK(check(*json, m));
}
