// Deflate (RFC 1951): the blocks of one stream, decoded into a growing output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gunzip.h"

namespace cwlf::gunzip_detail {

// Decodes the deflate stream starting at in[pos], appending to `out` (never
// beyond `max_out` bytes in all). On success `end` is the byte after the
// stream (the last block's bits rounded up to a byte).
GunzipStatus inflate(const uint8_t* in, size_t n, size_t pos, std::vector<uint8_t>& out, size_t max_out,
                     size_t& end);

}  // namespace cwlf::gunzip_detail
