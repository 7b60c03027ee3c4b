// The gzip wrapper (RFC 1952) around deflate: each member's header, its
// deflate stream, and its trailer (CRC-32 and length of what it inflated to).
#include "gunzip.h"

#include <algorithm>

#include "cwlf/i18n.h"
#include "inflate.h"

namespace cwlf {

namespace {

constexpr uint8_t kFlagHeaderCrc = 0x02, kFlagExtra = 0x04, kFlagName = 0x08, kFlagComment = 0x10;

uint32_t read_le32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

bool is_gzip_start(const uint8_t* in, size_t n, size_t at) { return n - at >= 2 && in[at] == 0x1F && in[at + 1] == 0x8B; }

// The member header at `at`: on success `at` moves to its deflate data.
GunzipStatus read_header(const uint8_t* in, size_t n, size_t& at) {
  const size_t start = at;
  if (n - at < 10) return is_gzip_start(in, n, at) ? GunzipStatus::Truncated : GunzipStatus::NotGzip;
  if (!is_gzip_start(in, n, at) || in[at + 2] != 8 || (in[at + 3] & 0xE0)) return GunzipStatus::NotGzip;
  const uint8_t flags = in[at + 3];
  at += 10;
  if (flags & kFlagExtra) {
    if (n - at < 2) return GunzipStatus::Truncated;
    const size_t len = in[at] | in[at + 1] << 8;
    if (n - at - 2 < len) return GunzipStatus::Truncated;
    at += 2 + len;
  }
  for (uint8_t flag : {kFlagName, kFlagComment}) {
    if (!(flags & flag)) continue;
    while (at < n && in[at] != 0) ++at;  // a zero-terminated string
    if (at == n) return GunzipStatus::Truncated;
    ++at;
  }
  if (flags & kFlagHeaderCrc) {
    if (n - at < 2) return GunzipStatus::Truncated;
    const uint32_t crc = crc32(0, in + start, at - start) & 0xFFFF;
    if ((in[at] | in[at + 1] << 8) != static_cast<int>(crc)) return GunzipStatus::BadChecksum;
    at += 2;
  }
  return GunzipStatus::Ok;
}

}  // namespace

GunzipResult gunzip(const uint8_t* in, size_t n, std::vector<uint8_t>& out, size_t max_out) {
  out.clear();
  // A single-member file's size is in its last four bytes (modulo 4 GiB):
  // room for it at once saves the output's doublings. Deflate cannot expand
  // more than 1032:1, which bounds what a forged size can make us reserve.
  if (n >= 18) out.reserve(std::min({static_cast<size_t>(read_le32(in + n - 4)), max_out, n * 1032}));
  size_t at = 0;
  do {
    GunzipStatus s = read_header(in, n, at);
    if (s != GunzipStatus::Ok) return {s, at};
    const size_t before = out.size();
    size_t end = at;
    s = gunzip_detail::inflate(in, n, at, out, max_out, end);
    if (s != GunzipStatus::Ok) return {s, end};
    if (n - end < 8) return {GunzipStatus::Truncated, n};
    const size_t produced = out.size() - before;
    if (read_le32(in + end) != crc32(0, out.data() + before, produced) ||
        read_le32(in + end + 4) != static_cast<uint32_t>(produced))
      return {GunzipStatus::BadChecksum, end};
    at = end + 8;
  } while (is_gzip_start(in, n, at));  // another member; anything else after one is ignored, as gzip(1) does
  return {GunzipStatus::Ok, at};
}

std::string gunzip_reason(const GunzipResult& result) {
  const char* id = nullptr;
  switch (result.status) {
    case GunzipStatus::Ok: return "";
    case GunzipStatus::NotGzip: id = "gunzip.not-gzip"; break;
    case GunzipStatus::Truncated: id = "gunzip.truncated"; break;
    case GunzipStatus::Corrupt: id = "gunzip.corrupt"; break;
    case GunzipStatus::BadChecksum: id = "gunzip.bad-checksum"; break;
    case GunzipStatus::TooLarge: id = "gunzip.too-large"; break;
  }
  return say(id, {{"offset", std::to_string(result.at)}});
}

}  // namespace cwlf
