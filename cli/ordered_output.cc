// OrderedOutput: the files' outputs in file order (cli/ordered_output.h).
#include "ordered_output.h"

#include <cstdio>
#include <utility>

#include "input_file.h"

namespace cwlf::cli {

size_t OrderedOutput::claim() {
  std::unique_lock<std::mutex> lock(m_);
  cv_.wait(lock, [&] { return next_ >= files_ || next_ < turn_ + window_; });
  return next_ < files_ ? next_++ : files_;
}

void OrderedOutput::write(const FileOutput& o) {
  if (!o.err.empty()) {
    flush_stdout_or_exit();
    std::fwrite(o.err.data(), 1, o.err.size(), stderr);
  }
  // A full disk or a closed pipe: a message and exit 2, like grep.
  write_stdout_or_exit(o.out.data(), o.out.size());
}

void OrderedOutput::write_early(size_t i, FileOutput& o) {
  std::unique_lock<std::mutex> lock(m_);
  cv_.wait(lock, [&] { return turn_ == i; });
  write(o);
  o.out.clear();
  o.err.clear();
}

void OrderedOutput::done(size_t i, FileOutput o) {
  std::lock_guard<std::mutex> lock(m_);
  held_[i] = std::move(o);
  finished_[i] = true;
  while (turn_ < files_ && finished_[turn_]) {
    write(held_[turn_]);
    held_[turn_] = FileOutput();
    ++turn_;
  }
  cv_.notify_all();
}

}  // namespace cwlf::cli
