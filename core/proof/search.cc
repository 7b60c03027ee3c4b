// The bounded search for events with given verdicts of A and B.
//
// Selectors are assigned one class at a time (prefixes first), in a
// depth-first walk with an explicit stack. After each choice both patterns
// are evaluated in three-valued logic (true / false / not yet known) over
// the conditions decided so far; a branch is cut as soon as either verdict is
// known and is not the one wanted, and closed as soon as both are known and
// wanted: its event is then built and checked with the real evaluator. Every
// consistent assignment is thus covered, most of them without being
// enumerated one by one. The walk stops after `nodes_left` choices (Unknown).
#include <algorithm>

#include "proof_internal.h"

namespace cwlf::proof {

namespace {

constexpr size_t kExtraWitnessNodes = 4000;  // search spent on further reasons after the first witness

// 0 false, 1 true, 2 not known yet.
uint8_t eval3(const Space& space, int pi, const Assignment& as) {
  const Pattern& p = *space.patterns[pi];
  if (p.root == UINT32_MAX) return 1;
  std::vector<uint8_t> value(p.nodes.size(), 2);
  struct Frame {
    uint32_t node;
    bool expanded;
  };
  std::vector<Frame> stack{{p.root, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const ExprNode& n = p.nodes[f.node];
    if (n.kind == ExprKind::Condition) {
      auto [s, c] = space.cond_of[pi][f.node];
      if (s >= 0 && as[static_cast<size_t>(s)] >= 0)
        value[f.node] = space.selectors[static_cast<size_t>(s)]
                            .truth[static_cast<size_t>(as[static_cast<size_t>(s)])][static_cast<size_t>(c)];
      continue;
    }
    if (!f.expanded) {
      stack.push_back({f.node, true});
      for (uint32_t o : n.operands) stack.push_back({o, false});
      continue;
    }
    bool is_and = n.kind == ExprKind::And;
    bool any_unknown = false, decided = false;
    for (uint32_t o : n.operands) {
      if (value[o] == 2) any_unknown = true;
      else if ((value[o] == 1) != is_and) decided = true;  // a false under &&, a true under ||
    }
    value[f.node] = decided ? (is_and ? 0 : 1) : any_unknown ? 2 : (is_and ? 1 : 0);
  }
  return value[p.root];
}

bool same_parent_path(const std::vector<SelectorStep>& x, const std::vector<SelectorStep>& y) {
  if (x.size() != y.size() || x.empty() || x.back().kind != StepKind::Index || y.back().kind != StepKind::Index)
    return false;
  for (size_t i = 0; i + 1 < x.size(); ++i) {
    if (x[i].kind != y[i].kind || x[i].name != y[i].name || x[i].index != y[i].index) return false;
  }
  return true;
}

bool consistent(const Space& space, const Assignment& as, size_t level, int cand) {
  const SelectorSpace& s = space.selectors[level];
  Candidate::Kind k = s.candidates[static_cast<size_t>(cand)].kind;
  bool present = k != Candidate::Kind::Missing;
  if (s.parent >= 0) {
    const SelectorSpace& p = space.selectors[static_cast<size_t>(s.parent)];
    Candidate::Kind pk = p.candidates[static_cast<size_t>(as[static_cast<size_t>(s.parent)])].kind;
    const SelectorStep& next = s.steps[p.steps.size()];
    bool room = (next.kind == StepKind::Member && pk == Candidate::Kind::Object) ||
                (next.kind == StepKind::Index &&
                 (pk == Candidate::Kind::Array || pk == Candidate::Kind::ArrayWithNull));
    if (present && !room) return false;
  }
  for (size_t j = 0; j < level; ++j) {
    const SelectorSpace& o = space.selectors[j];
    // One node cannot be both an object (`.name` below it) and an array (`[i]` below it).
    if (present && o.candidates[static_cast<size_t>(as[j])].kind != Candidate::Kind::Missing) {
      size_t k = 0;
      while (k < s.steps.size() && k < o.steps.size() && s.steps[k].kind == o.steps[k].kind &&
             s.steps[k].name == o.steps[k].name && s.steps[k].index == o.steps[k].index)
        ++k;
      if (k < s.steps.size() && k < o.steps.size() && s.steps[k].kind != o.steps[k].kind) return false;
    }
    // An array that has element j has every element before it.
    if (!same_parent_path(s.steps, o.steps)) continue;
    bool o_present = o.candidates[static_cast<size_t>(as[j])].kind != Candidate::Kind::Missing;
    if (present && !o_present && o.steps.back().index < s.steps.back().index) return false;
    if (!present && o_present && s.steps.back().index < o.steps.back().index) return false;
  }
  return true;
}

}  // namespace

SearchOutcome search(const Space& space, bool want_a, bool want_b, const ProofOptions& options, size_t& nodes_left) {
  SearchOutcome out;
  const size_t n = space.selectors.size();
  const std::string* sample = options.sample ? &*options.sample : nullptr;
  Assignment as(n, -1);
  std::vector<int> next(n + 1, 0);
  bool unrealized = false, truncated = false;
  std::vector<std::string> keys;
  size_t extra_left = kExtraWitnessNodes;

  auto leaf = [&](size_t level) {
    Assignment full = as;
    for (size_t j = level + 1; j < n; ++j) {
      full[j] = -1;
      for (size_t c = 0; c < space.selectors[j].candidates.size(); ++c)
        if (space.selectors[j].candidates[c].kind == Candidate::Kind::Missing) full[j] = static_cast<int>(c);
    }
    bool recorded = false;
    std::vector<const std::string*> bases{sample};
    if (sample) bases.push_back(nullptr);
    for (const std::string* base : bases) {
      if (recorded) break;
      std::optional<std::string> msg = build_event(space, full, base);
      if (!msg) continue;
      Verdicts v = check_event(*space.patterns[0], *space.patterns[1], *msg, want_a, want_b);
      if (v.a != want_a || v.b != want_b) continue;
      recorded = true;
      if (std::find(keys.begin(), keys.end(), v.key) != keys.end()) return;
      keys.push_back(v.key);
      Witness w;
      w.message = *msg;
      w.a = v.a;
      w.b = v.b;
      w.reason = v.reason;
      w.a_decided = v.a_decided;
      w.b_decided = v.b_decided;
      w.from_sample = base != nullptr;
      out.witnesses.push_back(std::move(w));
    }
    if (!recorded) unrealized = true;
  };

  if (n == 0) {
    uint8_t va = eval3(space, 0, as), vb = eval3(space, 1, as);
    if (va == want_a && vb == want_b) leaf(0);
    out.status = out.witnesses.empty() ? (unrealized ? SearchStatus::Unknown : SearchStatus::Absent) : SearchStatus::Found;
    if (out.status == SearchStatus::Unknown) out.unknown_reason = "an event of the needed shape could not be built";
    return out;
  }

  size_t level = 0;
  size_t cap = std::max<size_t>(1, options.max_witnesses_per_direction);
  if (want_a && want_b) cap = 1;
  while (true) {
    const SelectorSpace& s = space.selectors[level];
    int c = next[level];
    while (c < static_cast<int>(s.candidates.size()) && !consistent(space, as, level, c)) ++c;
    if (c >= static_cast<int>(s.candidates.size())) {
      as[level] = -1;
      next[level] = 0;
      if (level == 0) break;
      --level;
      continue;
    }
    next[level] = c + 1;
    as[level] = c;
    if (nodes_left == 0) {
      truncated = true;
      break;
    }
    --nodes_left;
    if (!out.witnesses.empty() && extra_left-- == 0) break;
    uint8_t va = eval3(space, 0, as), vb = eval3(space, 1, as);
    if ((va != 2 && va != want_a) || (vb != 2 && vb != want_b)) continue;
    if (va != 2 && vb != 2) {
      leaf(level);
      if (out.witnesses.size() >= cap) break;
      continue;
    }
    if (level + 1 == n) {  // every selector chosen yet a verdict unknown: cannot happen, but never loop
      unrealized = true;
      continue;
    }
    ++level;
    next[level] = 0;
  }
  if (!out.witnesses.empty()) {
    out.status = SearchStatus::Found;
  } else if (truncated) {
    out.unknown_reason = "the search stopped after " + std::to_string(options.max_search_nodes) +
                         " steps without covering every combination of the selectors' classes";
  } else if (unrealized) {
    out.unknown_reason = "some combinations of classes could not be turned into an event (e.g. an array "
                         "element and its array's null element)";
  } else {
    for (const SelectorSpace& sel : space.selectors)
      if (!sel.complete) {
        out.unknown_reason = sel.incomplete_reason;
        break;
      }
    out.status = out.unknown_reason.empty() ? SearchStatus::Absent : SearchStatus::Unknown;
  }
  return out;
}

}  // namespace cwlf::proof
