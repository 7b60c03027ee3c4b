// libFuzzer target: the CLI's whole-file readers (cli/input_file.h and the
// suite reader). Any bytes must give a value or a sentence, never a crash or
// an unbounded allocation: gunzip stays within its limit (gzip bombs are
// refused), a messages file is one flat array of strings whatever its
// nesting, and a suite file parses without recursion on its depth.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "input_file.h"
#include "suite.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string error;

  // Small limit so that the fuzzer reaches the "too large" path cheaply.
  constexpr size_t kLimit = 1 << 16;
  std::string text;
  if (cwlf::cli::gunzip(bytes, text, error, kLimit)) {
    if (text.size() > kLimit) std::abort();
  } else if (error.empty()) {
    std::abort();
  }

  std::vector<std::string> messages;
  error.clear();
  if (cwlf::cli::parse_messages(bytes, "m.json", messages, error)) {
    size_t total = 0;
    for (const std::string& m : messages) total += m.size();
    if (total > size) std::abort();  // every message comes from the input
  } else if (error.empty() || !messages.empty()) {
    std::abort();  // a failure says why and hands over nothing
  }

  cwlf::cli::Suite suite;
  if (!cwlf::cli::parse_suite(bytes, suite)) {
    for (const cwlf::cli::SuiteExpectation& e : suite.expectations) {
      if (e.event < 1) std::abort();
    }
  }
  return 0;
}
