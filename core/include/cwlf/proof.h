// Proofs over all events: how two filter patterns relate on every possible
// log event, with generated witness events, and a plain-language summary of
// one pattern. Every witness is checked with the real evaluator
// (evaluate.h) before it is returned. See docs/semantics.md, "Comparing two
// patterns over all events".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pattern.h"

namespace cwlf {

enum class Relation {
  Equivalent,   // the same events
  Narrower,     // A matches a strict subset of B's events
  Broader,      // A matches a strict superset of B's events
  Disjoint,     // no event matches both
  Overlapping,  // they share events and each has its own
  Unknown,      // out of reach (see ProofResult::unknown_reason)
};

struct Witness {
  std::string message;  // the event as CloudWatch receives it
  bool a = false;       // A's verdict (checked with the evaluator)
  bool b = false;       // B's verdict
  std::string reason;   // why the verdicts differ (or agree), in one sentence
  std::string a_decided;  // the sub-expressions of A that decided its verdict, as written
  std::string b_decided;
  bool from_sample = false;  // an edit of the sample event rather than minimal JSON
};

struct ProofOptions {
  std::optional<std::string> sample;  // a JSON event (e.g. a CloudTrail record) to edit into witnesses
  size_t max_search_nodes = 200000;   // bound on the search; beyond it: Unknown
  size_t max_witnesses_per_direction = 3;
};

struct ProofResult {
  Relation relation = Relation::Unknown;
  std::string sentence;        // the relation in one sentence
  std::string unknown_reason;  // set when relation is Unknown: which part and why
  std::vector<Witness> witnesses;
};

ProofResult compare_patterns(const Pattern& a, const Pattern& b, const ProofOptions& options = {});

const char* relation_name(Relation r);

// A plain-language summary of what the pattern matches, including the
// events it silently never matches because a field it compares is missing.
std::string summarize_pattern(const Pattern& pattern);

}  // namespace cwlf
