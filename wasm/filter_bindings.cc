// embind: StreamFilter, the `cwlf filter` engine for JavaScript. Bytes go in
// chunk by chunk (a file read piece by piece, a fetch body, a Node stream),
// so memory does not grow with the input; used by bench/wasm_filter.mjs.
//
//   const f = new cwlf.StreamFilter(pattern, /*lines=*/true);
//   if (f.error()) ...                      // the pattern's diagnostic, as text
//   const ptr = f.reserve(chunk.length);    // a buffer in wasm memory
//   cwlf.HEAPU8.set(chunk, ptr); f.feed(chunk.length);
//   f.finish(); f.matched(); f.lines(); f.delete();
// In lines mode, lines without the prefilter's literals are ruled out a chunk
// at a time (core/candidate_scan.h), as in `cwlf filter`: they are counted as
// lines, not handed over one by one.
#include <emscripten/bind.h>

#include <cstdint>
#include <memory>
#include <string>

#include "cwlf/candidate_scan.h"
#include "chunk_feed.h"
#include "cwlf/event_filter.h"
#include "cwlf/event_stream.h"
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
    filter_ = std::make_unique<cwlf::EventFilter>(c.pattern);
    stream_ = std::make_unique<cwlf::EventStream>(
        lines ? cwlf::StreamMode::Lines : cwlf::StreamMode::Auto, [this](const cwlf::StreamedEvent& ev) {
          if (ev.error) return;
          if (filter_->test(ev.message, false).matched) ++matched_;
        });
    scan_ = std::make_unique<cwlf::CandidateScan>(filter_->prefilter());
    if (scan_->active()) stream_->skip_lines_without(scan_.get());
  }
  std::string error() const { return error_; }
  uintptr_t reserve(size_t n) { return chunks_.reserve(n); }
  void feed(size_t n) { chunks_.feed(stream_.get(), n); }
  void finish() {
    if (stream_) stream_->finish();
  }
  double matched() const { return static_cast<double>(matched_); }
  // Line breaks read (JSON Lines: the events, blank lines included).
  double lines() const { return stream_ ? static_cast<double>(stream_->line_breaks()) : 0; }

 private:
  std::string error_;
  std::unique_ptr<cwlf::EventFilter> filter_;
  std::unique_ptr<cwlf::CandidateScan> scan_;  // before stream_: destroyed after it
  std::unique_ptr<cwlf::EventStream> stream_;
  cwlf_js::ChunkFeed chunks_;
  uint64_t matched_ = 0;
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
