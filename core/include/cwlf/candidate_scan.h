// The prefilter over a whole chunk of JSON Lines at once: `cwlf filter`'s
// fast path. Instead of finding each line's end and searching each line for
// the prefilter's literals, the chunk is searched in one pass for the
// literals every accepted message must contain (Prefilter::scan_texts); the
// lines between two hits cannot be accepted by Prefilter::may_match, so
// EventStream skips them (the same pass counted their line breaks), and
// hands the line around each hit to the per-event path, which decides as
// before. tests/unit/candidate_scan_test.cpp checks, on vs off, that no
// verdict changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "event_stream.h"
#include "needle_set.h"
#include "prefilter.h"

namespace cwlf {

class CandidateScan : public LineFinder {
 public:
  explicit CandidateScan(const Prefilter& prefilter) : needles_(prefilter.scan_texts()) {}

  // false: the prefilter can rule nothing out; give EventStream no finder.
  bool active() const { return !needles_.empty(); }

  void begin(std::string_view chunk) override { chunk_ = chunk; }
  size_t next(size_t from, uint64_t* line_breaks) override { return needles_.find_in(chunk_, from, line_breaks); }

 private:
  NeedleSet needles_;
  std::string_view chunk_;
};

}  // namespace cwlf
