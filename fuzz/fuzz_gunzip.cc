// libFuzzer target: the page's gzip inflater (core/gunzip) against zlib, the
// reference behind the browser's DecompressionStream. Any bytes after a gzip
// header: never a crash or a read outside the input, and the same verdict as
// zlib (accepted: the same bytes; refused: an error), members read one after
// another as gzip(1) does.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <vector>

#include "cwlf/gunzip.h"

namespace {

std::optional<std::vector<uint8_t>> zlib_gunzip(const std::vector<uint8_t>& gz, size_t max_out) {
  std::vector<uint8_t> out;
  size_t at = 0;
  do {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) std::abort();
    z.next_in = const_cast<Bytef*>(gz.data() + at);
    z.avail_in = static_cast<uInt>(gz.size() - at);
    int r = Z_OK;
    uint8_t buf[4096];
    while (r == Z_OK && out.size() <= max_out) {
      z.next_out = buf;
      z.avail_out = sizeof buf;
      r = inflate(&z, Z_NO_FLUSH);
      out.insert(out.end(), buf, buf + (sizeof buf - z.avail_out));
      if (r == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    const size_t used = gz.size() - at - z.avail_in;
    inflateEnd(&z);
    if (r != Z_STREAM_END || out.size() > max_out) return std::nullopt;
    at += used;
  } while (gz.size() - at >= 2 && gz[at] == 0x1F && gz[at + 1] == 0x8B);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The input is the deflate data and trailer; the header is given, so that
  // every input reaches the decoder.
  std::vector<uint8_t> gz = {0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
  gz.insert(gz.end(), data, data + size);
  const size_t max_out = 1 << 20;
  std::vector<uint8_t> out;
  const cwlf::GunzipResult r = cwlf::gunzip(gz.data(), gz.size(), out, max_out);
  if (r.at > gz.size() || out.size() > max_out) std::abort();
  const std::optional<std::vector<uint8_t>> expected = zlib_gunzip(gz, max_out);
  if (r.status == cwlf::GunzipStatus::TooLarge) return 0;  // zlib read past the same limit, or not: no verdict
  if (expected.has_value() != (r.status == cwlf::GunzipStatus::Ok)) std::abort();
  if (expected && *expected != out) std::abort();
  return 0;
}
