// `cwlf filter`: streams files (or stdin) through the Scanner and prints the
// matching events, as grep prints lines. Files are read in parallel (-j N),
// their outputs printed in the order of the files (cli/ordered_output.h).
// Memory stays flat per worker: one read buffer, one inflate buffer, the
// event in progress and the file's output held until its turn.
#include "filter_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "caret.h"
#include "cwlf/i18n.h"
#include "cwlf/scanner.h"
#include "input_file.h"
#include "input_reader.h"
#include "ordered_output.h"
#include "cwlf/pattern.h"

namespace cwlf::cli {

const char* kFilterUsage =
    "  cwlf filter PATTERN [FILE|DIR ...] [-c] [--explain]\n"
    "      Print the events that match, one per line, as CloudWatch receives them (grep-like;\n"
    "      stdin when no FILE). Reads .json (a CloudTrail file {\"Records\":[...]}, JSON objects,\n"
    "      a JSON array), .jsonl/.ndjson (one event per line), .gz of either (CloudTrail's S3\n"
    "      objects) and directories (recursively, in sorted order), streaming.\n"
    "      -c: print only the number of matching events; --explain: add the reasons for each match.\n"
    "      -j N: read N files at a time (default: every core); the output keeps the files' order.\n"
    "      Exit status: 0 some event matched, 1 none, 2 invalid pattern or unreadable input.\n";

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// JSON Lines files are read line by line, messages exactly as written.
StreamMode mode_for(const std::string& path) {
  if (path == "-") return StreamMode::Auto;
  std::string p = ends_with(path, ".gz") ? path.substr(0, path.size() - 3) : path;
  return ends_with(p, ".jsonl") || ends_with(p, ".ndjson") ? StreamMode::Lines : StreamMode::Auto;
}

void line(std::string& out, std::string_view s) {
  out.append(s.data(), s.size());
  out.push_back('\n');
}

// The reasons of the decisive conditions that held (the leaves that made the
// event match).
void print_reasons(const Explanation& ex, std::string& out) {
  for (const ExplainNode& n : ex.nodes) {
    bool leaf = n.kind == ExplainKind::Condition || n.kind == ExplainKind::Term || n.kind == ExplainKind::Field ||
                n.kind == ExplainKind::MatchAll;
    if (leaf && n.decisive && n.outcome == Outcome::True && !n.reason.empty()) line(out, "  because " + n.reason);
  }
}

struct Job {
  std::shared_ptr<const EventFilter> filter;
  bool count_only, explain;
};

struct FileResult {
  uint64_t matched = 0;
  bool ok = true;
};

// Reads one input through a Scanner into `o` (handing it to `output` early
// when it grows past OrderedOutput::kHeldPerFile).
FileResult run_file(const Job& job, const std::string& name, size_t index, OrderedOutput& output, FileOutput& o) {
  FileResult res;
  int fd = name == "-" ? 0 : ::open(name.c_str(), O_RDONLY);
  if (fd < 0) {
    o.err += "cwlf: " + say("cli.cannot-read", {{"path", name}, {"reason", std::strerror(errno)}}) + "\n";
    res.ok = false;
    return res;
  }
  ScanOptions options;
  options.mode = mode_for(name);
  options.explain = job.explain;
  Scanner scanner(job.filter, options, [&](const ScannedEvent& ev) {
    if (ev.error) {
      o.err += "cwlf: " + name + ":" + std::to_string(ev.line) + ": " + ev.error->message + "\n";
      if (o.err.size() > OrderedOutput::kHeldPerFile) output.write_early(index, o);
      return;
    }
    if (job.count_only) return;
    line(o.out, ev.message);
    if (job.explain && ev.explanation) print_reasons(*ev.explanation, o.out);
    if (o.out.size() > OrderedOutput::kHeldPerFile) output.write_early(index, o);
  });
  const std::string error = read_input(fd, [&](std::string_view chunk) { scanner.feed(chunk); });
  scanner.finish();
  if (fd != 0) ::close(fd);
  if (!error.empty()) {
    o.err += "cwlf: " + name + ": " + error + "\n";
    o.err += "cwlf: " + say("cli.error-reading", {{"path", name}}) + "\n";
    res.ok = false;
  }
  res.matched = scanner.matched();
  return res;
}

// Reads `files` with `threads` workers; returns the matches (and ok=false if
// any input could not be read).
FileResult run_all(const Job& job, const std::vector<std::string>& files, size_t threads) {
  OrderedOutput output(files.size(), 4 * threads);
  std::vector<FileResult> results(files.size());
  auto work = [&] {
    for (size_t i = output.claim(); i < files.size(); i = output.claim()) {
      FileOutput o;
      results[i] = run_file(job, files[i], i, output, o);
      output.done(i, std::move(o));
    }
  };
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  FileResult total;
  for (const FileResult& r : results) {
    total.matched += r.matched;
    total.ok = total.ok && r.ok;
  }
  return total;
}

}  // namespace

int cmd_filter(const std::vector<std::string>& args) {
  bool count_only = false, explain = false, prefilter = true;
  size_t threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-c" || a == "--count") count_only = true;
    else if (a == "-j" || a == "--jobs") {
      const std::string n = i + 1 < args.size() ? args[++i] : "";
      if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos || std::stoul(n) == 0 ||
          std::stoul(n) > 1024) {
        std::cerr << "cwlf: -j takes a number of threads from 1 to 1024\n\nusage:\n" << kFilterUsage;
        return 2;
      }
      threads = std::stoul(n);
    }
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
  Job job{std::make_shared<const EventFilter>(compiled.pattern, prefilter), count_only, explain};
  std::vector<std::string> inputs(positional.begin() + 1, positional.end());
  if (inputs.empty()) inputs.push_back("-");
  std::vector<std::string> files;
  bool ok = list_inputs(inputs, files);
  const FileResult total = run_all(job, files, std::min(threads, std::max<size_t>(1, files.size())));
  ok = ok && total.ok;
  if (count_only) {
    const std::string count = std::to_string(total.matched) + "\n";
    write_stdout_or_exit(count.data(), count.size());
  }
  flush_stdout_or_exit();
  if (!ok) return 2;
  return total.matched > 0 ? 0 : 1;
}

}  // namespace cwlf::cli
