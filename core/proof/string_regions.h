// The regions of the string space cut out by a set of string "atoms" (exact
// values, prefix/suffix/contains wildcards, %regex% searches, the JSON number
// grammar): for every combination of atoms that some string satisfies, one
// shortest such string. The proof engine (core/proof) uses it to find a
// representative value for every class a selector's string can fall in.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cwlf::proof {

struct StringAtom {
  enum class Kind { Exact, Prefix, Suffix, Contains, Regex, JsonNumber };
  Kind kind = Kind::Exact;
  std::string text;  // the literal, or the regex body
};

struct Region {
  std::vector<bool> accepts;  // per atom: does `witness` satisfy it
  std::string witness;        // a shortest string (UTF-8) in this region
};

struct RegionResult {
  std::vector<Region> regions;  // in order of discovery (shortest witnesses first)
  bool complete = false;        // every reachable region was found
  std::string incomplete_reason;
};

// Explores the product of the atoms' automata breadth-first, up to
// `max_states` product states. `enough`, when given, is called with each
// new region and may end the walk early (the result is then incomplete).
RegionResult string_regions(const std::vector<StringAtom>& atoms, size_t max_states,
                            const std::function<bool(const Region&)>& enough = nullptr);

// Does `text` satisfy the atom (the same semantics the regions use)? For tests.
bool atom_accepts(const StringAtom& atom, std::string_view text);

}  // namespace cwlf::proof
