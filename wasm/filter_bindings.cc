// embind: StreamFilter, the `cwlf filter` engine for JavaScript. Bytes go in
// chunk by chunk (a file read piece by piece, a fetch body, a Node stream),
// so memory does not grow with the input; used by bench/wasm_filter.mjs.
//
//   const f = new cwlf.StreamFilter(pattern, /*lines=*/true);
//   if (f.error()) ...                      // the pattern's diagnostic, as text
//   const ptr = f.reserve(chunk.length);    // a buffer in wasm memory
//   cwlf.HEAPU8.set(chunk, ptr); f.feed(chunk.length);
//   f.finish(); f.matched(); f.lines(); f.delete();
// The pipeline is cwlf::Scanner, as in `cwlf filter`: lines and CloudTrail
// records without the prefilter's literals are ruled out a chunk at a time,
// not handed over one by one (lines are still counted).
#include <emscripten/bind.h>

#include <cstdint>
#include <memory>
#include <string>

#include "chunk_feed.h"
#include "cwlf/scanner.h"
#include "cwlf/pattern.h"

namespace {

class StreamFilter {
 public:
  StreamFilter(const std::string& pattern, bool lines) {
    cwlf::CompileResult c = cwlf::compile_pattern(pattern);
    if (!c.pattern) {
      error_ = c.error->message;
      return;
    }
    cwlf::ScanOptions options;
    options.mode = lines ? cwlf::StreamMode::Lines : cwlf::StreamMode::Auto;
    scanner_ = std::make_unique<cwlf::Scanner>(std::make_shared<const cwlf::EventFilter>(c.pattern), options,
                                               [](const cwlf::ScannedEvent&) {});
  }
  std::string error() const { return error_; }
  uintptr_t reserve(size_t n) { return chunks_.reserve(n); }
  void feed(size_t n) { chunks_.feed(scanner_.get(), n); }
  void finish() {
    if (scanner_) scanner_->finish();
  }
  double matched() const { return scanner_ ? static_cast<double>(scanner_->matched()) : 0; }
  // Line breaks read (JSON Lines: the events, blank lines included).
  double lines() const { return scanner_ ? static_cast<double>(scanner_->line_breaks()) : 0; }

 private:
  std::string error_;
  std::unique_ptr<cwlf::Scanner> scanner_;
  cwlf_js::ChunkFeed chunks_;
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
      .function("lines", &StreamFilter::lines);
}
