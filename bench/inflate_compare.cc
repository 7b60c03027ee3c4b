// Which inflate `cwlf filter` uses for .gz, decided by measurement: zlib
// (streaming), libdeflate (whole file in one call) and ISA-L's igzip
// (streaming) on the same files, already in memory, one core.
//   bench_inflate FILE.gz...   -> MB/s of inflated output for each
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <zlib.h>

#include "cwlf/gunzip.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

constexpr size_t kOut = 1 << 20;

size_t with_zlib(const std::string& gz, std::vector<unsigned char>& out) {
  z_stream z{};
  inflateInit2(&z, 15 + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  size_t total = 0;
  for (;;) {
    z.next_out = out.data();
    z.avail_out = kOut;
    int r = inflate(&z, Z_NO_FLUSH);
    total += kOut - z.avail_out;
    if (r == Z_STREAM_END || r != Z_OK) break;
  }
  inflateEnd(&z);
  return total;
}

size_t with_libdeflate(libdeflate_decompressor* d, const std::string& gz, std::vector<unsigned char>& whole) {
  const unsigned char* t = reinterpret_cast<const unsigned char*>(gz.data()) + gz.size() - 4;
  size_t size = t[0] | t[1] << 8 | t[2] << 16 | static_cast<size_t>(t[3]) << 24;
  if (whole.size() < size) whole.resize(size);
  size_t got = 0;
  libdeflate_gzip_decompress(d, gz.data(), gz.size(), whole.data(), whole.size(), &got);
  return got;
}

size_t with_isal(const std::string& gz, std::vector<unsigned char>& out) {
  inflate_state st;
  isal_inflate_init(&st);
  st.crc_flag = ISAL_GZIP;
  st.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(gz.data()));
  st.avail_in = static_cast<uint32_t>(gz.size());
  size_t total = 0;
  for (;;) {
    st.next_out = out.data();
    st.avail_out = kOut;
    int r = isal_inflate(&st);
    total += kOut - st.avail_out;
    if (r != ISAL_DECOMP_OK || st.block_state == ISAL_BLOCK_FINISH) break;
  }
  return total;
}

template <class F>
void time_it(const char* name, const std::vector<std::string>& files, F f) {
  double best = 1e9;
  size_t bytes = 0;
  for (int rep = 0; rep < 5; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    bytes = 0;
    for (const std::string& gz : files) bytes += f(gz);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s < best) best = s;
  }
  std::printf("%-12s %8.0f MB/s  (%zu bytes out, best of 5: %.3f s)\n", name, bytes / 1e6 / best, bytes, best);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::vector<unsigned char> out(kOut), whole;
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  time_it("zlib", files, [&](const std::string& gz) { return with_zlib(gz, out); });
  time_it("libdeflate", files, [&](const std::string& gz) { return with_libdeflate(d, gz, whole); });
  time_it("isa-l", files, [&](const std::string& gz) { return with_isal(gz, out); });
  // The page's inflater (core/gunzip, built to wasm for the page), natively.
  std::vector<uint8_t> mine;
  time_it("cwlf gunzip", files, [&](const std::string& gz) {
    cwlf::gunzip(reinterpret_cast<const uint8_t*>(gz.data()), gz.size(), mine, size_t{1} << 30);
    return mine.size();
  });
  libdeflate_free_decompressor(d);
}
