// Listing and reading the inputs of `cwlf filter` and `cwlf alarm` (a file or stdin) as a sequence of
// chunks, decompressing gzip: what the Scanner is fed with.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cwlf::cli {

// The files to read, in order: each argument ("-" is stdin), a directory's
// files recursively in sorted order. false (after a message on stderr) when
// a directory cannot be listed.
bool list_inputs(const std::vector<std::string>& args, std::vector<std::string>& files);

// Feeds the bytes of `fd` (gzip decompressed when it starts with gzip's magic
// bytes) to `feed`, in chunks of at most 1 MB, with memory bounded whatever
// the size (plain regular files are mapped a window at a time). Returns ""
// or a plain-language reason for the read error.
std::string read_input(int fd, const std::function<void(std::string_view)>& feed);

}  // namespace cwlf::cli
