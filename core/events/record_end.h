// Finding where a JSON object ends without parsing it: what lets EventStream
// skip a CloudTrail record in which the bulk scan found no literal
// (EventStream::skip_records_without).
#pragma once

#include <cstddef>

namespace cwlf {

// `s[from]` is '{'. Returns one past the bracket that brings the nesting back
// to where it was (counting brackets outside strings, as EventStream does),
// if it lies before `limit` and the object is written compactly: no
// whitespace (nor control character, nor backslash) outside strings and no
// line break anywhere, so that its bytes
// are exactly its message and it spans no line. Returns 0 otherwise (the
// caller then takes the byte-by-byte path, which decides and reports).
size_t compact_object_end(const char* s, size_t from, size_t limit);

// The same, a byte at a time: the reference compact_object_end (vectorised
// where the CPU allows) is tested against.
size_t compact_object_end_bytewise(const char* s, size_t from, size_t limit);

// Tests turn the AVX2 loop off to check the SSE2 one on the same machine.
void record_end_allow_avx2_for_testing(bool allowed);

}  // namespace cwlf
