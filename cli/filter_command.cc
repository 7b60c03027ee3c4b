// `cwlf filter`: streams files (or stdin) through EventStream and EventFilter
// and prints the matching events, as grep prints lines. Memory stays flat:
// one read buffer, one output buffer and the event in progress.
#include "filter_command.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>

#include "candidate_scan.h"
#include "caret.h"
#include "event_filter.h"
#include "event_stream.h"
#include "input_file.h"
#include "pattern.h"

namespace cwlf::cli {

const char* kFilterUsage =
    "  cwlf filter PATTERN [FILE|DIR ...] [-c] [--explain]\n"
    "      Print the events that match, one per line, as CloudWatch receives them (grep-like;\n"
    "      stdin when no FILE). Reads .json (a CloudTrail file {\"Records\":[...]}, JSON objects,\n"
    "      a JSON array), .jsonl/.ndjson (one event per line), .gz of either (CloudTrail's S3\n"
    "      objects) and directories (recursively, in sorted order), streaming.\n"
    "      -c: print only the number of matching events; --explain: add the reasons for each match.\n"
    "      Exit status: 0 some event matched, 1 none, 2 invalid pattern or unreadable input.\n";

namespace {

constexpr size_t kChunk = 1 << 20;

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// JSON Lines files are read line by line, messages exactly as written.
StreamMode mode_for(const std::string& path) {
  std::string p = ends_with(path, ".gz") ? path.substr(0, path.size() - 3) : path;
  return ends_with(p, ".jsonl") || ends_with(p, ".ndjson") ? StreamMode::Lines : StreamMode::Auto;
}

class Output {
 public:
  ~Output() { flush(); }
  void line(std::string_view s) {
    if (buf_.size() + s.size() + 1 > kChunk) flush();
    buf_.append(s.data(), s.size());
    buf_.push_back('\n');
  }
  void flush() {
    write_stdout_or_exit(buf_.data(), buf_.size());  // a full disk or closed pipe: message, exit 2
    buf_.clear();
  }

