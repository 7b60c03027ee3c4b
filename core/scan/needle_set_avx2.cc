// NeedleSet's loop with AVX2, 32 positions at a time. Built with -mavx2
// -mpopcnt (CMakeLists.txt, x86-64 only) and called only when the CPU has
// AVX2 (needle_set.cc checks).
#if defined(__AVX2__)
#include <immintrin.h>

#include "needle_scan.h"

namespace cwlf {

namespace {

struct Avx2 {
  using T = __m256i;
  static constexpr size_t W = 32;
  static T load(const char* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }
  static T set1(char c) { return _mm256_set1_epi8(c); }
  static T zero() { return _mm256_setzero_si256(); }
  static T eq(T a, T b) { return _mm256_cmpeq_epi8(a, b); }
  static T and_(T a, T b) { return _mm256_and_si256(a, b); }
  static T or_(T a, T b) { return _mm256_or_si256(a, b); }
  static uint32_t mask(T a) { return static_cast<uint32_t>(_mm256_movemask_epi8(a)); }
};

}  // namespace

size_t needle_scan_avx2(const ScanNeedle* nd, size_t k, size_t max_rare, const char* s, size_t h, size_t from,
                        uint64_t* line_breaks, size_t* stop) {
  return scan_any<Avx2>(nd, k, max_rare, s, h, from, line_breaks, stop);
}

}  // namespace cwlf
#endif
