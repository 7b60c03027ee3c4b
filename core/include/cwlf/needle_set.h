// Searching for several literals at once, in one pass over the text: the
// scan behind `cwlf filter`'s bulk path (core/candidate_scan.h), which looks
// for the prefilter's literals and `\u` in a whole chunk of lines at a time.
// One pass instead of one per literal keeps the text read from memory once,
// and the same pass counts line breaks, so the lines ruled out in bulk are
// never looked at again. Each literal is found the way Needle finds it (its
// two rarest bytes compared many positions at a time, the whole literal
// verified there): 32 positions at a time with AVX2 where the CPU has it
// (needle_set_avx2.cc), 16 with SSE2, 32 with wasm SIMD (two vectors a
// step), one by one otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cwlf {

// One literal as the vector loop sees it.
struct ScanNeedle {
  const char* text;
  size_t size;
  size_t rare1, rare2;  // offsets of its two rarest bytes (equal for one byte)
};

class NeedleSet {
 public:
  explicit NeedleSet(std::vector<std::string> texts);  // empty texts are dropped
  // needles_ points into texts_: a copy would point into the original.
  NeedleSet(const NeedleSet&) = delete;
  NeedleSet& operator=(const NeedleSet&) = delete;

  bool empty() const { return texts_.empty(); }

  // The first offset at or after `from` where one of the literals starts, or
  // npos. Adds to *line_breaks the number of '\n' in [from, that offset)
  // (to the end of `hay` when npos).
  size_t find_in(std::string_view hay, size_t from, uint64_t* line_breaks) const;

 private:
  std::vector<std::string> texts_;
  std::vector<ScanNeedle> needles_;
  size_t max_rare_ = 0;  // the largest rare-byte offset: how far past a position the loop reads
};

// Tests: false makes find_in use the 16-byte loop even where AVX2 is there.
void needle_set_allow_avx2_for_testing(bool allowed);

}  // namespace cwlf
