// Every resource bound of core/resource_limits.h answers with its own
// diagnostic code and a message that names the limit (docs/performance.md,
// "Resource bounds"). Just under each limit, the input is accepted.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "event_filter.h"
#include "event_stream.h"
#include "events.h"
#include "pattern.h"
#include "resource_limits.h"

using namespace cwlf;

namespace {

std::string first_error_code(const SplitResult& r, std::string* message) {
  for (const Event& e : r.events)
    if (e.error) {
      *message = e.error->message;
      return e.error->code;
    }
  return "";
}

}  // namespace

TEST_CASE("resource bounds: each limit has its own clear message") {
  std::set<std::string> codes;

  // Pattern length: 1,024 characters.
  std::string at_limit = "\"" + std::string(kMaxPatternChars - 2, 'a') + "\"";
  CHECK(compile_pattern(at_limit).pattern);
  CompileResult too_long = compile_pattern(at_limit + "b");
  REQUIRE(too_long.error);
  CHECK(too_long.error->code == "pattern-too-long");
  CHECK_THAT(too_long.error->message, Catch::Contains("at most 1024"));
  codes.insert(too_long.error->code);

  // Regex program size.
  // Each x{1,1000} expands to about 2,000 instructions: 9 fit, 21 do not.
  auto repeats = [](char last) {
    std::string r = "%";
    for (char c = 'a'; c <= last; ++c) r += std::string(1, c) + "{1,1000}";
    return r + "%";
  };
  CHECK(compile_pattern(repeats('i')).pattern);
  CompileResult big_regex = compile_pattern(repeats('u'));
  REQUIRE(big_regex.error);
  CHECK(big_regex.error->code == "regex-too-large");
  CHECK_THAT(big_regex.error->message, Catch::Contains("more than 20000 steps"));
  codes.insert(big_regex.error->code);

  // Event size: 1 MB, in a paste and in the streaming reader.
  std::string message;
  std::string big = "x" + std::string(kMaxEventBytes, 'y');
  CHECK(first_error_code(split_events(big), &message) == "event-too-large");
  CHECK_THAT(message, Catch::Contains("1,048,577 bytes"));
  codes.insert("event-too-large");
  CHECK(first_error_code(split_events(big.substr(1)), &message).empty());
  std::string streamed;
  EventStream s(StreamMode::Lines, [&](const StreamedEvent& ev) {
    if (ev.error) streamed = ev.error->code + ": " + ev.error->message;
  });
  s.feed(big);
  s.finish();
  CHECK_THAT(streamed, Catch::StartsWith("event-too-large: ") && Catch::Contains("1,048,576 bytes"));

  // Nesting depth: 1,000 levels.
  auto nested = [](uint32_t depth) { return "{\"a\":" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}"; };
  CHECK(first_error_code(split_events(nested(kMaxJsonDepth)), &message).empty());
  CHECK(first_error_code(split_events(nested(kMaxJsonDepth + 1)), &message) == "json-too-deep");
  CHECK_THAT(message, Catch::Contains("1,000") || Catch::Contains("1000"));
  codes.insert("json-too-deep");

  // Number of events in one paste: 100,000.
  std::string lines;
  for (uint32_t i = 0; i < kMaxEventsPerPaste + 5; ++i) lines += "e\n";
  SplitResult many = split_events(lines);
  REQUIRE(many.events.size() == kMaxEventsPerPaste + 1);
  CHECK(first_error_code(many, &message) == "too-many-events");
  CHECK_THAT(message, Catch::Contains("100,000"));
  codes.insert("too-many-events");

  CHECK(codes.size() == 5);  // five limits, five different codes
}
