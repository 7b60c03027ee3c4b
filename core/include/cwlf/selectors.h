// The fields a pattern reads: the selectors of a JSON pattern, in the order
// written (a selector written twice is listed twice). Text-term and
// space-delimited patterns read the whole message and have none.
//
// The page uses this to keep those fields intact when it redacts events,
// and to keep only them when it shortens a share link (web/shorten.js).
#pragma once

#include <string>
#include <vector>

#include "pattern.h"

namespace cwlf {

struct ReadField {
  std::string text;                 // as written in the pattern, e.g. `$.a.['b.c'][0]`
  std::vector<SelectorStep> steps;  // what it walks through
};

std::vector<ReadField> fields_read(const Pattern& pattern);

}  // namespace cwlf
