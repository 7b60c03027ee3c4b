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
#include "record_end_blocks.h"
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

#if defined(CWLF_AVX2_RECORD_END)
size_t compact_object_end_avx2(const char* s, size_t from, size_t limit);  // record_end_avx2.cc

namespace {
bool avx2_record_end_allowed = true;
bool cpu_has_avx2_popcnt_pclmul() {
  static const bool has =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("pclmul");
  return has;
}
}  // namespace

void record_end_allow_avx2_for_testing(bool allowed) { avx2_record_end_allowed = allowed; }
#else
void record_end_allow_avx2_for_testing(bool) {}
#endif

size_t compact_object_end(const char* s, size_t from, size_t limit) {
#if defined(CWLF_AVX2_RECORD_END)
  if (avx2_record_end_allowed && cpu_has_avx2_popcnt_pclmul()) return compact_object_end_avx2(s, from, limit);
#endif
  return blocks_object_end(s, from, limit);
}

#else

size_t compact_object_end(const char* s, size_t from, size_t limit) { return compact_object_end_bytewise(s, from, limit); }
void record_end_allow_avx2_for_testing(bool) {}

#endif

}  // namespace cwlf
