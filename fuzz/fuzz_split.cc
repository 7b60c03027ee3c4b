// libFuzzer target: the event splitters. split_events (the page's paste) and
// EventStream (the `cwlf filter` reader, fed in uneven chunks) must accept any
// bytes without crashing, keep every span inside the input, never hand over
// an untested message over the size limit, and never report more events
// than there are bytes.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "cwlf/diagnostic_codes.h"
#include "cwlf/event_stream.h"
#include "cwlf/events.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cwlf::SplitResult r = cwlf::split_events(text);
  for (const cwlf::Event& e : r.events) {
    if (e.span.end() > text.size()) std::abort();
    if (e.error && e.error->span.end() > text.size()) std::abort();
    if (e.error && !cwlf::find_diagnostic_code(e.error->code)) std::abort();  // every code is listed
    if (e.json && e.json->nodes.empty()) std::abort();
  }

  // The streaming reader, fed in chunks whose sizes come from the input.
  size_t events = 0;
  cwlf::EventStream stream(cwlf::StreamMode::Auto, [&](const cwlf::StreamedEvent& ev) {
    ++events;
    if (ev.message.size() > cwlf::kMaxEventBytes && !ev.error) std::abort();
    if (ev.error && !cwlf::find_diagnostic_code(ev.error->code)) std::abort();
  });
  size_t pos = 0, step = 1;
  while (pos < size) {
    size_t n = std::min(size - pos, step);
    stream.feed(text.substr(pos, n));
    pos += n;
    step = step * 3 + (size > 0 ? data[pos % size] : 0) % 7 + 1;
  }
  stream.finish();
  if (events > size + 1) std::abort();
  return 0;
}
