// Helpers shared by the Catch2 tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "evaluate.h"
#include "events.h"
#include "pattern.h"

namespace cwlf::testing {

inline std::string read_data(const std::string& relative) {
  std::ifstream f(std::string(CWLF_TEST_DATA) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
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

}  // namespace cwlf::testing
