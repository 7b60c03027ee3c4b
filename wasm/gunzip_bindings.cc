// Gunzip: the page's .gz reader inflates in wasm (core/gunzip), 4-5x faster
// than the browser's DecompressionStream on CloudTrail files
// (bench/page_inflate.mjs). Whole files, within the caller's limit:
//   const g = new cwlf.Gunzip();
//   cwlf.HEAPU8.set(bytes, g.reserve(bytes.length));
//   const error = g.inflate(bytes.length, maxOut);  // "" or the reason, in the page's language
//   cwlf.HEAPU8.subarray(g.output(), g.output() + g.size());  // until the next call
//   g.delete();
// tooLarge() tells a file past the limit from a broken one, so that the page
// can read that file as a stream instead.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cwlf/gunzip.h"

namespace {

class Gunzip {
 public:
  uintptr_t reserve(size_t n) {
    in_.resize(n);
    return reinterpret_cast<uintptr_t>(in_.data());
  }
  std::string inflate(size_t n, double max_out) {
    if (n > in_.size()) n = in_.size();
    const size_t limit = max_out > 0 && max_out < 1e15 ? static_cast<size_t>(max_out) : 0;
    const cwlf::GunzipResult r = cwlf::gunzip(in_.data(), n, out_, limit);
    std::vector<uint8_t>().swap(in_);  // the compressed copy is not needed any more
    status_ = r.status;
    if (r.status == cwlf::GunzipStatus::Ok) return "";
    if (r.status == cwlf::GunzipStatus::TooLarge) out_.clear();
    return cwlf::gunzip_reason(r);
  }
  bool too_large() const { return status_ == cwlf::GunzipStatus::TooLarge; }
  uintptr_t output() const { return reinterpret_cast<uintptr_t>(out_.data()); }
  size_t size() const { return out_.size(); }

 private:
  std::vector<uint8_t> in_, out_;
  cwlf::GunzipStatus status_ = cwlf::GunzipStatus::Ok;
};

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_gunzip) {
  emscripten::class_<Gunzip>("Gunzip")
      .constructor<>()
      .function("reserve", &Gunzip::reserve)
      .function("inflate", &Gunzip::inflate)
      .function("tooLarge", &Gunzip::too_large)
      .function("output", &Gunzip::output)
      .function("size", &Gunzip::size);
}
