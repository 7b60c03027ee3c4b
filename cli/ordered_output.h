// Output of files read in parallel, printed in the order of the files
// whatever the number of threads (`cwlf filter -j N`), with memory bounded per
// worker: each file's output is held until every file before it is printed,
// up to kHeldPerFile bytes; beyond that its worker waits for its turn and
// then writes directly. Workers claim files in order and at most `window`
// files ahead of the one being printed, so the outputs held are bounded too.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace cwlf::cli {

struct FileOutput {
  std::string out;  // to stdout
  std::string err;  // to stderr
};

class OrderedOutput {
 public:
  static constexpr size_t kHeldPerFile = 4u << 20;

  OrderedOutput(size_t files, size_t window) : files_(files), window_(window), held_(files) {}

  // The next file to read (files() when there is none left); waits while it
  // would be more than `window` files ahead of the one being printed.
  size_t claim();
  // File `i`'s output so far, when it is over kHeldPerFile: waits for its
  // turn, writes it and clears it. Later calls for `i` write at once.
  void write_early(size_t i, FileOutput& o);
  // File `i` is done: prints it if its turn has come (and the held outputs
  // of the files after it that are done), else keeps it until then.
  void done(size_t i, FileOutput o);

  size_t files() const { return files_; }

 private:
  static void write(const FileOutput& o);

  std::mutex m_;
  std::condition_variable cv_;
  size_t files_, window_;
  size_t next_ = 0;  // next file to claim
  size_t turn_ = 0;  // next file to print
  std::vector<FileOutput> held_;
  std::vector<bool> finished_ = std::vector<bool>(files_, false);
};

}  // namespace cwlf::cli
