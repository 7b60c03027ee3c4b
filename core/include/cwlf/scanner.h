// The streaming pipeline behind `cwlf filter`, the page's file reader and
// StreamFilter, assembled in one place: a compiled pattern's EventFilter, an
// EventStream cutting the bytes into events, and the bulk literal scan
// (CandidateScan) that lets the stream skip, unparsed, the JSON Lines lines
// and CloudTrail records in which no literal of the prefilter occurs.
//
//   auto filter = std::make_shared<cwlf::EventFilter>(compiled.pattern);
//   cwlf::Scanner scan(filter, {}, [&](const cwlf::ScannedEvent& ev) { ... });
//   scan.feed(chunk); ...; scan.finish();
//
// Skipping never changes a verdict: a skipped event is one the prefilter
// would have ruled out (tests/unit/candidate_scan_test.cpp and
// records_scan_test.cpp compare every verdict with the scan on and off).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "diagnostic.h"
#include "evaluate.h"
#include "event_filter.h"
#include "event_stream.h"

namespace cwlf {

struct ScanOptions {
  StreamMode mode = StreamMode::Auto;
  bool explain = false;       // fill ScannedEvent::explanation for matches
  bool skip_lines = true;     // bulk-skip JSON Lines lines without the literals
  bool skip_records = true;   // bulk-skip CloudTrail records ({"Records":[...]}) without them
  // Hand the sink events the prefilter ruled out too (matched=false); by
  // default only matches and errors reach it.
  bool every_event = false;
};

struct ScannedEvent {
  uint64_t offset = 0;  // stream offset of the event's first byte
  uint64_t line = 1;    // 1-based line of that byte
  // The event's index among the events of the stream, counting those skipped
  // in bulk (skipped JSON Lines lines cannot be told from blank ones, so with
  // skip_lines it counts only the lines handed over).
  uint64_t index = 0;
  std::string_view message;                  // valid only during the callback
  const Diagnostic* error = nullptr;         // not tested: stream or JSON error
  bool matched = false;
  const Explanation* explanation = nullptr;  // with ScanOptions::explain, for matches
};

class Scanner {
 public:
  using Sink = std::function<void(const ScannedEvent&)>;
  // `filter` may be shared by Scanners on several threads (EventFilter::test is const).
  Scanner(std::shared_ptr<const EventFilter> filter, ScanOptions options, Sink sink);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  void feed(std::string_view chunk);
  void finish();  // flushes the last event; feed() must not be called after

  uint64_t matched() const;
  uint64_t line_breaks() const;      // line breaks read so far
  uint64_t records_skipped() const;  // CloudTrail records skipped in bulk
  uint64_t events() const;           // events so far, those skipped as records included
  const EventFilter& filter() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cwlf
