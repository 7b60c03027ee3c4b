// Scanner's insides (the public class is in core/include/cwlf/scanner.h):
// the pieces of the pipeline, in the order they must be destroyed in reverse.
#pragma once

#include <memory>

#include "candidate_scan.h"
#include "cwlf/scanner.h"
#include "event_filter.h"
#include "event_stream.h"

namespace cwlf {

struct Scanner::Impl {
  std::shared_ptr<const EventFilter> filter;
  ScanOptions options;
  Sink sink;
  CandidateScan finder;  // before stream: the stream points to it
  EventStream stream;
  uint64_t handed = 0;   // events handed over by the stream
  uint64_t matched = 0;

  Impl(std::shared_ptr<const EventFilter> f, ScanOptions o, Sink s);
  void on_event(const StreamedEvent& ev);
};

}  // namespace cwlf
