// Runs the golden conformance table (tests/data/conformance/*.test) on the
// native core: each verdict with and without an explanation (the fast path and
// the explained path must agree), each rejection's code, span and AWS wording.
#include <catch2/catch.hpp>

#include "conformance_table.h"
#include "test_support.h"

using cwlf::testing::ConformanceCase;

namespace {

void check_case(const ConformanceCase& c) {
  INFO(c.where << "\n" << c.description << "pattern: " << c.pattern);
  cwlf::CompileResult compiled = cwlf::compile_pattern(c.pattern);
  if (c.error_code) {
    REQUIRE(compiled.error);
    CHECK(!compiled.pattern);
    INFO("message: " << compiled.error->message);
    CHECK(compiled.error->code == *c.error_code);
    CHECK(compiled.error->span.offset == c.error_offset);
    CHECK(compiled.error->span.length == c.error_length);
    CHECK(!compiled.error->message.empty());
    if (c.aws) CHECK(compiled.error->aws_message == *c.aws);
    return;
  }
  INFO("message: " << *c.message);
  INFO("compile error: " << (compiled.error ? compiled.error->message : std::string()));
  REQUIRE(compiled.pattern);
  const cwlf::Event event = cwlf::event_from_message(*c.message);
  const cwlf::EventResult explained = cwlf::evaluate(*compiled.pattern, event, true);
  CHECK(explained.matched == *c.match);
  CHECK(cwlf::evaluate(*compiled.pattern, event, false).matched == *c.match);
  if (c.extracted) CHECK(explained.extracted == *c.extracted);
}

}  // namespace

TEST_CASE("the golden conformance table holds on the native core", "[conformance]") {
  const auto files = cwlf::testing::conformance_files();
  REQUIRE(files.size() >= 4);
  size_t verdicts = 0, rejections = 0;
  for (const std::string& file : files) {
    for (const ConformanceCase& c : cwlf::testing::read_conformance_file(file)) {
      check_case(c);
      (c.error_code ? rejections : verdicts)++;
    }
  }
  // The table only grows: a reader that silently skipped blocks would fail here.
  CHECK(verdicts >= 125);
  CHECK(rejections >= 170);
}
