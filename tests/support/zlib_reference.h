// zlib's verdict on a gzip file, the reference the page's inflater
// (core/gunzip) is held to by tests/unit/gunzip_test.cpp and
// fuzz/fuzz_gunzip.cc: the inflated bytes, or nullopt when zlib refuses the
// file or it inflates past `max_out`. Members are read one after another, and
// bytes after one that do not start another are ignored, as gzip(1) does.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

inline std::optional<std::vector<uint8_t>> zlib_gunzip(const std::vector<uint8_t>& gz,
                                                       size_t max_out = static_cast<size_t>(-1)) {
  std::vector<uint8_t> out;
  size_t at = 0;
  do {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
    z.next_in = const_cast<Bytef*>(gz.data() + at);
    z.avail_in = static_cast<uInt>(gz.size() - at);
    int r = Z_OK;
    uint8_t buf[16384];
    while (r == Z_OK && out.size() <= max_out) {
      z.next_out = buf;
      z.avail_out = sizeof buf;
      r = inflate(&z, Z_NO_FLUSH);
      out.insert(out.end(), buf, buf + (sizeof buf - z.avail_out));
      if (r == Z_BUF_ERROR && z.avail_in == 0) break;  // cut short
    }
    const size_t used = gz.size() - at - z.avail_in;
    inflateEnd(&z);
    if (r != Z_STREAM_END || out.size() > max_out) return std::nullopt;
    at += used;
  } while (gz.size() - at >= 2 && gz[at] == 0x1F && gz[at + 1] == 0x8B);
  return out;
}
