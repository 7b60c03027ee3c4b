// embind: StreamFilter, the `cwlf filter` engine for JavaScript. Bytes go in
// chunk by chunk (a file read piece by piece, a fetch body, a Node stream),
// so memory does not grow with the input; used by bench/wasm_filter.mjs.
//
//   const f = new cwlf.StreamFilter(pattern, /*lines=*/true);
//   if (f.error()) ...                      // the pattern's diagnostic, as text
//   const ptr = f.reserve(chunk.length);    // a buffer in wasm memory
//   cwlf.HEAPU8.set(chunk, ptr); f.feed(chunk.length);
//   f.finish(); f.matched(); f.events(); f.delete();
#include <emscripten/bind.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "event_filter.h"
#include "event_stream.h"
#include "pattern.h"

namespace {

class StreamFilter {
 public:
  StreamFilter(const std::string& pattern, bool lines) {
    cwlf::CompileResult c = cwlf::compile_pattern(pattern);
    if (!c.pattern) {
      error_ = c.error->message;
      return;
    }
    filter_ = std::make_unique<cwlf::EventFilter>(c.pattern);
    stream_ = std::make_unique<cwlf::EventStream>(
        lines ? cwlf::StreamMode::Lines : cwlf::StreamMode::Auto, [this](const cwlf::StreamedEvent& ev) {
          ++events_;
          if (ev.error) return;
          if (filter_->test(ev.message, false).matched) ++matched_;
        });
  }
  std::string error() const { return error_; }
  uintptr_t reserve(size_t n) {
    if (buf_.size() < n) buf_.resize(n);
    return reinterpret_cast<uintptr_t>(buf_.data());
  }
  void feed(size_t n) {
    if (stream_ && n <= buf_.size()) stream_->feed(std::string_view(buf_.data(), n));
  }
  void finish() {
    if (stream_) stream_->finish();
  }
  double matched() const { return static_cast<double>(matched_); }
  double events() const { return static_cast<double>(events_); }

 private:
  std::string error_;
  std::unique_ptr<cwlf::EventFilter> filter_;
  std::unique_ptr<cwlf::EventStream> stream_;
  std::vector<char> buf_;
  uint64_t matched_ = 0, events_ = 0;
};

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_stream_filter) {
  emscripten::class_<StreamFilter>("StreamFilter")
      .constructor<const std::string&, bool>()
      .function("error", &StreamFilter::error)
      .function("reserve", &StreamFilter::reserve)
      .function("feed", &StreamFilter::feed)
      .function("finish", &StreamFilter::finish)
      .function("matched", &StreamFilter::matched)
      .function("events", &StreamFilter::events);
}
