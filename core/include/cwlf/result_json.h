// The one JSON writer of cwlf's results: `cwlf test --json` prints it and the
// JavaScript API's test() returns it parsed, so both have the same field names
// and values (docs/api.md, "TestRun"). Only positions differ by design: the
// CLI reports byte offsets, JavaScript UTF-16 indices; the caller says which
// by the two offset maps.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "lint.h"
#include "run.h"

namespace cwlf {

// Byte offset in the text -> the position the reader wants (identity for bytes).
using OffsetMap = std::function<uint32_t(uint32_t)>;

struct ResultJsonOptions {
  OffsetMap pattern_offsets;  // positions in the pattern (empty: bytes)
  OffsetMap pasted_offsets;   // positions in the pasted text (empty: bytes)
  bool messages = true;       // false leaves each event's message out
};

// { code, awsMessage, message, offset, length }; offsets through `map`.
std::string diagnostic_json(const Diagnostic& d, const OffsetMap& map = {});
// { nodes: [...] } (docs/api.md, "The explanation tree")
std::string explanation_json(const Explanation& x, const ResultJsonOptions& options = {});
// [{ code, message, offset, length, fixes: [{ label, pattern }] }]
std::string warnings_json(const std::vector<Warning>& warnings, const ResultJsonOptions& options = {});
// { ok, family, error }
std::string compile_result_json(const CompileResult& compiled, const ResultJsonOptions& options = {});
// { pattern, format, counts, events, warnings }
std::string test_run_json(const TestRun& run, const std::vector<Warning>& warnings,
                          const ResultJsonOptions& options = {});
// The run's "radar" member alone (the silent-miss radar and scope leaks, see
// cwlf/radar.h): an object, or null when the pattern is invalid. Its event
// indexes are positions in run.input.events; it holds no offsets.
std::string radar_json(const TestRun& run);

}  // namespace cwlf
