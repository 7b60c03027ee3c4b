// list_inputs(): the files of the arguments. read_input(): plain files mapped a window at a time, pipes read into a
// reused buffer, gzip inflated with ISA-L's igzip.
//
// Inflate, measured on the CloudTrail S3 layout (456 files, 101 MB
// inflated, one core, bench/inflate_compare.cc, 2026-12-04): zlib 516 MB/s,
// libdeflate 1190 MB/s (whole file in one call), ISA-L 1155 MB/s
// (streaming). ISA-L: as fast as libdeflate and it streams, so memory stays
// bounded by its 1 MB output buffer for a file of any size, where libdeflate
// needs the whole inflated file in memory.
#include "input_reader.h"

#include <fcntl.h>
#include <isa-l/igzip_lib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <cerrno>
#include <cstring>
#include <memory>

namespace cwlf::cli {

namespace {

constexpr size_t kChunk = 1 << 20;

// Reads up to n bytes, retrying short reads; -1 on error.
ssize_t read_full(int fd, unsigned char* p, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, p + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

// Inflates gzip members one after another (a .gz may hold several) from
// `fd`, whose first `have` bytes are already in `in`.
std::string inflate_gzip(int fd, unsigned char* in, size_t have, const std::function<void(std::string_view)>& feed) {
  // Reused by the thread's next file: a fresh megabyte a file was a third of
  // the time in page faults (456 files of 220 KB).
  thread_local std::unique_ptr<unsigned char[]> out(new unsigned char[kChunk]);
  thread_local auto st = std::make_unique<inflate_state>();
  isal_inflate_init(st.get());
  st->crc_flag = ISAL_GZIP;
  st->next_in = in;
  st->avail_in = static_cast<uint32_t>(have);
  bool eof = false, finished = false;  // finished: the last member read is complete
  for (;;) {
    if (st->avail_in == 0 && !eof) {
      ssize_t r = read_full(fd, in, kChunk);
      if (r < 0) return std::strerror(errno);
      eof = r == 0;
      st->next_in = in;
      st->avail_in = static_cast<uint32_t>(r);
    }
    if (st->avail_in == 0 && eof) return finished ? "" : "the gzip data ends too early";
    st->next_out = out.get();
    st->avail_out = kChunk;
    if (isal_inflate(st.get()) != ISAL_DECOMP_OK) return "invalid gzip data";
    const size_t produced = kChunk - st->avail_out;
    if (produced) feed(std::string_view(reinterpret_cast<const char*>(out.get()), produced));
    finished = st->block_state == ISAL_BLOCK_FINISH;
    if (finished) {
      // The member is complete (its trailer checked): another may follow.
      uint8_t* next = st->next_in;
      const uint32_t left = st->avail_in;
      isal_inflate_reset(st.get());
      st->crc_flag = ISAL_GZIP;
      st->next_in = next;
      st->avail_in = left;
    }
  }
}

}  // namespace

// The files to read, in order: each argument, a directory's files
// recursively in sorted order. false when a directory cannot be listed.
bool list_inputs(const std::vector<std::string>& args, std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  bool ok = true;
  for (const std::string& path : args) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    if (ec) {
      std::cerr << "cwlf: cannot read directory " << path << ": " << ec.message() << "\n";
      ok = false;
      continue;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return ok;
}

std::string read_input(int fd, const std::function<void(std::string_view)>& feed) {
  thread_local std::unique_ptr<unsigned char[]> buf(new unsigned char[kChunk]);
  // Peek for gzip's magic bytes; keep what was read.
  const ssize_t got = read_full(fd, buf.get(), 2);
  if (got < 0) return std::strerror(errno);
  if (got == 2 && buf[0] == 0x1f && buf[1] == 0x8b) return inflate_gzip(fd, buf.get(), 2, feed);

  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    // A plain file: map it a window at a time instead of copying it through
    // read() (that copy was half of the time). Each window is unmapped before
    // the next, so memory stays bounded by the window, not the file. Pages
    // are mapped as they are first read (the kernel maps 16 at a time), not
    // all up front: MAP_POPULATE, MADV_SEQUENTIAL, 32 MB windows and read()
    // into a reused buffer of 64 KB-1 MB were no faster or slower (200 MB of
    // CloudTrail, 2026-11-27).
    const uint64_t size = static_cast<uint64_t>(st.st_size);
    const uint64_t window = 8u << 20;  // a multiple of the page size
    for (uint64_t off = 0; off < size; off += window) {
      size_t len = static_cast<size_t>(std::min(window, size - off));
      void* p = mmap(nullptr, len, PROT_READ, MAP_PRIVATE, fd, static_cast<off_t>(off));
      if (p == MAP_FAILED) return std::strerror(errno);
      feed(std::string_view(static_cast<const char*>(p), len));
      munmap(p, len);
    }
    return "";
  }
  feed(std::string_view(reinterpret_cast<const char*>(buf.get()), static_cast<size_t>(got)));
  for (;;) {
    ssize_t r = ::read(fd, buf.get(), kChunk);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return std::strerror(errno);
    if (r == 0) return "";
    feed(std::string_view(reinterpret_cast<const char*>(buf.get()), static_cast<size_t>(r)));
  }
}

}  // namespace cwlf::cli
