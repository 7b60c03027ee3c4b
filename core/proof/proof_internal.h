// Private to core/proof: the value classes of JSON selectors, the bounded
// search over them, and the events built from a chosen class per selector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cwlf/proof.h"
#include "evaluate.h"
#include "pattern.h"

namespace cwlf::proof {

// One value a selector can reach, standing for a whole class of values
// that every condition on that selector treats alike.
struct Candidate {
  enum class Kind : uint8_t { Missing, Null, True, False, Number, String, Object, Array, ArrayWithNull };
  Kind kind = Kind::Missing;
  std::string text;        // String: the content; Number: the spelling
  bool from_sample = false;  // the sample event's own value at this selector
};

// A condition of pattern A (0) or B (1), by its node index.
struct CondRef {
  int pattern = 0;
  uint32_t node = 0;
};

struct SelectorSpace {
  std::vector<SelectorStep> steps;
  std::string shown;                  // as written in the pattern
  std::vector<CondRef> conds;         // every condition on this selector, in A then B
  std::vector<Candidate> candidates;  // one per class (Missing always among them)
  std::vector<std::vector<uint8_t>> truth;  // truth[candidate][cond]
  int parent = -1;                    // nearest selector whose steps are a proper prefix, or -1
  bool complete = true;
  std::string incomplete_reason;
};

struct Space {
  const Pattern* patterns[2] = {nullptr, nullptr};
  std::vector<SelectorSpace> selectors;  // prefixes before the selectors they prefix
  // per pattern: node index -> (selector, condition) or (-1, -1)
  std::vector<std::pair<int, int>> cond_of[2];
  std::string unsupported;  // set when the patterns use something the proof cannot enumerate
};

// Builds the classes of every selector the two JSON patterns read. `sample`
// (a JSON object) contributes its own values first, so that witnesses stay
// close to it.
Space build_space(const Pattern& a, const Pattern& b, const std::string* sample_json);

// Does one value of the given class satisfy the condition? (The evaluator's rules.)
bool candidate_holds(const Pattern& p, const ExprNode& cond, const Candidate& c);

// An assignment: one candidate index per selector.
using Assignment = std::vector<int>;

// The event for an assignment, as CloudWatch receives it: minimal JSON, or
// the sample with only the selectors whose class changed edited.
std::optional<std::string> build_event(const Space& space, const Assignment& as, const std::string* sample_json);

// The JSON message without the value at `steps` (nullopt if not JSON).
std::optional<std::string> remove_field(const std::string& message, const std::vector<SelectorStep>& steps);

struct Verdicts {
  bool a = false, b = false;
  std::string a_decided, b_decided;  // decisive conditions as written
  std::string reason;                // the decisive conditions' reasons on the side(s) that matter
  std::string key;                   // what tells this witness's reason apart from others
};
Verdicts check_event(const Pattern& a, const Pattern& b, const std::string& message, int want_a, int want_b);

enum class SearchStatus { Found, Absent, Unknown };

struct SearchOutcome {
  SearchStatus status = SearchStatus::Unknown;
  std::vector<Witness> witnesses;
  std::string unknown_reason;
};

// Looks for events with A's verdict `want_a` and B's `want_b`.
SearchOutcome search(const Space& space, bool want_a, bool want_b, const ProofOptions& options,
                     size_t& nodes_left);

// Text-term (and match-all) pairs: every combination of the terms' languages.
bool decide_text(const Pattern& a, const Pattern& b, const ProofOptions& options, SearchOutcome out[3]);

}  // namespace cwlf::proof
