// The CLI's one gzip inflater (ISA-L's igzip), shared by the streaming readers
// of `cwlf filter`/`cwlf alarm` (input_reader.cc) and the whole-file readers of
// `cwlf test` and the suite (input_file.cc), so that both accept and refuse
// the same files with the same words.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace cwlf::cli {

// Fills `buf` with up to `cap` more compressed bytes: the count, 0 at the
// end, -1 on a read error (errno set).
using GzipPull = std::function<ssize_t(unsigned char* buf, size_t cap)>;
// Takes the next inflated bytes; false stops inflating (e.g. past a limit).
using GzipFeed = std::function<bool(std::string_view)>;

// Inflates gzip members one after another (a .gz may hold several, as
// `gzip -c a b > c` makes); bytes after a complete member that do not start
// another one are ignored, as gzip(1) does. The first `have` compressed bytes
// are already in `start` (the reader's peek at the magic bytes). Returns "" on
// success or when `feed` stopped, else the reason ("the gzip data is cut
// short", "the gzip data is corrupt", or the read error).
std::string inflate_gzip(const unsigned char* start, size_t have, const GzipPull& pull, const GzipFeed& feed);

// True when `bytes` starts with gzip's magic bytes.
bool starts_like_gzip(std::string_view bytes);

}  // namespace cwlf::cli