 private:
  std::string buf_;
};

// The reasons of the decisive conditions that held (the leaves that made the
// event match).
void print_reasons(const Explanation& ex, Output& out) {
  for (const ExplainNode& n : ex.nodes) {
    bool leaf = n.kind == ExplainKind::Condition || n.kind == ExplainKind::Term || n.kind == ExplainKind::Field ||
                n.kind == ExplainKind::MatchAll;
    if (leaf && n.decisive && n.outcome == Outcome::True && !n.reason.empty()) out.line("  because " + n.reason);
  }
}

struct Job {
  const EventFilter& filter;
  bool count_only, explain;
  uint64_t matched = 0;
  Output out;
};

// Feeds one input (already opened) through the stream; returns false on a read error.
bool run_input(Job& job, const std::string& name, int fd) {
  unsigned char magic[2] = {0, 0};
  ssize_t got = 0;
  std::unique_ptr<char[]> buf(new char[kChunk]);
  // Peek for gzip's magic bytes; keep what was read.
  while (got < 2) {
    ssize_t r = ::read(fd, buf.get() + got, 2 - got);
    if (r < 0) return false;
    if (r == 0) break;
    got += r;
  }
  std::memcpy(magic, buf.get(), static_cast<size_t>(got));
  const bool gz = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;

  EventStream stream(name == "-" ? StreamMode::Auto : mode_for(name), [&](const StreamedEvent& ev) {
    if (ev.error) {
      std::cerr << "cwlf: " << name << ":" << ev.line << ": " << ev.error->message << "\n";
      return;
    }
    FilterResult r = job.filter.test(ev.message, job.explain);
    if (r.error) {
      std::cerr << "cwlf: " << name << ":" << ev.line << ": " << r.error->message << "\n";
      return;
    }
    if (!r.matched) return;
    ++job.matched;
    if (job.count_only) return;
    job.out.line(ev.message);
    if (job.explain && r.explanation) print_reasons(*r.explanation, job.out);
  });

  // JSON Lines (and plain lines): lines without the prefilter's literals are
  // ruled out a chunk at a time instead of one by one (core/candidate_scan.h).
  CandidateScan scan(job.filter.prefilter());
  if (scan.active()) stream.skip_lines_without(&scan);

  struct stat st;
  if (!gz && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
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
      if (p == MAP_FAILED) {
        stream.finish();
        return false;
      }
      stream.feed(std::string_view(static_cast<const char*>(p), len));
      munmap(p, len);
    }
  } else if (gz) {
    // zlib reads the whole file itself (including concatenated members).
    if (lseek(fd, 0, SEEK_SET) != 0) {
      std::cerr << "cwlf: " << name << ": cannot rewind a compressed stream\n";
      return false;
    }
    gzFile z = gzdopen(dup(fd), "rb");
    if (!z) return false;
    gzbuffer(z, 1 << 18);
    for (;;) {
      int r = gzread(z, buf.get(), static_cast<unsigned>(kChunk));
      if (r < 0) {
        int errnum = 0;
        std::cerr << "cwlf: " << name << ": " << gzerror(z, &errnum) << "\n";
        gzclose(z);
        stream.finish();
        return false;
      }
      if (r == 0) break;
      stream.feed(std::string_view(buf.get(), static_cast<size_t>(r)));
    }
    gzclose(z);
  } else {
    stream.feed(std::string_view(buf.get(), static_cast<size_t>(got)));
    for (;;) {
      ssize_t r = ::read(fd, buf.get(), kChunk);
      if (r < 0) {
        stream.finish();
        return false;
      }
      if (r == 0) break;
      stream.feed(std::string_view(buf.get(), static_cast<size_t>(r)));
    }
  }
  stream.finish();
  return true;
}

bool run_path(Job& job, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) {
      std::cerr << "cwlf: cannot read directory " << path << ": " << ec.message() << "\n";
      return false;
    }
    std::sort(files.begin(), files.end());
    bool ok = true;
    for (const std::string& f : files) ok = run_path(job, f) && ok;
    return ok;
  }
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    std::cerr << "cwlf: cannot read " << path << ": " << std::strerror(errno) << "\n";
    return false;
  }
  bool ok = run_input(job, path, fd);
  if (!ok) std::cerr << "cwlf: error reading " << path << "\n";
  if (fd != 0) ::close(fd);
  return ok;
}

}  // namespace

int cmd_filter(const std::vector<std::string>& args) {
  bool count_only = false, explain = false, prefilter = true;
  std::vector<std::string> positional;
  for (const std::string& a : args) {
    if (a == "-c" || a == "--count") count_only = true;
    else if (a == "--explain") explain = true;
    else if (a == "--no-prefilter") prefilter = false;  // for benchmarks and checks
    else if ((a.size() > 2 && a.compare(0, 2, "--") == 0) || (a.size() > 1 && a[0] == '-' && !positional.empty())) {
      std::cerr << "cwlf: unknown option " << a << "\n\nusage:\n" << kFilterUsage;
      return 2;
    } else positional.push_back(a);
  }
  if (positional.empty()) {
    std::cerr << "cwlf: filter takes PATTERN [FILE|DIR ...]\n\nusage:\n" << kFilterUsage;
    return 2;
  }
  CompileResult compiled = compile_pattern(positional[0]);
  if (!compiled.pattern) {
    std::cerr << "InvalidParameterException: " << compiled.error->aws_message << "\n"
              << caret_diagnostic(positional[0], *compiled.error);
    return 2;
  }
  EventFilter filter(compiled.pattern, prefilter);
  Job job{filter, count_only, explain, 0, Output()};
  std::vector<std::string> inputs(positional.begin() + 1, positional.end());
  if (inputs.empty()) inputs.push_back("-");
  bool ok = true;
  for (const std::string& in : inputs) ok = run_path(job, in) && ok;
  if (count_only) job.out.line(std::to_string(job.matched));
  job.out.flush();
  std::fflush(stdout);
  if (!ok) return 2;
  return job.matched > 0 ? 0 : 1;
}

}  // namespace cwlf::cli
