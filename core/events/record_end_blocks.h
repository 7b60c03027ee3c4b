// The 64-byte block loop of compact_object_end() (record_end.cc), shared
// by the SSE2 build (x86-64's baseline, and wasm SIMD) and the AVX2 one
// (record_end_avx2.cc, built with -mavx2 -mpopcnt -mpclmul: 32-byte loads,
// the POPCNT instruction, the prefix XOR as one carry-less multiplication).
// Everything here has internal linkage: each file gets its own copy, built
// for its own instruction set.
#pragma once

#include <cstdint>
#include <cstring>

#include <emmintrin.h>
#if defined(__AVX2__) || defined(__PCLMUL__)
#include <immintrin.h>
#endif

namespace cwlf {
namespace {

// Masks of one 64-byte block, bit i for byte i.
struct Block {
  uint64_t quote, backslash, open, close, low, newline;
};

inline uint64_t mask16(__m128i v, char c) {
  return static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
}

#if defined(__AVX2__)
inline uint64_t mask32(__m256i v, char c) {
  return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(c))));
}

inline Block classify(const char* p) {
  Block b{0, 0, 0, 0, 0, 0};
  for (int j = 0; j < 2; ++j) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * j));
    const __m256i lower = _mm256_or_si256(v, _mm256_set1_epi8(0x20));  // '[' -> '{', ']' -> '}'
    const int shift = 32 * j;
    b.quote |= mask32(v, '"') << shift;
    b.backslash |= mask32(v, '\\') << shift;
    b.open |= mask32(lower, '{') << shift;
    b.close |= mask32(lower, '}') << shift;
    b.newline |= mask32(v, '\n') << shift;
    b.low |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(
                 _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8(0x20)), _mm256_set1_epi8(0x20)))))
             << shift;
  }
  return b;
}
#else
inline Block classify(const char* p) {
  Block b{0, 0, 0, 0, 0, 0};
  for (int j = 0; j < 4; ++j) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * j));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));  // '[' -> '{', ']' -> '}'
    const int shift = 16 * j;
    b.quote |= mask16(v, '"') << shift;
    b.backslash |= mask16(v, '\\') << shift;
    b.open |= mask16(lower, '{') << shift;
    b.close |= mask16(lower, '}') << shift;
    b.newline |= mask16(v, '\n') << shift;
    // Bytes <= 0x20: blanks and control characters.
    b.low |= static_cast<uint64_t>(static_cast<uint16_t>(
                 _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x20)))))
             << shift;
  }
  return b;
}
#endif

// The bytes escaped by a backslash; *carry: the block's last byte escapes
// the next block's first.
inline uint64_t escaped_bytes(uint64_t backslash, uint64_t* carry) {
  backslash &= ~*carry;
  const uint64_t follows_escape = backslash << 1 | *carry;
  const uint64_t even_bits = 0x5555555555555555ULL;
  const uint64_t odd_starts = backslash & ~even_bits & ~follows_escape;
  uint64_t even_starts;
  *carry = __builtin_add_overflow(odd_starts, backslash, &even_starts) ? 1 : 0;
  const uint64_t invert = even_starts << 1;
  return (even_bits ^ invert) & follows_escape;
}

// Bits set, without the library call __builtin_popcountll becomes on CPUs
// not known to have POPCNT (it was 5% of `cwlf filter`'s time).
inline int bits_set(uint64_t x) {
#if defined(__POPCNT__)
  return __builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

inline uint64_t prefix_xor(uint64_t x) {
#if defined(__PCLMUL__)
  // A carry-less multiplication by all ones is the prefix XOR (simdjson's way).
  return static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<int64_t>(x)),
                                                                        _mm_set1_epi8(-1), 0)));
#else
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
#endif
}

// compact_object_end() (record_end.h), 64 bytes at a time.
inline size_t blocks_object_end(const char* s, size_t from, size_t limit) {
  uint64_t escape_carry = 0, in_string_carry = 0;
  int64_t depth = 0;
  char tail[64];
  for (size_t at = from; at < limit; at += 64) {
    const char* p = s + at;
    const size_t have = limit - at;
    if (have < 64) {  // the last bytes, padded with bytes of no meaning
      std::memset(tail, 'a', sizeof tail);
      std::memcpy(tail, p, have);
      p = tail;
    }
    const Block b = classify(p);
    const uint64_t quotes = b.quote & ~escaped_bytes(b.backslash, &escape_carry);
    const uint64_t in_string = prefix_xor(quotes) ^ in_string_carry;
    in_string_carry = static_cast<uint64_t>(static_cast<int64_t>(in_string) >> 63);
    uint64_t open = b.open & ~in_string, close = b.close & ~in_string;
    // A line break anywhere, whitespace or a backslash outside strings (not
    // JSON; the escapes computed after it may be wrong): refused if it comes
    // before the object's end (bytes after the end do not matter).
    const uint64_t bad = b.newline | ((b.low | b.backslash) & ~in_string);
    if (bad) {
      const uint64_t before = (uint64_t{1} << __builtin_ctzll(bad)) - 1;
      open &= before;
      close &= before;
    } else if (depth > bits_set(close)) {  // the object cannot end in this block
      depth += bits_set(open) - bits_set(close);
      continue;
    }
    uint64_t brackets = open | close;
    while (brackets) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(brackets));
      depth += (open >> bit & 1) ? 1 : -1;
      if (depth == 0) return at + bit + 1;
      brackets &= brackets - 1;
    }
    if (bad) return 0;
  }
  return 0;
}

}  // namespace

}  // namespace cwlf
