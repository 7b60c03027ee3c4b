// One test run, the unit of work of both shells (the `cwlf` command and the
// wasm module): compile the pattern, split the pasted text into events, and
// test every event. Shells only format what this returns.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate.h"
#include "events.h"
#include "pattern.h"

namespace cwlf {

struct RunOptions {
  // Which events get an explanation tree: none, all, or one index.
  enum class Explain : uint8_t { None, All, One } explain = Explain::All;
  uint32_t explain_index = 0;
};

struct TestRun {
  CompileResult compiled;          // the pattern, or its error (then no event is tested)
  SplitResult input;               // the events, each with its own error if malformed
  std::vector<EventResult> results;  // one per input.events entry (empty if the pattern is invalid)
  uint32_t matched = 0, unmatched = 0, errors = 0;
};

TestRun run_test(std::string_view pattern, std::string_view pasted, const RunOptions& options = {});

// Tests already-split events (the page keeps the split events between edits
// of the pattern).
void test_events(TestRun& run, const RunOptions& options);

// The offline twin of `aws logs test-metric-filter`: messages are taken as
// CloudWatch receives them (no splitting); returns TestMetricFilter's JSON
// response {"matches":[{"eventNumber":..,"eventMessage":..,"extractedValues":{..}}]}.
struct MetricFilterTest {
  std::optional<Diagnostic> error;  // invalid pattern
  std::string response_json;
};
MetricFilterTest test_metric_filter(std::string_view pattern, const std::vector<std::string>& messages);

}  // namespace cwlf
