// libFuzzer target: pattern x event evaluation. The input is a pattern, a
// line break, then pasted events. The whole run (with explanations) must not
// crash, and the prefilter must never change a verdict: every event is also
// tested through EventFilter with the prefilter on and off; and the paste read
// as lines, in two chunks cut where the input says, gives the same matches
// and errors with and without the bulk scan of `cwlf filter`
// (core/candidate_scan.h).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <string>
#include <vector>

#include "cwlf/candidate_scan.h"
#include "cwlf/event_filter.h"
#include "cwlf/event_stream.h"
#include "cwlf/run.h"

namespace {

// What `cwlf filter` prints (to stdout or stderr) of the paste read as lines.
std::string filter_lines(const cwlf::EventFilter& f, std::string_view text, size_t cut, bool bulk) {
  std::string out;
  cwlf::EventStream s(cwlf::StreamMode::Lines, [&](const cwlf::StreamedEvent& ev) {
    std::string where = std::to_string(ev.line) + ":" + std::to_string(ev.offset) + ":";
    if (ev.error) {
      out += where + "E" + ev.error->code + "\n";
      return;
    }
    cwlf::FilterResult r = f.test(ev.message, false);
    if (r.error) out += where + "E" + r.error->code + "\n";
    if (r.matched) out += where + std::string(ev.message) + "\n";
  });
  cwlf::CandidateScan scan(f.prefilter());
  if (bulk && scan.active()) s.skip_lines_without(&scan);
  s.feed(text.substr(0, cut));
  s.feed(text.substr(cut));
  s.finish();
  return out + std::to_string(s.line_breaks());
}

}  // namespace

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

  // The bulk scan of `cwlf filter` changes nothing it prints, wherever a chunk ends.
  size_t cut = (size * 2654435761u) % (pasted.size() + 1);
  if (filter_lines(fast, pasted, cut, true) != filter_lines(fast, pasted, cut, false)) std::abort();
  return 0;
}
