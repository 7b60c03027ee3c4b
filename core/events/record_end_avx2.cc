// compact_object_end() with AVX2, POPCNT and PCLMUL (record_end_blocks.h):
// only this file is built for them (CMakeLists.txt), and record_end.cc calls
// it only on CPUs that have all three.
#if defined(CWLF_AVX2_RECORD_END)
#include "record_end.h"
#include "record_end_blocks.h"

namespace cwlf {

size_t compact_object_end_avx2(const char* s, size_t from, size_t limit) { return blocks_object_end(s, from, limit); }

}  // namespace cwlf
#endif
