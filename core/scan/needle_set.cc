#include "needle_set.h"

#include <algorithm>
#include <cstring>

#include "literal_search.h"
#include "needle_scan.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cwlf {

#ifdef CWLF_AVX2_SCAN
size_t needle_scan_avx2(const ScanNeedle* nd, size_t k, size_t max_rare, const char* s, size_t h, size_t from,
                        uint64_t* line_breaks, size_t* stop);
#endif

namespace {

#if defined(__wasm_simd128__)
// wasm SIMD directly (not through Emscripten's SSE2 header), two vectors per
// step: 32 positions a loop iteration, half the loop overhead, which under
// V8 costs as much as the compares.
struct Vec16 {
  struct T {
    v128_t lo, hi;
  };
  static constexpr size_t W = 32;
  static T load(const char* p) { return {wasm_v128_load(p), wasm_v128_load(p + 16)}; }
  static T set1(char c) { return {wasm_i8x16_splat(c), wasm_i8x16_splat(c)}; }
  static T zero() { return {wasm_i64x2_const(0, 0), wasm_i64x2_const(0, 0)}; }
  static T eq(T a, T b) { return {wasm_i8x16_eq(a.lo, b.lo), wasm_i8x16_eq(a.hi, b.hi)}; }
  static T and_(T a, T b) { return {wasm_v128_and(a.lo, b.lo), wasm_v128_and(a.hi, b.hi)}; }
  static T or_(T a, T b) { return {wasm_v128_or(a.lo, b.lo), wasm_v128_or(a.hi, b.hi)}; }
  static uint32_t mask(T a) { return wasm_i8x16_bitmask(a.lo) | (wasm_i8x16_bitmask(a.hi) << 16); }
};
#define CWLF_VEC16 1
#elif defined(__SSE2__)
struct Vec16 {
  using T = __m128i;
  static constexpr size_t W = 16;
  static T load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
  static T set1(char c) { return _mm_set1_epi8(c); }
  static T zero() { return _mm_setzero_si128(); }
  static T eq(T a, T b) { return _mm_cmpeq_epi8(a, b); }
  static T and_(T a, T b) { return _mm_and_si128(a, b); }
  static T or_(T a, T b) { return _mm_or_si128(a, b); }
  static uint32_t mask(T a) { return static_cast<uint32_t>(_mm_movemask_epi8(a)); }
};
#define CWLF_VEC16 1
#endif

#ifdef CWLF_AVX2_SCAN
bool avx2_allowed = true;  // tests turn it off to check the 16-byte loop on the same machine
bool cpu_has_avx2() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
  return has;
}
#endif

}  // namespace

void needle_set_allow_avx2_for_testing(bool allowed) {
#ifdef CWLF_AVX2_SCAN
  avx2_allowed = allowed;
#else
  (void)allowed;
#endif
}

NeedleSet::NeedleSet(std::vector<std::string> texts) {
  for (std::string& t : texts)
    if (!t.empty()) texts_.push_back(std::move(t));
  for (const std::string& t : texts_) {
    Needle n(t);  // the same choice of rare bytes as the per-message search
    needles_.push_back(ScanNeedle{t.data(), t.size(), n.rare1(), n.rare2()});
    max_rare_ = std::max({max_rare_, n.rare1(), n.rare2()});
  }
  // Those whose rarest byte is their first go first (see scan_any).
  std::stable_partition(needles_.begin(), needles_.end(), [](const ScanNeedle& n) { return n.rare1 == 0; });
}

size_t NeedleSet::find_in(std::string_view hay, size_t from, uint64_t* line_breaks) const {
  const char* s = hay.data();
  const size_t h = hay.size(), k = needles_.size();
  if (from >= h) return std::string_view::npos;
  size_t i = from;
  if (k > 0) {
    size_t at = h;
#ifdef CWLF_AVX2_SCAN
    if (avx2_allowed && cpu_has_avx2())
      at = needle_scan_avx2(needles_.data(), k, max_rare_, s, h, i, line_breaks, &i);
    else
#endif
    {
#ifdef CWLF_VEC16
      at = scan_any<Vec16>(needles_.data(), k, max_rare_, s, h, i, line_breaks, &i);
#endif
    }
    if (at != h) return at;
  }
  // The positions the vector loop cannot read far enough past, one by one.
  for (; i < h; ++i) {
    for (const ScanNeedle& n : needles_)
      if (i + n.size <= h && std::memcmp(s + i, n.text, n.size) == 0) return i;
    if (s[i] == '\n') ++*line_breaks;
  }
  return std::string_view::npos;
}

}  // namespace cwlf
