// `cwlf test --json`: the whole result, machine-readable, written by the
// core's one result writer (cwlf/result_json.h) that the wasm API uses too.
// Offsets are bytes (the wasm API gives JavaScript string indices).
#include "cwlf/lint.h"
#include "cwlf/result_json.h"
#include "report.h"

namespace cwlf::cli {

std::string json_report(const TestRun& run, std::string_view pattern, std::string_view) {
  const std::vector<Warning> warnings = lint(pattern, run.compiled, run.compiled.pattern ? &run.input : nullptr);
  return test_run_json(run, warnings) + "\n";
}

}  // namespace cwlf::cli
