// libFuzzer target: pattern x event evaluation. The input is a pattern, a
// line break, then pasted events. The whole run (with explanations) must not
// crash, and the prefilter must never change a verdict: every event is also
// tested through EventFilter with the prefilter on and off.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "event_filter.h"
#include "run.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string_view pattern = in.substr(0, nl);
  std::string_view pasted = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

  cwlf::TestRun run = cwlf::run_test(pattern, pasted);
  if (!run.compiled.pattern) return 0;
  if (run.results.size() != run.input.events.size()) std::abort();

  cwlf::EventFilter fast(run.compiled.pattern, true), full(run.compiled.pattern, false);
  for (size_t i = 0; i < run.input.events.size(); ++i) {
    const cwlf::Event& e = run.input.events[i];
    if (e.error) continue;
    cwlf::FilterResult a = fast.test(e.message, false), b = full.test(e.message, false);
    if (a.matched != b.matched) std::abort();  // the prefilter changed a verdict
    // The message alone (as `cwlf filter` sees it) gets the verdict the paste got.
    if (!b.error && b.matched != run.results[i].matched) std::abort();
  }
  return 0;
}
