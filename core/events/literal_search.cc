#include "literal_search.h"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace cwlf {

namespace {

// How common a byte is in JSON logs (higher = more common); a rough ranking
// is enough, it only chooses which bytes to look for first.
int commonness(unsigned char c) {
  if (c == '"' || c == ':' || c == ',' || c == ' ') return 100;
  if (c >= 'a' && c <= 'z') return std::strchr("etaoinsrlcdmu", c) ? 90 : 70;
  if (c >= '0' && c <= '9') return 75;
  if (c == '.' || c == '-' || c == '/' || c == '_' || c == '{' || c == '}') return 60;
  if (c >= 'A' && c <= 'Z') return std::strchr("AESCIDT", c) ? 40 : 25;
  if (c == '\\') return 5;
  return 15;
}

}  // namespace

const char* find_byte(const char* s, size_t n, char c) {
#if defined(__wasm_simd128__) && defined(__SSE2__)
  const __m128i b = _mm_set1_epi8(c);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)), b)));
    if (mask) return s + i + __builtin_ctz(mask);
  }
  for (; i < n; ++i)
    if (s[i] == c) return s + i;
  return nullptr;
#else
  return static_cast<const char*>(std::memchr(s, c, n));
#endif
}

const char* find_last_byte(const char* s, size_t n, char c) {
  size_t i = n;
#ifdef __SSE2__
  const __m128i b = _mm_set1_epi8(c);
  for (; i >= 16; i -= 16) {
    unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i - 16)), b)));
    if (mask) return s + i - 16 + (31 - __builtin_clz(mask));
  }
#endif
  while (i > 0)
    if (s[--i] == c) return s + i;
  return nullptr;
}

size_t count_byte(const char* s, size_t n, char c) {
  size_t count = 0, i = 0;
#ifdef __SSE2__
  const __m128i b = _mm_set1_epi8(c);
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= n) {
    // Per-lane counts in bytes (each compare adds 0 or 1, as -(-1)), summed
    // before any lane can pass 255.
    __m128i acc = zero;
    size_t blocks = std::min<size_t>((n - i) / 16, 255);
    for (size_t k = 0; k < blocks; ++k, i += 16)
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)), b));
    __m128i sums = _mm_sad_epu8(acc, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < n; ++i) count += s[i] == c;
  return count;
}

Needle::Needle(std::string text) : text_(std::move(text)) {
  const size_t n = text_.size();
  if (n == 0) return;
  auto rank = [&](size_t i) { return commonness(static_cast<unsigned char>(text_[i])); };
  rare1_ = 0;
  for (size_t i = 1; i < n; ++i)
    if (rank(i) < rank(rare1_)) rare1_ = i;
  rare2_ = rare1_;
  for (size_t i = 0; i < n; ++i) {
    if (i == rare1_) continue;
    if (rare2_ == rare1_ || rank(i) < rank(rare2_) ||
        (rank(i) == rank(rare2_) && text_[i] != text_[rare1_] && text_[rare2_] == text_[rare1_]))
      rare2_ = i;
  }
}

size_t Needle::find_in(std::string_view hay, size_t from) const {
  const size_t n = text_.size(), h = hay.size();
  if (n == 0) return from <= h ? from : std::string_view::npos;
  if (from > h || h - from < n) return std::string_view::npos;
  const char* s = hay.data();
  const char* t = text_.data();
  const size_t last = h - n;  // last possible start
  size_t i = from;
#ifdef __SSE2__
  if (n > 1) {
    const __m128i b1 = _mm_set1_epi8(t[rare1_]);
    const __m128i b2 = _mm_set1_epi8(t[rare2_]);
    for (; i + 16 <= last + 1; i += 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + rare1_));
      __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + rare2_));
      unsigned mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, b1), _mm_cmpeq_epi8(y, b2))));
      while (mask) {
        unsigned bit = static_cast<unsigned>(__builtin_ctz(mask));
        if (std::memcmp(s + i + bit, t, n) == 0) return i + bit;
        mask &= mask - 1;
      }
    }
  }
#endif
  // memchr for the rarest byte, then verify.
  const char r = t[rare1_];
  while (i <= last) {
    const char* p = find_byte(s + i + rare1_, last - i + 1, r);
    if (!p) return std::string_view::npos;
    size_t at = static_cast<size_t>(p - s) - rare1_;
    if (std::memcmp(s + at, t, n) == 0) return at;
    i = at + 1;
  }
  return std::string_view::npos;
}

}  // namespace cwlf
