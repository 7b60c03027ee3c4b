// The vector loop of NeedleSet::find_in, written once for any vector width;
// included by needle_set.cc (SSE2, wasm SIMD) and needle_set_avx2.cc (AVX2,
// compiled with -mavx2). Everything here has internal linkage and uses no
// standard-library inline function, so no code compiled for AVX2 can be
// picked by the linker for a caller on a CPU without it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "needle_set.h"

namespace cwlf {
namespace {

// V: a vector type with W lanes of bytes and load/set1/eq/and_/or_/mask.
// K: the number of needles when it is small and known (so that their bytes
// and offsets stay in registers; the loop over them unrolled), 0 otherwise.
// Scans positions from `from` while the widest read stays inside [0, h).
// Returns the first position where a literal starts, counting the '\n'
// before it into *line_breaks; or h with *stop set to the first position not
// scanned (the caller finishes byte by byte).
template <class V, size_t K, size_t Z = 0>
size_t scan_vectors(const ScanNeedle* nd, size_t k, size_t max_rare, const char* s, size_t h, size_t from,
                    uint64_t* line_breaks, size_t* stop) {
  constexpr size_t kHeld = K ? K : 1;
  typename V::T b1[kHeld], b2[kHeld];
  size_t r1[kHeld], r2[kHeld];
  for (size_t j = 0; j < K; ++j) {
    r1[j] = nd[j].rare1;
    r2[j] = nd[j].rare2;
    b1[j] = V::set1(nd[j].text[r1[j]]);
    b2[j] = V::set1(nd[j].text[r2[j]]);
  }
  size_t i = from;
  const typename V::T nl = V::set1('\n');
  uint64_t breaks = 0;
  while (h >= V::W + max_rare && i <= h - V::W - max_rare) {
    const typename V::T here = V::load(s + i);
    const uint32_t nl_mask = V::mask(V::eq(here, nl));
    typename V::T any = V::zero();
    if (K) {
      for (size_t j = 0; j < K; ++j) {
        // The first Z needles' rarest byte is their first: the load already made.
        const typename V::T x = j < Z ? here : V::load(s + i + r1[j]);
        any = V::or_(any, V::and_(V::eq(x, b1[j]), V::eq(V::load(s + i + r2[j]), b2[j])));
      }
    } else {
      for (size_t j = 0; j < k; ++j) {
        const ScanNeedle& n = nd[j];
        any = V::or_(any, V::and_(V::eq(V::load(s + i + n.rare1), V::set1(n.text[n.rare1])),
                                  V::eq(V::load(s + i + n.rare2), V::set1(n.text[n.rare2]))));
      }
    }
    uint32_t m = V::mask(any);
    while (m) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctz(m));
      const size_t at = i + bit;
      for (size_t j = 0; j < k; ++j) {
        if (at + nd[j].size <= h && std::memcmp(s + at, nd[j].text, nd[j].size) == 0) {
          breaks += static_cast<uint64_t>(__builtin_popcount(nl_mask & ((1u << bit) - 1u)));
          *line_breaks += breaks;
          return at;
        }
      }
      m &= m - 1;
    }
    breaks += static_cast<uint64_t>(__builtin_popcount(nl_mask));
    i += V::W;
  }
  *line_breaks += breaks;
  *stop = i;
  return h;
}

// scan_vectors with K fixed for the usual counts (a literal or an anchor,
// plus `\u`; a few literals), and Z, how many needles (NeedleSet puts them
// first) have their rarest byte first, as `\u` and `Policy`: each is one
// load fewer a step, which under V8 made the wasm scan 1.4x faster.
template <class V, size_t K, size_t Z>
size_t scan_z(const ScanNeedle* nd, size_t k, size_t max_rare, const char* s, size_t h, size_t from,
              uint64_t* line_breaks, size_t* stop, size_t z) {
  if constexpr (Z < K) {
    if (z > Z) return scan_z<V, K, Z + 1>(nd, k, max_rare, s, h, from, line_breaks, stop, z);
  }
  return scan_vectors<V, K, Z>(nd, k, max_rare, s, h, from, line_breaks, stop);
}

template <class V>
size_t scan_any(const ScanNeedle* nd, size_t k, size_t max_rare, const char* s, size_t h, size_t from,
                uint64_t* line_breaks, size_t* stop) {
  size_t z = 0;
  while (z < k && nd[z].rare1 == 0) ++z;
  switch (k) {
    case 1: return scan_z<V, 1, 0>(nd, k, max_rare, s, h, from, line_breaks, stop, z);
    case 2: return scan_z<V, 2, 0>(nd, k, max_rare, s, h, from, line_breaks, stop, z);
    case 3: return scan_z<V, 3, 0>(nd, k, max_rare, s, h, from, line_breaks, stop, z);
    case 4: return scan_z<V, 4, 0>(nd, k, max_rare, s, h, from, line_breaks, stop, z);
    default: return scan_vectors<V, 0>(nd, k, max_rare, s, h, from, line_breaks, stop);
  }
}

}  // namespace
}  // namespace cwlf
