// Reading events from a stream of any length with memory that does not grow
// with it: the reader behind `cwlf filter` (files of hundreds of megabytes,
// CloudTrail's S3 objects, JSON Lines, stdin).
//
// split_events() (events.h) needs the whole paste in memory because the page
// keeps every event with its place in the text; this reader is fed chunk by
// chunk and hands each event to a callback as soon as it is complete, keeping
// only the bytes of the event in progress.
//
// What it recognises, from the first non-blank byte (StreamMode::Auto):
//   '{'  JSON objects one after another (pretty-printed or one per line); a
//        root object with a "Records" array (a CloudTrail S3 object) gives one
//        event per record instead. Messages are the compact form (as in
//        split_events: whitespace outside strings removed, nothing else
//        changed).
//   '['  a JSON array: one event per element (a string element's decoded text
//        is the message, as TestMetricFilter's logEventMessages).
//   else plain lines, as StreamMode::Lines.
// StreamMode::Lines: every non-blank line is one event, exactly as written
// (JSON Lines: no compaction; a line that starts with '{' must be valid JSON).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "resource_limits.h"

namespace cwlf {

enum class StreamMode : uint8_t { Auto, Lines };

struct StreamedEvent {
  uint64_t offset = 0;       // stream offset of the event's first byte
  uint64_t line = 1;         // 1-based line of that byte
  std::string_view message;  // valid only during the callback
  // Set when the event cannot be tested (too large, not a JSON object where
  // one was expected); `message` may then be partial. Span: within the event.
  std::optional<Diagnostic> error;
};

// Finds, in a chunk of lines, where an event of interest may be (see
// EventStream::skip_lines_without; core/candidate_scan.h is the one in use).
class LineFinder {
 public:
  virtual ~LineFinder() = default;
  virtual void begin(std::string_view chunk) = 0;  // a new chunk; next() offsets are into it
  // The offset of the first byte at or after `from` (of the chunk) where
  // something of interest starts, or npos; adds the number of '\n' before it
  // (from `from`; to the chunk's end when npos) to *line_breaks. A line in
  // which nothing starts is not of interest.
  virtual size_t next(size_t from, uint64_t* line_breaks) = 0;
};

class EventStream {
 public:
  using Sink = std::function<void(const StreamedEvent&)>;
  EventStream(StreamMode mode, Sink sink);

  // Lines layout only: a complete line of a chunk in which `finder` finds
  // nothing is not handed to the sink (nor looked at: only its line break is
  // counted). Lines that cross a chunk boundary, and lines over the event size
  // limit (they are errors), are handed over as always. `finder` must outlive
  // the stream; nullptr hands every line over.
  void skip_lines_without(LineFinder* finder) { finder_ = finder; }

  // CloudTrail layout ({"Records":[...]}) only: a record that `finder` finds
  // nothing in, lies wholly in one chunk and holds no whitespace outside its
  // strings (so its bytes are its message) is not handed to the sink, nor
  // copied: only its end is found (core/events/record_end.h). Any other record
  // is handed over as always. `finder` must outlive the stream.
  void skip_records_without(LineFinder* finder) { records_finder_ = finder; }
  uint64_t records_skipped() const { return records_skipped_; }

  void feed(std::string_view chunk);
  void finish();  // flushes the last event; feed() must not be called after

  // Bytes held for the event in progress: bounded by kMaxEventBytes (plus a
  // line's worth of slack), whatever the input.
  size_t buffered() const { return cur_.capacity(); }

  // Line breaks read so far (lines of JSON Lines: events, blank lines included).
  uint64_t line_breaks() const { return line_ - 1; }

 private:
  enum class Layout : uint8_t { Unknown, Lines, Objects, Array };
  void feed_lines(std::string_view chunk);
  size_t skip_lines(const char* s, size_t q, size_t n);
  size_t skip_record(const char* s, size_t i, size_t n);
  void feed_json(std::string_view chunk);
  void end_line();
  void begin_capture(uint64_t offset);
  void append(char c);
  void emit_capture();
  // Hands `message` to the sink as the event that began at cur_offset_, cur_line_.
  void hand_off(std::string_view message);
  void emit_error(std::string code, std::string message);
  void emit_junk_line();

  StreamMode mode_;
  Sink sink_;
  LineFinder* finder_ = nullptr;
  LineFinder* records_finder_ = nullptr;
  size_t record_hit_ = 0;        // the finder's next hit in the chunk (records)
  bool record_hit_known_ = false;
  uint64_t records_skipped_ = 0;
  Layout layout_ = Layout::Unknown;
  uint64_t pos_ = 0;   // stream offset of the next byte
  uint64_t line_ = 1;  // line of the next byte
  bool bom_checked_ = false;

  // The event in progress.
  std::string cur_;
  bool capturing_ = false;
  bool too_large_ = false;
  bool joined_ = false;    // whitespace removed between two word bytes (`1 2`)
  bool pending_ws_ = false;
  uint64_t cur_offset_ = 0, cur_line_ = 1;

  // JSON structure (Objects and Array layouts).
  uint32_t depth_ = 0;
  uint32_t target_ = 0;      // depth whose values are events: 0 objects, 1 array, 2 records
  bool in_string_ = false, escape_ = false;
  bool scalar_ = false;      // capturing a bare scalar element (number, true, ...)
  bool in_junk_ = false;     // text that is not JSON, up to the end of its line
  bool line_start_ = true;   // no byte of the current line seen yet
  char last_sig_ = 0;        // last byte outside strings that is not whitespace
  // Detecting {"Records": [ ...: the root object's key just read.
  std::string key_;
  bool key_is_records_ = false;
  bool records_ = false;     // inside the Records array of a root object
};

}  // namespace cwlf
