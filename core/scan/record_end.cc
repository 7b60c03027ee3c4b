// compact_object_end(): the end of a compact JSON object found by counting
// brackets and skipping strings, nothing else read (core/scan/record_end.h).
#include "record_end.h"

#include <cstdint>
#include <initializer_list>

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
    for (char c : {' ', '\t', '\r', '\n'}) outside[static_cast<unsigned char>(c)] = kBlank;
    for (char c : {'"', '\\', '\n'}) stop[static_cast<unsigned char>(c)] = true;
  }
};

}  // namespace

size_t compact_object_end(const char* s, size_t from, size_t limit) {
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

}  // namespace cwlf
