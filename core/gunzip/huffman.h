// Canonical Huffman codes of deflate (RFC 1951 §3.2.2) as a decoding table:
// the next kFastBits bits index a table that gives the symbol and its code's
// length at once; the rare longer codes are decoded from the code counts
// (as zlib's puff does). One structure per alphabet: literal/length (288),
// distance (32), and the code-length code (19).
#pragma once

#include <cstdint>

namespace cwlf::gunzip_detail {

constexpr unsigned kMaxCodeBits = 15;
constexpr unsigned kFastBits = 10;
constexpr unsigned kMaxSymbols = 288;

struct Huffman {
  // Entry: symbol << 4 | code length; 0 when the code is longer than
  // kFastBits (or unused: an incomplete code), which the slow path settles.
  uint16_t fast[1u << kFastBits];
  uint16_t count[kMaxCodeBits + 1];  // codes of each length
  uint16_t symbol[kMaxSymbols];      // symbols in canonical order

  // Builds the table from each symbol's code length (0: unused). False when
  // the lengths do not make a prefix code: over-subscribed, or incomplete
  // while more than one code is used (zlib allows a lone 1-bit code, and no
  // code at all, which fails only when decoded), or incomplete at all when
  // `complete` (the code-length code).
  bool build(const uint8_t* lengths, unsigned n, bool complete);

  // Decodes a code from the low bits of `bits` (at least kMaxCodeBits of
  // them valid, least significant first): the symbol, with its length in
  // `used`; -1 when no code matches.
  int decode(uint64_t bits, unsigned& used) const {
    const uint16_t e = fast[bits & ((1u << kFastBits) - 1)];
    if (e & 15) {
      used = e & 15;
      return e >> 4;
    }
    return decode_slow(bits, used);
  }

 private:
  int decode_slow(uint64_t bits, unsigned& used) const;
};

}  // namespace cwlf::gunzip_detail
