// Finding a literal in a message fast: the prefilter's inner loop.
//
// glibc's memmem is a general two-way search at well under 1 GB/s on short
// needles; the prefilter searches every byte of every event, so it uses the
// "two rare bytes" method instead: pick the two bytes of the needle least
// likely in log text (upper-case letters and punctuation rather than
// lower-case letters, digits and quotes), compare 16 positions at a time for
// both (SSE2 where the compiler targets it, memchr on the rarer byte
// otherwise, e.g. in wasm), and verify the whole needle only there.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cwlf {

// memchr, but 16 bytes at a time under wasm SIMD too (musl's memchr, used in
// wasm, reads a word at a time); glibc's own memchr natively.
const char* find_byte(const char* s, size_t n, char c);

// The last occurrence of `c` in [s, s + n), or nullptr (memrchr, which is not
// standard C++; 16 bytes at a time where SSE2 or wasm SIMD is there).
const char* find_last_byte(const char* s, size_t n, char c);

// How many times `c` occurs in [s, s + n) (EventStream counts the lines it
// skips with it where the bulk scan's own count does not apply).
size_t count_byte(const char* s, size_t n, char c);

class Needle {
 public:
  explicit Needle(std::string text);
  // Offset of the first occurrence in `hay` at or after `from`, or npos.
  size_t find_in(std::string_view hay, size_t from = 0) const;
  const std::string& text() const { return text_; }
  size_t rare1() const { return rare1_; }
  size_t rare2() const { return rare2_; }

 private:
  std::string text_;
  size_t rare1_ = 0, rare2_ = 0;  // positions of the two rarest bytes (equal when size 1)
};

}  // namespace cwlf
