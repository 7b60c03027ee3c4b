// compact_object_end(): the end of a compact JSON object found by counting
// brackets and skipping strings, nothing else read (core/events/record_end.h).
// With SSE2 (x86-64, and wasm SIMD through Emscripten's SSE2 headers) 64
// bytes at a time: which bytes are inside strings comes from the unescaped
// quotes (a prefix XOR), the escapes from the runs of backslashes, as in
// simdjson's stage 1 (Langdale and Lemire, "Parsing gigabytes of JSON per
// second", 2019); only the brackets outside strings are then looked at one
// by one. The byte-by-byte loop is the reference the tests compare it with.
#include "record_end.h"

#include <cstdint>
#include <cstring>
#include <initializer_list>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cwlf {

namespace {

enum : uint8_t { kPlain, kQuote, kOpen, kClose, kBlank };

struct Classes {
  uint8_t outside[256] = {};  // outside strings
  bool stop[256] = {};        // inside strings: bytes that end a run
  Classes() {
    outside[static_cast<unsigned char>('"')] = kQuote;
    outside[static_cast<unsigned char>('{')] = outside[static_cast<unsigned char>('[')] = kOpen;
    outside[static_cast<unsigned char>('}')] = outside[static_cast<unsigned char>(']')] = kClose;
    for (int c = 0; c <= 0x20; ++c) outside[c] = kBlank;  // blanks and control characters
    outside[static_cast<unsigned char>('\\')] = kBlank;  // a backslash outside strings: not JSON
    for (char c : {'"', '\\', '\n'}) stop[static_cast<unsigned char>(c)] = true;
  }
};

}  // namespace

size_t compact_object_end_bytewise(const char* s, size_t from, size_t limit) {
  static const Classes k;
  uint32_t depth = 0;
  size_t i = from;
  while (i < limit) {
    switch (k.outside[static_cast<unsigned char>(s[i++])]) {
      case kPlain:
        continue;
      case kOpen:
        ++depth;
        continue;
      case kClose:
        if (--depth == 0) return i;
        continue;
      case kBlank:
        return 0;
      default:  // kQuote: skip the string
        for (;;) {
          while (i < limit && !k.stop[static_cast<unsigned char>(s[i])]) ++i;
          if (i >= limit || s[i] == '\n') return 0;
          if (s[i++] == '"') break;
          // A backslash: the next byte is escaped (a line break still counts as one).
          if (i >= limit || s[i] == '\n') return 0;
          ++i;
        }
    }
  }
  return 0;
}

#if defined(__SSE2__)

namespace {

// Masks of one 64-byte block, bit i for byte i.
struct Block {
  uint64_t quote, backslash, open, close, low, newline;
};

inline uint64_t mask16(__m128i v, char c) {
  return static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
}

Block classify(const char* p) {
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
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

inline uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

}  // namespace

size_t compact_object_end(const char* s, size_t from, size_t limit) {
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

#else

size_t compact_object_end(const char* s, size_t from, size_t limit) { return compact_object_end_bytewise(s, from, limit); }

#endif

}  // namespace cwlf
