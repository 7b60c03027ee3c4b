// Deciding two text-term patterns (or a text-term pattern and the empty
// pattern): each term is a case-sensitive substring or unanchored %regex%
// search in the whole message, so both verdicts depend only on which terms'
// languages the message belongs to. Every combination of those languages
// that some message reaches gets one shortest message
// (core/proof/string_regions); all of them are checked with the evaluator.
#include "proof_internal.h"
#include "string_regions.h"

namespace cwlf::proof {

namespace {

constexpr size_t kMaxTextStates = 20000;

void add_terms(const Pattern& p, std::vector<StringAtom>& atoms) {
  for (const Term& t : p.terms) {
    if (t.regex >= 0 && static_cast<size_t>(t.regex) < p.regexes.size())
      atoms.push_back({StringAtom::Kind::Regex, p.regexes[static_cast<size_t>(t.regex)].body()});
    else
      atoms.push_back({StringAtom::Kind::Contains, t.text});
  }
}

}  // namespace

bool decide_text(const Pattern& a, const Pattern& b, const ProofOptions& options, SearchOutcome out[3]) {
  std::vector<StringAtom> atoms;
  add_terms(a, atoms);
  add_terms(b, atoms);
  size_t cap = std::max<size_t>(1, options.max_witnesses_per_direction);
  std::vector<std::string> keys[3];
  // Each region's shortest message is checked as soon as it is found; once
  // every kind of event has its witnesses the walk can stop (nothing is
  // left to prove absent).
  auto check = [&](const Region& r) {
    for (int want = 0; want < 3; ++want) {
      int wa = want == 1 ? 0 : 1, wb = want == 0 ? 0 : 1;  // 0: A only, 1: B only, 2: both
      if (out[want].witnesses.size() >= (want == 2 ? 1 : cap)) continue;
      Verdicts v = check_event(a, b, r.witness, wa, wb);
      if (v.a != static_cast<bool>(wa) || v.b != static_cast<bool>(wb)) continue;
      bool seen = false;
      for (const std::string& k : keys[want]) seen = seen || k == v.key;
      if (seen) continue;
      keys[want].push_back(v.key);
      out[want].witnesses.push_back({r.witness, v.a, v.b, v.reason, v.a_decided, v.b_decided, false});
    }
    return !out[0].witnesses.empty() && !out[1].witnesses.empty() && !out[2].witnesses.empty();
  };
  RegionResult regions = string_regions(atoms, kMaxTextStates, check);
  for (int want = 0; want < 3; ++want) {
    if (!out[want].witnesses.empty()) out[want].status = SearchStatus::Found;
    else if (regions.complete) out[want].status = SearchStatus::Absent;
    else {
      out[want].status = SearchStatus::Unknown;
      out[want].unknown_reason = "the text terms: " + regions.incomplete_reason;
    }
  }
  return true;
}

}  // namespace cwlf::proof
