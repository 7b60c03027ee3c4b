// How JavaScript hands a Scanner its bytes, chunk by chunk, through one
// buffer in wasm memory (FileScan and StreamFilter):
//   const ptr = x.reserve(chunk.length); cwlf.HEAPU8.set(chunk, ptr); x.feed(chunk.length);
// The buffer is reused, so memory does not grow with the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cwlf/scanner.h"

namespace cwlf_js {

class ChunkFeed {
 public:
  // The address of a buffer of at least n bytes, valid until the next call.
  uintptr_t reserve(size_t n) {
    if (buf_.size() < n) buf_.resize(n);
    return reinterpret_cast<uintptr_t>(buf_.data());
  }
  // Feeds the first n bytes of the buffer to `scanner` (nothing if there is
  // no scanner, or if n is more than was reserved).
  void feed(cwlf::Scanner* scanner, size_t n) const {
    if (scanner && n <= buf_.size()) scanner->feed(std::string_view(buf_.data(), n));
  }

 private:
  std::vector<char> buf_;
};

}  // namespace cwlf_js
