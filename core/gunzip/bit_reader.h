// Deflate's bit stream (least significant bit first) over a byte buffer, with
// a 64-bit window refilled 8 bytes at a time where the buffer allows. Past
// the end it reads zero bytes and counts them, so a decoder never reads
// outside the buffer and can tell afterwards whether it used bits that were
// not there (truncated()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace cwlf::gunzip_detail {

class BitReader {
 public:
  BitReader(const uint8_t* in, size_t n, size_t pos) : in_(in), n_(n), pos_(pos) {}

  // At least 57 bits in the window afterwards.
  void refill() {
    if (pos_ + 8 <= n_) {
      uint64_t word;
      std::memcpy(&word, in_ + pos_, 8);  // little-endian (x86, wasm)
      bits_ |= word << count_;
      pos_ += (63 - count_) >> 3;
      count_ |= 56;
      return;
    }
    while (count_ <= 56) {
      bits_ |= static_cast<uint64_t>(pos_ < n_ ? in_[pos_] : 0) << count_;
      ++pos_;
      count_ += 8;
    }
  }
  uint64_t peek() const { return bits_; }
  void consume(unsigned k) {
    bits_ >>= k;
    count_ -= k;
  }
  // The next k (<= 32) bits, consumed; the window must hold them.
  uint32_t take(unsigned k) {
    const uint32_t v = static_cast<uint32_t>(bits_ & ((uint64_t{1} << k) - 1));
    consume(k);
    return v;
  }
  // Whether more bits were consumed than the buffer holds.
  bool truncated() const { return consumed_bits() > static_cast<uint64_t>(n_) * 8; }
  // Whether the window was refilled far enough past the end that continuing
  // can only read padding: a cheap test for a decoder's loop.
  bool far_past_end() const { return pos_ > n_ + 8; }
  // Drops the bits up to the next byte boundary; the byte position of the
  // stream afterwards (the window is emptied).
  size_t align_to_byte() {
    consume(count_ & 7);
    const size_t at = pos_ - count_ / 8;
    bits_ = 0;
    count_ = 0;
    pos_ = at;
    return at;
  }
  size_t byte_position() const { return static_cast<size_t>((consumed_bits() + 7) / 8); }

 private:
  uint64_t consumed_bits() const { return static_cast<uint64_t>(pos_) * 8 - count_; }

  const uint8_t* in_;
  size_t n_;
  size_t pos_;
  uint64_t bits_ = 0;
  unsigned count_ = 0;
};

}  // namespace cwlf::gunzip_detail
