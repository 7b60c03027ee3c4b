// The two views of a test run that `cwlf test` prints: a human-readable
// report with each event's explanation tree, and the full JSON result.
#pragma once

#include <string>
#include <string_view>

#include "cwlf/run.h"

namespace cwlf::cli {

std::string human_report(const TestRun& run, std::string_view pattern, std::string_view pasted, bool color);
std::string json_report(const TestRun& run, std::string_view pattern, std::string_view pasted);
// The pitfall warnings for the pattern and these events ("" when none).
std::string warnings_report(const TestRun& run, std::string_view pattern);

}  // namespace cwlf::cli
