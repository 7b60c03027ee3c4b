// Building deflate's decoding tables (huffman.h).
#include "huffman.h"

#include <cstring>

namespace cwlf::gunzip_detail {

bool Huffman::build(const uint8_t* lengths, unsigned n, bool complete) {
  std::memset(count, 0, sizeof count);
  std::memset(fast, 0, sizeof fast);
  for (unsigned s = 0; s < n; ++s) ++count[lengths[s]];
  count[0] = 0;
  unsigned used = 0, max_len = 0;
  int left = 1;  // codes of the current length still free
  for (unsigned len = 1; len <= kMaxCodeBits; ++len) {
    left = left * 2 - count[len];
    if (left < 0) return false;  // over-subscribed
    used += count[len];
    if (count[len]) max_len = len;
  }
  if (left > 0 && used > 0 && (complete || max_len != 1)) return false;  // incomplete
  if (complete && used == 0) return false;
  uint16_t offset[kMaxCodeBits + 2];
  offset[1] = 0;
  for (unsigned len = 1; len <= kMaxCodeBits; ++len) offset[len + 1] = offset[len] + count[len];
  for (unsigned s = 0; s < n; ++s)
    if (lengths[s]) symbol[offset[lengths[s]]++] = static_cast<uint16_t>(s);
  // The fast table: codes are assigned in canonical order (shorter first,
  // then by symbol) and read least significant bit first, so each code's bits
  // are reversed and repeated over every index whose low bits they are.
  unsigned code = 0, k = 0;
  for (unsigned len = 1; len <= kFastBits; ++len) {
    for (unsigned c = 0; c < count[len]; ++c, ++code, ++k) {
      unsigned reversed = 0;
      for (unsigned b = 0; b < len; ++b) reversed |= ((code >> b) & 1u) << (len - 1 - b);
      const uint16_t entry = static_cast<uint16_t>(symbol[k] << 4 | len);
      for (unsigned i = reversed; i < (1u << kFastBits); i += 1u << len) fast[i] = entry;
    }
    code <<= 1;
  }
  return true;
}

int Huffman::decode_slow(uint64_t bits, unsigned& used) const {
  int code = 0, first = 0, index = 0;
  for (unsigned len = 1; len <= kMaxCodeBits; ++len) {
    code |= static_cast<int>((bits >> (len - 1)) & 1u);
    const int n = count[len];
    if (code - n < first) {
      used = len;
      return symbol[index + (code - first)];
    }
    index += n;
    first = (first + n) << 1;
    code <<= 1;
  }
  return -1;
}

}  // namespace cwlf::gunzip_detail
