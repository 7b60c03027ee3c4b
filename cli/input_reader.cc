// list_inputs(): the files of the arguments. read_input(): plain files mapped a window at a time, pipes read into a
// reused buffer, gzip inflated by gzip_inflate.cc.
#include "input_reader.h"

#include "gzip_inflate.h"

#include <fcntl.h>
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
  if (got == 2 && buf[0] == 0x1f && buf[1] == 0x8b) {
    return inflate_gzip(
        buf.get(), 2, [fd](unsigned char* p, size_t cap) { return read_full(fd, p, cap); },
        [&feed](std::string_view chunk) {
          feed(chunk);
          return true;
        });
  }

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
