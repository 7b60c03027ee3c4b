// Helpers shared by the Catch2 tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "evaluate.h"
#include "events.h"
#include "pattern.h"
#include "run.h"

namespace cwlf::testing {

inline std::string read_data(const std::string& relative) {
  std::ifstream f(std::string(CWLF_TEST_DATA) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// The verdict on each event of a paste (the pattern must be valid).
inline std::vector<bool> verdicts(const std::string& pattern, const std::string& pasted) {
  TestRun run = run_test(pattern, pasted, RunOptions{RunOptions::Explain::None, 0});
  REQUIRE(run.compiled.pattern);
  std::vector<bool> out;
  for (const EventResult& r : run.results) out.push_back(r.matched);
  return out;
}

// Compiles `pattern` (which must be valid) and tests one raw message.
struct Verdict {
  bool compiled = false;
  std::string error;
  EventResult result;
};

inline Verdict verdict(const std::string& pattern, const std::string& message, bool explain = true) {
  Verdict v;
  CompileResult c = compile_pattern(pattern);
  if (!c.pattern) {
    v.error = c.error ? c.error->message : "?";
    return v;
  }
  v.compiled = true;
  v.result = evaluate(*c.pattern, event_from_message(message), explain);
  return v;
}

// One row of a semantics table: a pattern, a message, and whether CloudWatch
// matches it.
struct Row {
  const char* rule;
  const char* pattern;
  const char* message;
  bool match;
};

// Checks every row, with and without an explanation (the fast path and the
// explained path must agree).
template <size_t N>
void check_rows(const Row (&rows)[N]) {
  for (const Row& row : rows) {
    INFO(row.rule << "\n  pattern: " << row.pattern << "\n  message: " << row.message);
    Verdict v = verdict(row.pattern, row.message);
    INFO("compile error: " << v.error);
    REQUIRE(v.compiled);
    CHECK(v.result.matched == row.match);
    CHECK(verdict(row.pattern, row.message, false).result.matched == row.match);
  }
}

}  // namespace cwlf::testing
