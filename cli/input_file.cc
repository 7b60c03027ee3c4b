// The CLI's whole-file readers (see input_file.h) and its exit-time check of
// stdout. Plain POSIX reads so that every failure (a directory, /proc files
// that refuse reads, a full disk) is an errno turned into a sentence.
#include "input_file.h"

#include "cwlf/i18n.h"
#include "gzip_inflate.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <new>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

namespace cwlf::cli {

namespace {

constexpr size_t kChunk = size_t{1} << 20;

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string too_large(const std::string& path, size_t limit) {
  return path + " holds more than " + mib(limit) +
         " (after decompression), more than this command keeps in memory; `cwlf filter` streams inputs of any size";
}

// Reads all of `fd` into `out`, refusing more than `limit` bytes.
bool read_fd(int fd, const std::string& path, std::string& out, std::string& error, size_t limit) {
  struct stat st;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      error = say("cli.cannot-read", {{"path", path}, {"reason", std::strerror(EISDIR)}});
      return false;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
      if (static_cast<unsigned long long>(st.st_size) > limit) {
        error = too_large(path, limit);
        return false;
      }
      out.reserve(static_cast<size_t>(st.st_size));
    }
  }
  std::unique_ptr<char[]> buf(new char[kChunk]);
  while (true) {
    const ssize_t r = ::read(fd, buf.get(), kChunk);
    if (r < 0) {
      if (errno == EINTR) continue;
      error = say("cli.cannot-read", {{"path", path}, {"reason", std::strerror(errno)}});
      return false;
    }
    if (r == 0) return true;
    if (out.size() + static_cast<size_t>(r) > limit) {
      error = too_large(path, limit);
      return false;
    }
    out.append(buf.get(), static_cast<size_t>(r));
  }
}

void report_write_error(int err) {
  std::string m = std::string("cwlf: cannot write the output: ") + std::strerror(err) + "\n";
  ssize_t ignored = ::write(2, m.data(), m.size());
  (void)ignored;
}

// std::cout's buffer once guard_process() ran: writes to fd 1 and keeps the
// errno of the first failed write, which stdio would lose by exit time.
class StdoutBuffer : public std::streambuf {
 public:
  int error = 0;

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > epptr() - pptr()) {
      if (!drain()) return 0;
      if (n >= static_cast<std::streamsize>(sizeof buf_)) return write_all(s, static_cast<size_t>(n)) ? n : 0;
    }
    std::memcpy(pptr(), s, static_cast<size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  char buf_[1 << 16];
  bool started_ = false;

  bool drain() {
    if (!started_) {
      setp(buf_, buf_ + sizeof buf_);
      started_ = true;
      return true;
    }
    const bool ok = write_all(pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(buf_, buf_ + sizeof buf_);
    return ok;
  }
  bool write_all(const char* p, size_t n) {
    if (error) return false;
    while (n > 0) {
      const ssize_t r = ::write(1, p, n);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) {
        error = r < 0 ? errno : EIO;
        return false;
      }
      p += r;
      n -= static_cast<size_t>(r);
    }
    return true;
  }
};

StdoutBuffer* g_stdout = nullptr;  // never freed: std::cout may flush it during static destruction

void check_stdout_at_exit() {
  std::cout.flush();
  errno = 0;
  const bool stdio_failed = std::fflush(stdout) != 0 || std::ferror(stdout);
  const int stdio_errno = errno;
  if (g_stdout && (g_stdout->error || !std::cout)) {
    report_write_error(g_stdout->error ? g_stdout->error : EIO);
    ::_exit(2);
  }
  if (stdio_failed) {
    report_write_error(stdio_errno ? stdio_errno : EIO);
    ::_exit(2);
  }
}

void out_of_memory() {
  static const char m[] = "cwlf: out of memory\n";
  ssize_t ignored = ::write(2, m, sizeof m - 1);
  (void)ignored;
  ::_exit(2);
}

