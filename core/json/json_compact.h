// Private to events.cc: the compact (`jq -c`-like) form of JSON text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.h"

namespace cwlf {

constexpr uint32_t kNothingJoined = UINT32_MAX;

// Appends to `out` the bytes of text[span] with every JSON whitespace byte
// (space, tab, CR, LF) outside strings removed; everything else is copied as
// is. Records in `offset_map` a (message offset, text offset) pair wherever
// the mapping shifts (nothing when no byte was removed; `out` must be empty).
//
// Returns the text offset of the first removed whitespace run that sat between
// two "word" bytes (letters, digits, '.', '+', '-'), e.g. `1 2` or `tr ue`:
// the compact form would glue two tokens into one, so the source is invalid
// JSON even if the compact form parses. kNothingJoined otherwise.
uint32_t compact_json(std::string_view text, Span span, std::string& out,
                      std::vector<std::pair<uint32_t, uint32_t>>& offset_map);

}  // namespace cwlf
