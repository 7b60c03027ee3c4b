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
#include "../tests/support/zlib_reference.h"

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
