// A gzip inflater for the page: the wasm build has no zlib, and the browser's
// own DecompressionStream inflates CloudTrail files 4-5x slower than code
// compiled to wasm (bench/page_inflate.mjs, docs/performance.md). The CLI
// keeps ISA-L (faster still natively); this one is built for every target so
// that the tests hold it to zlib's answers byte for byte.
//
// Whole-buffer: the page hands it a file that fits its limits and gets the
// inflated bytes in one call. RFC 1951 (deflate) inside RFC 1952 (gzip), every
// member of the file (as `gzip -c a b > c` makes), each one's CRC-32 and
// length checked; bytes after a complete member that do not start another are
// ignored, as gzip(1) and the CLI's reader do. No recursion, no allocation
// beyond the output, whatever the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cwlf {

enum class GunzipStatus : uint8_t {
  Ok,
  NotGzip,      // the first bytes are not gzip's magic, or an unknown method or flags
  Truncated,    // the data ends inside a member
  Corrupt,      // invalid deflate data (a bad block type, code or distance)
  BadChecksum,  // a member's CRC-32 or length does not match what it inflated to
  TooLarge,     // the output would exceed the caller's limit
};

struct GunzipResult {
  GunzipStatus status = GunzipStatus::Ok;
  size_t at = 0;  // the compressed byte where the fault was found (Ok: bytes used)
};

// Inflates the gzip file `in[0, n)` into `out` (replaced), at most `max_out`
// bytes; on an error `out` holds what was inflated before it (on TooLarge,
// at most `max_out` bytes).
GunzipResult gunzip(const uint8_t* in, size_t n, std::vector<uint8_t>& out, size_t max_out);

// The plain-language reason of a failed gunzip() in the current language
// (i18n.h), with the byte where it was found; "" for Ok.
std::string gunzip_reason(const GunzipResult& result);

// CRC-32 (ISO-HDLC, as gzip and zlib), continuing from `crc` (0 to start).
uint32_t crc32(uint32_t crc, const uint8_t* data, size_t n);

}  // namespace cwlf
