// Deflate's three block kinds (inflate.h). The literal/length loop is the hot
// path: one refill per symbol is enough (a length and a distance with their
// extra bits take at most 48 bits, the window holds at least 57).
#include "inflate.h"

#include <cstring>

#include "bit_reader.h"
#include "huffman.h"

namespace cwlf::gunzip_detail {

namespace {

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block lists the code-length code's lengths.
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

struct FixedCodes {
  Huffman lit, dist;
  FixedCodes() {
    uint8_t lengths[288];
    for (unsigned s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    lit.build(lengths, 288, false);
    for (unsigned s = 0; s < 32; ++s) lengths[s] = 5;
    dist.build(lengths, 32, false);
  }
};

const FixedCodes& fixed_codes() {
  static const FixedCodes codes;
  return codes;
}

// The output: a vector grown by doubling (up to the limit), written through
// a pointer in the hot loop.
class Output {
 public:
  Output(std::vector<uint8_t>& v, size_t max) : v_(v), max_(max), size_(v.size()) {}
  ~Output() { v_.resize(size_); }
  size_t size() const { return size_; }
  uint8_t* at(size_t i) { return v_.data() + i; }
  // Room for `k` more bytes; false past the limit.
  bool reserve(size_t k) {
    if (v_.size() - size_ >= k) return true;
    if (k > max_ - size_) return false;
    size_t cap = v_.size() < 65536 ? 65536 : v_.size() * 2;
    if (cap - size_ < k) cap = size_ + k;
    if (cap > max_) cap = max_;
    v_.resize(cap);
    return true;
  }
  void put(uint8_t byte) { v_[size_++] = byte; }
  void advance(size_t k) { size_ += k; }

 private:
  std::vector<uint8_t>& v_;
  size_t max_;
  size_t size_;
};

GunzipStatus stored_block(BitReader& br, const uint8_t* in, size_t n, Output& out) {
  const size_t at = br.align_to_byte();
  if (at > n || n - at < 4) return GunzipStatus::Truncated;
  const unsigned len = in[at] | in[at + 1] << 8;
  const unsigned nlen = in[at + 2] | in[at + 3] << 8;
  if (len != (~nlen & 0xFFFFu)) return GunzipStatus::Corrupt;
  if (n - at - 4 < len) return GunzipStatus::Truncated;
  if (!out.reserve(len)) return GunzipStatus::TooLarge;
  if (len > 0) std::memcpy(out.at(out.size()), in + at + 4, len);  // (an empty output has no buffer yet)
  out.advance(len);
  br = BitReader(in, n, at + 4 + len);
  return GunzipStatus::Ok;
}

// A dynamic block's two codes, read from its header.
GunzipStatus read_dynamic_codes(BitReader& br, Huffman& lit, Huffman& dist) {
  br.refill();
  const unsigned nlit = br.take(5) + 257, ndist = br.take(5) + 1, ncode = br.take(4) + 4;
  if (nlit > 286 || ndist > 30) return GunzipStatus::Corrupt;
  uint8_t lengths[320] = {};
  for (unsigned i = 0; i < ncode; ++i) {
    br.refill();
    lengths[kCodeLengthOrder[i]] = static_cast<uint8_t>(br.take(3));
  }
  Huffman code_lengths;
  if (!code_lengths.build(lengths, 19, true)) return GunzipStatus::Corrupt;
  std::memset(lengths, 0, sizeof lengths);
  for (unsigned i = 0; i < nlit + ndist;) {
    br.refill();
    if (br.far_past_end()) return GunzipStatus::Truncated;
    unsigned used = 0;
    const int sym = code_lengths.decode(br.peek(), used);
    if (sym < 0) return GunzipStatus::Corrupt;
    br.consume(used);
    if (sym < 16) {
      lengths[i++] = static_cast<uint8_t>(sym);
      continue;
    }
    unsigned repeat = 0;
    uint8_t value = 0;
    if (sym == 16) {
      if (i == 0) return GunzipStatus::Corrupt;  // nothing to repeat
      value = lengths[i - 1];
      repeat = 3 + br.take(2);
    } else if (sym == 17) {
      repeat = 3 + br.take(3);
    } else {
      repeat = 11 + br.take(7);
    }
    if (repeat > nlit + ndist - i) return GunzipStatus::Corrupt;
    while (repeat--) lengths[i++] = value;
  }
  if (lengths[256] == 0) return GunzipStatus::Corrupt;  // no end-of-block code
  if (!lit.build(lengths, nlit, false) || !dist.build(lengths + nlit, ndist, false)) return GunzipStatus::Corrupt;
  return GunzipStatus::Ok;
}

GunzipStatus huffman_block(BitReader& br, const Huffman& lit, const Huffman& dist, Output& out) {
  for (;;) {
    br.refill();
    if (br.far_past_end()) return GunzipStatus::Truncated;
    unsigned used = 0;
    int sym = lit.decode(br.peek(), used);
    if (sym < 0) return GunzipStatus::Corrupt;
    br.consume(used);
    if (sym < 256) {
      if (!out.reserve(1)) return GunzipStatus::TooLarge;
      out.put(static_cast<uint8_t>(sym));
      continue;
    }
    if (sym == 256) return GunzipStatus::Ok;
    sym -= 257;
    if (sym >= 29) return GunzipStatus::Corrupt;
    const size_t length = kLengthBase[sym] + br.take(kLengthExtra[sym]);
    int dsym = dist.decode(br.peek(), used);
    if (dsym < 0 || dsym >= 30) return GunzipStatus::Corrupt;
    br.consume(used);
    const size_t distance = kDistBase[dsym] + br.take(kDistExtra[dsym]);
    if (distance > out.size()) return GunzipStatus::Corrupt;  // before the start of the output
    if (!out.reserve(length)) return GunzipStatus::TooLarge;
    uint8_t* to = out.at(out.size());
    const uint8_t* from = to - distance;
    if (distance >= length) {
      std::memcpy(to, from, length);
    } else {
      for (size_t k = 0; k < length; ++k) to[k] = from[k];  // overlapping: a run
    }
    out.advance(length);
  }
}

}  // namespace

GunzipStatus inflate(const uint8_t* in, size_t n, size_t pos, std::vector<uint8_t>& out_bytes, size_t max_out,
                     size_t& end) {
  Output out(out_bytes, max_out);
  BitReader br(in, n, pos);
  Huffman lit, dist;
  for (bool last = false; !last;) {
    br.refill();
    last = br.take(1) == 1;
    const unsigned type = br.take(2);
    GunzipStatus s = GunzipStatus::Ok;
    if (type == 0) {
      s = stored_block(br, in, n, out);
    } else if (type == 1) {
      s = huffman_block(br, fixed_codes().lit, fixed_codes().dist, out);
    } else if (type == 2) {
      s = read_dynamic_codes(br, lit, dist);
      if (s == GunzipStatus::Ok) s = huffman_block(br, lit, dist, out);
    } else {
      s = GunzipStatus::Corrupt;
    }
    if (s == GunzipStatus::Ok && br.truncated()) s = GunzipStatus::Truncated;
    if (s != GunzipStatus::Ok) {
      end = br.byte_position() < n ? br.byte_position() : n;
      return s;
    }
  }
  end = br.align_to_byte();
  return GunzipStatus::Ok;
}

}  // namespace cwlf::gunzip_detail
