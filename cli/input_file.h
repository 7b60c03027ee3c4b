// Reading the whole-file inputs of `cwlf test`, `cwlf test --suite` and
// `cwlf test-metric-filter … file://`: files or stdin, gzip or not, bounded
// in size, every failure a sentence (never an exception, never a crash).
// `cwlf filter` streams instead and does not use this.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cwlf::cli {

// The most these commands hold in memory, after decompression: they keep the
// whole input (and its events) at once. Larger inputs are refused with a
// message pointing at `cwlf filter`, which streams.
constexpr size_t kMaxInputBytes = size_t{64} << 20;  // 64 MiB

// Reads PATH ("-": stdin) into `out`, gunzipping it when it starts with
// gzip's magic bytes. On failure returns false and says why in `error`
// ("cannot read /tmp: Is a directory").
bool read_input(const std::string& path, std::string& out, std::string& error,
                size_t limit = kMaxInputBytes);

// Decompresses gzip data (one or more members) into `out`, up to `limit`
// bytes. False with the reason in `error` on corrupt data or when larger.
bool gunzip(std::string_view bytes, std::string& out, std::string& error, size_t limit = kMaxInputBytes);

// A messages file for `--log-event-messages file://…`: a JSON array of
// strings, as the AWS CLI reads it. Nesting of any depth is refused without
// recursion. `name` is the file name used in `error`.
bool parse_messages(std::string_view json, const std::string& name, std::vector<std::string>& out,
                    std::string& error);

// Makes every write error visible in the exit status, as grep does: a closed
// pipe is EPIPE instead of SIGPIPE, and at exit stdout is flushed and checked
// (error: a message and exit status 2). Running out of memory is a message
// and exit status 2 too, never an abort. Call once, first thing in main().
void guard_process();

// Writes to stdout (through std::cout); on failure reports and exits with status 2
// (for commands that stream their output as they go).
void write_stdout_or_exit(const char* data, size_t size);
// Flushes stdout; on failure reports and exits with status 2.
void flush_stdout_or_exit();

}  // namespace cwlf::cli
