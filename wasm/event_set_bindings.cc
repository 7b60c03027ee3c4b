// embind: EventSet, pasted text split into events once and then asked about
// pattern after pattern. The page's worker holds one for what the Log events
// box holds: an edit of the pattern then costs only the test, not handing
// megabytes of text to C++ and splitting it again (docs/api.md, "EventSet").
//
//   const set = new cwlf.EventSet(text);
//   set.format();                 // 'json-objects', 'lines', ...
//   set.events();                 // [{ index, offset, length, message, error }]
//   set.listing();                // the same without messages, in columns (what the page's list needs)
//   set.message(3);               // one event's message
//   set.verdicts(pattern, 3);     // { pattern, counts, verdicts: Uint8Array, extracted, explained, explanation }
//   set.lint(pattern); set.exclusion(pattern, 3, false); set.metric(pattern, definition);
//   set.delete();                 // frees the events (a C++ object: delete it when done)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>

#include "js_values.h"
#include "pasted_events.h"

namespace {

using cwlf_js::PastedEvents;
using emscripten::val;

class EventSet {
 public:
  explicit EventSet(const std::string& text) : events_(text) {}
  std::string format() const { return cwlf::input_format_name(events_.input().format); }
  double size() const { return static_cast<double>(events_.input().events.size()); }
  val events() const { return events_.events(); }
  val listing() const { return events_.listing(); }
  val message(uint32_t index) const { return events_.message(index); }
  // explain: the index of the event to explain, or -1 for none.
  val verdicts(const std::string& pattern, int32_t explain) { return events_.verdicts(pattern, explain); }
  val lint(const std::string& pattern) const { return events_.lint(pattern); }
  val exclusion(const std::string& pattern, uint32_t index, bool by_arn) const {
    return events_.exclusion(pattern, index, by_arn);
  }
  val metric(const std::string& pattern, const val& definition) { return events_.metric(pattern, definition); }

 private:
  PastedEvents events_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_event_set) {
  emscripten::class_<EventSet>("EventSet")
      .constructor<const std::string&>()
      .function("format", &EventSet::format)
      .function("size", &EventSet::size)
      .function("events", &EventSet::events)
      .function("listing", &EventSet::listing)
      .function("message", &EventSet::message)
      .function("verdicts", &EventSet::verdicts)
      .function("lint", &EventSet::lint)
      .function("exclusion", &EventSet::exclusion)
      .function("metric", &EventSet::metric);
}
