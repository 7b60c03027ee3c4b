// The page's gzip inflater (core/gunzip) held to zlib's answers: the same
// bytes for every kind of deflate block zlib writes (stored, fixed, dynamic;
// every level and strategy), several members, gzip's optional header fields;
// and a refusal, never a crash, for what zlib refuses (every truncation,
// flipped bytes, forged trailers, limits).
#include "gunzip.h"
#include "../support/zlib_reference.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace cwlf;

namespace {

using Bytes = std::vector<uint8_t>;

// gzip of `data` by zlib at `level` with `strategy`.
Bytes zlib_gzip(const Bytes& data, int level, int strategy = Z_DEFAULT_STRATEGY) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, strategy) == Z_OK);
  Bytes out(deflateBound(&z, data.size()) + 64);
  z.next_in = const_cast<Bytef*>(data.data());
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

Bytes ours(const Bytes& gz, GunzipStatus expect = GunzipStatus::Ok, size_t max_out = 1u << 30) {
  Bytes out;
  const GunzipResult r = gunzip(gz.data(), gz.size(), out, max_out);
  CHECK(r.status == expect);
  return out;
}

Bytes text_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

std::string corpus() {
  std::ifstream in(CWLF_TEST_DATA "/corpus/cloudtrail-docs.ndjson", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Text that compresses in many ways: runs, repeats near and far, random bytes.
Bytes mixed(std::mt19937& rng, size_t n) {
  Bytes b;
  while (b.size() < n) {
    switch (rng() % 4) {
      case 0: b.insert(b.end(), 1 + rng() % 300, static_cast<uint8_t>(rng())); break;
      case 1:
        for (size_t k = 1 + rng() % 200; k--;) b.push_back(static_cast<uint8_t>(rng()));
        break;
      case 2:
        if (!b.empty()) {
          const size_t from = rng() % b.size(), len = 1 + rng() % 258;
          for (size_t k = 0; k < len; ++k) b.push_back(b[from + k % (b.size() - from)]);
        }
        break;
      default:
        for (size_t k = 1 + rng() % 100; k--;) b.push_back(static_cast<uint8_t>("abcde {}\":,"[rng() % 11]));
    }
  }
  b.resize(n);
  return b;
}

}  // namespace

TEST_CASE("gunzip: zlib's output at every level and strategy inflates to the same bytes", "[gunzip]") {
  std::mt19937 rng(7);
  const std::string cloudtrail = corpus();
  REQUIRE(cloudtrail.size() > 100000);
  std::vector<Bytes> inputs = {Bytes{}, text_bytes("a"), text_bytes(cloudtrail), mixed(rng, 300000)};
  for (int i = 0; i < 30; ++i) inputs.push_back(mixed(rng, rng() % 70000));
  for (const Bytes& data : inputs)
    for (int level : {0, 1, 6, 9})
      for (int strategy : {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED}) {
        const Bytes gz = zlib_gzip(data, level, strategy);
        INFO("size " << data.size() << " level " << level << " strategy " << strategy);
        CHECK(ours(gz) == data);
      }
}

TEST_CASE("gunzip: several members, as gzip -c a b > c makes, and what follows the last", "[gunzip]") {
  Bytes a = zlib_gzip(text_bytes("first "), 6), b = zlib_gzip(text_bytes("second"), 1);
  Bytes both = a;
  both.insert(both.end(), b.begin(), b.end());
  CHECK(ours(both) == text_bytes("first second"));
  // Bytes after a complete member that do not start another are ignored (gzip(1), the CLI).
  Bytes junk = a;
  for (uint8_t x : {0, 0, 0, 7}) junk.push_back(x);
  CHECK(ours(junk) == text_bytes("first "));
  // A second member cut short is an error, not the first member's text alone.
  Bytes cut = a;
  cut.insert(cut.end(), b.begin(), b.begin() + 12);
  ours(cut, GunzipStatus::Truncated);
}

TEST_CASE("gunzip: the header's optional fields (extra, name, comment, header CRC)", "[gunzip]") {
  const Bytes data = text_bytes("{\"eventName\":\"ConsoleLogin\"}");
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  Bytef extra[] = {'A', 'B', 2, 0, 'x', 'y'};
  Bytef name[] = "file.json";
  Bytef comment[] = "from a test";
  gz_header h{};
  h.extra = extra;
  h.extra_len = sizeof extra;
  h.name = name;
  h.comment = comment;
  h.hcrc = 1;
  REQUIRE(deflateSetHeader(&z, &h) == Z_OK);
  Bytes gz(512);
  z.next_in = const_cast<Bytef*>(data.data());
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = gz.data();
  z.avail_out = static_cast<uInt>(gz.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  gz.resize(z.total_out);
  deflateEnd(&z);
  REQUIRE(zlib_gunzip(gz) == data);
  CHECK(ours(gz) == data);
  // The header CRC covers the name: a changed name is caught.
  Bytes forged = gz;
  forged[10 + 2 + sizeof extra] ^= 1;
  CHECK_FALSE(zlib_gunzip(forged));
  ours(forged, GunzipStatus::BadChecksum);
}

TEST_CASE("gunzip: every truncation is refused, as by zlib", "[gunzip]") {
  std::mt19937 rng(11);
  const Bytes data = mixed(rng, 20000);
  for (int level : {0, 1, 9}) {
    const Bytes gz = zlib_gzip(data, level);
    for (size_t cut = 0; cut < gz.size(); ++cut) {
      const Bytes part(gz.begin(), gz.begin() + cut);
      Bytes out;
      const GunzipResult r = gunzip(part.data(), part.size(), out, 1u << 20);
      INFO("level " << level << " cut at " << cut << " of " << gz.size());
      CHECK(r.status != GunzipStatus::Ok);
      CHECK(r.at <= part.size());
    }
  }
}

TEST_CASE("gunzip: damaged files give zlib's verdict (accepted: the same bytes, refused: an error)", "[gunzip]") {
  std::mt19937 rng(13);
  const std::string cloudtrail = corpus();
  const Bytes sources[] = {text_bytes(cloudtrail.substr(0, 40000)), mixed(rng, 30000)};
  size_t refused = 0, accepted = 0;
  for (const Bytes& data : sources)
    for (int level : {1, 6, 9})
      for (int trial = 0; trial < 400; ++trial) {
        Bytes gz = zlib_gzip(data, level, trial % 5 == 0 ? Z_FIXED : Z_DEFAULT_STRATEGY);
        // Flip 1-3 bytes anywhere after the magic bytes (the deflate data and trailer mostly).
        for (int k = 1 + trial % 3; k--;) gz[2 + rng() % (gz.size() - 2)] ^= static_cast<uint8_t>(1 + rng() % 255);
        const std::optional<Bytes> expected = zlib_gunzip(gz);
        Bytes out;
        const GunzipResult r = gunzip(gz.data(), gz.size(), out, 1u << 22);
        INFO("trial " << trial << " level " << level);
        if (expected) {
          ++accepted;
          CHECK(r.status == GunzipStatus::Ok);
          CHECK(out == *expected);
        } else {
          ++refused;
          CHECK(r.status != GunzipStatus::Ok);
        }
      }
  CHECK(refused > 100);  // the test does damage files
}

TEST_CASE("gunzip: random bytes after a gzip header never crash and are refused", "[gunzip]") {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 3000; ++trial) {
    Bytes gz = {0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
    for (size_t k = rng() % 600; k--;) gz.push_back(static_cast<uint8_t>(rng()));
    Bytes out;
    const GunzipResult r = gunzip(gz.data(), gz.size(), out, 1u << 20);
    const bool zlib_ok = zlib_gunzip(gz).has_value();
    INFO("trial " << trial);
    CHECK((r.status == GunzipStatus::Ok) == zlib_ok);
  }
}

TEST_CASE("gunzip: not gzip, the limit, forged trailers", "[gunzip]") {
  ours(text_bytes("{\"Records\":[]}"), GunzipStatus::NotGzip);
  ours(Bytes{}, GunzipStatus::NotGzip);
  ours(Bytes{0x1F, 0x8B, 8}, GunzipStatus::Truncated);
  ours(Bytes{0x1F, 0x8B, 9, 0, 0, 0, 0, 0, 0, 3, 0}, GunzipStatus::NotGzip);     // not deflate
  ours(Bytes{0x1F, 0x8B, 8, 0x20, 0, 0, 0, 0, 0, 3, 0}, GunzipStatus::NotGzip);  // reserved flag
  const Bytes data(1 << 20, 'a');
  const Bytes gz = zlib_gzip(data, 9);
  Bytes out;
  CHECK(gunzip(gz.data(), gz.size(), out, 1000).status == GunzipStatus::TooLarge);
  CHECK(out.size() <= 1000);
  CHECK(ours(gz, GunzipStatus::Ok, data.size()) == data);  // exactly at the limit
  Bytes bad_crc = gz, bad_size = gz;
  bad_crc[gz.size() - 8] ^= 1;
  bad_size[gz.size() - 4] ^= 1;
  ours(bad_crc, GunzipStatus::BadChecksum);
  ours(bad_size, GunzipStatus::BadChecksum);
  // A forged size in the trailer (4 GiB) does not make it reserve more than deflate can expand to.
  Bytes forged = zlib_gzip(text_bytes("x"), 6);
  for (int k = 1; k <= 4; ++k) forged[forged.size() - k] = 0xFF;
  Bytes small;
  gunzip(forged.data(), forged.size(), small, size_t{1} << 40);
  CHECK(small.capacity() < (1u << 20));
  for (GunzipStatus s : {GunzipStatus::NotGzip, GunzipStatus::Truncated, GunzipStatus::Corrupt,
                         GunzipStatus::BadChecksum, GunzipStatus::TooLarge})
    CHECK(gunzip_reason({s, 42}).find("42") != std::string::npos);  // a sentence with the byte
  CHECK(gunzip_reason({GunzipStatus::Ok, 0}).empty());
}

TEST_CASE("gunzip: crc32 is zlib's", "[gunzip]") {
  std::mt19937 rng(19);
  for (int trial = 0; trial < 200; ++trial) {
    Bytes b(rng() % 5000);
    for (uint8_t& x : b) x = static_cast<uint8_t>(rng());
    const size_t split = b.empty() ? 0 : rng() % b.size();
    const uint32_t whole = static_cast<uint32_t>(::crc32(0, b.data(), static_cast<uInt>(b.size())));
    CHECK(cwlf::crc32(0, b.data(), b.size()) == whole);
    CHECK(cwlf::crc32(cwlf::crc32(0, b.data(), split), b.data() + split, b.size() - split) == whole);
  }
}