// SAX handler for a messages file: accepts exactly one array of strings and
// stops at the first anything else, so nesting depth never matters.
struct MessagesHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, MessagesHandler> {
  std::vector<std::string>& out;
  int depth = 0;
  explicit MessagesHandler(std::vector<std::string>& o) : out(o) {}
  bool Default() { return false; }  // numbers, null, booleans, objects
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (depth != 1) return false;
    out.emplace_back(s, n);
    return true;
  }
  bool StartArray() { return ++depth == 1; }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
};

}  // namespace

bool gunzip(std::string_view bytes, std::string& out, std::string& error, size_t limit) {
  size_t taken = std::min<size_t>(bytes.size(), 2);
  bool too_large = false;
  const std::string reason = inflate_gzip(
      reinterpret_cast<const unsigned char*>(bytes.data()), taken,
      [&](unsigned char* p, size_t cap) {
        const size_t n = std::min(cap, bytes.size() - taken);
        std::memcpy(p, bytes.data() + taken, n);
        taken += n;
        return static_cast<ssize_t>(n);
      },
      [&](std::string_view chunk) {
        if (out.size() + chunk.size() > limit) return !(too_large = true);
        out.append(chunk);
        return true;
      });
  if (too_large) error = say("cli.too-large-inflated", {{"limit", mib(limit)}});
  else error = reason;
  return error.empty();
}

bool read_input(const std::string& path, std::string& out, std::string& error, size_t limit) {
  out.clear();
  const bool stdin_input = path == "-";
  const int fd = stdin_input ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = say("cli.cannot-read", {{"path", path}, {"reason", std::strerror(errno)}});
    return false;
  }
  const bool ok = read_fd(fd, stdin_input ? "stdin" : path, out, error, limit);
  if (!stdin_input) ::close(fd);
  if (!ok || !starts_like_gzip(out)) return ok;
  std::string text;
  if (!gunzip(out, text, error, limit)) {
    error = (stdin_input ? std::string("stdin") : path) + ": " + error;
    out.clear();
    return false;
  }
  out.swap(text);
  return true;
}

bool parse_messages(std::string_view json, const std::string& name, std::vector<std::string>& out,
                    std::string& error) {
  std::vector<std::string> messages;
  MessagesHandler handler(messages);
  rapidjson::Reader reader;
  rapidjson::MemoryStream ms(json.data(), json.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(ms);
  const rapidjson::ParseResult r =
      reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(in, handler);
  if (r.IsError()) {
    error = name + " must hold a JSON array of strings (" +
            (r.Code() == rapidjson::kParseErrorTermination ? std::string("found something else")
                                                           : std::string(rapidjson::GetParseError_En(r.Code()))) +
            " at byte " + std::to_string(r.Offset()) + ")";
    return false;
  }
  if (handler.depth != 0) {
    error = name + " must hold a JSON array of strings";
    return false;
  }
  for (std::string& m : messages) out.push_back(std::move(m));
  return true;
}

void guard_process() {
  std::signal(SIGPIPE, SIG_IGN);
  std::set_new_handler(out_of_memory);
  g_stdout = new StdoutBuffer;
  std::cout.rdbuf(g_stdout);
  std::atexit(check_stdout_at_exit);
}

void write_stdout_or_exit(const char* data, size_t size) {
  if (size == 0) return;
  std::cout.write(data, static_cast<std::streamsize>(size));
  if (g_stdout ? (g_stdout->error || !std::cout) : !std::cout) {
    report_write_error(g_stdout && g_stdout->error ? g_stdout->error : EIO);
    ::_exit(2);
  }
}

void flush_stdout_or_exit() {
  std::cout.flush();
  if (g_stdout ? (g_stdout->error || !std::cout) : !std::cout) {
    report_write_error(g_stdout && g_stdout->error ? g_stdout->error : EIO);
    ::_exit(2);
  }
}

}  // namespace cwlf::cli
