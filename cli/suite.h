// `cwlf test --suite FILE`: runs a test saved by the page (Download .json;
// the format is docs/suite-format.md) and checks each event's expected
// verdict, for CI jobs. Exit status: 0 every expectation holds; 1 one does
// not; 2 the file cannot be read, is not a cwlf test, or its pattern is invalid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cwlf/alarm.h"

namespace cwlf::cli {

struct SuiteExpectation {
  uint32_t event = 0;  // 1-based, as the page and `cwlf test` number events
  bool match = false;
  // Version 2: the event's identity (cwlf/workbench.h). When set, the
  // expectation belongs to the event with this identity wherever it now is,
  // and `event` only says where it was when the test was saved.
  std::string id;
};

struct Suite {
  int version = 0;
  std::string pattern;
  std::string events;  // the pasted text, as pasted
  std::vector<SuiteExpectation> expectations;
  // "alarm": the page's alarm settings (web/alarm-settings.js), the defaults
  // for the members left out; nullopt when the file has none.
  std::optional<AlarmSettings> alarm;
};

// Reads a suite file's JSON; on failure returns why, in a sentence.
std::optional<std::string> parse_suite(std::string_view json, Suite& out);

// args: what follows `cwlf test` (contains --suite FILE).
int cmd_test_suite(const std::vector<std::string>& args);

}  // namespace cwlf::cli
