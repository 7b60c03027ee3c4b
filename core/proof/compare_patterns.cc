// The entry point of the proof engine: which family pairs are decided and
// how; the relation derived from the three searches (an event A matches and
// B does not; B and not A; both). A relation is claimed only from witnesses
// the evaluator confirmed and from searches that covered every class.
#include "cwlf/i18n.h"
#include "cwlf/proof.h"

#include "events.h"
#include "proof_internal.h"

namespace cwlf::proof {
namespace {

// The sample as CloudWatch would receive it: the first JSON event of the text.
std::optional<std::string> sample_message(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  SplitResult split = split_events(*text);
  for (const Event& e : split.events)
    if (e.json) return e.message;
  return std::nullopt;
}

Relation derive(const SearchOutcome out[3], std::string& why) {
  auto found = [&](int i) { return out[i].status == SearchStatus::Found; };
  auto absent = [&](int i) { return out[i].status == SearchStatus::Absent; };
  if (absent(0) && absent(1)) return Relation::Equivalent;
  if (absent(0) && found(1)) return Relation::Narrower;
  if (absent(1) && found(0)) return Relation::Broader;
  if (found(0) && found(1) && found(2)) return Relation::Overlapping;
  if (found(0) && found(1) && absent(2)) return Relation::Disjoint;
  for (int i = 0; i < 3; ++i)
    if (out[i].status == SearchStatus::Unknown) {
      why = out[i].unknown_reason;
      break;
    }
  return Relation::Unknown;
}

std::string sentence(Relation r, const std::string& why) {
  switch (r) {
    case Relation::Equivalent: return say("compare.equivalent");
    case Relation::Narrower: return say("compare.narrower");
    case Relation::Broader: return say("compare.broader");
    case Relation::Disjoint: return say("compare.disjoint");
    case Relation::Overlapping: return say("compare.overlapping");
    case Relation::Unknown: return say("compare.unknown", {{"why", why}});
  }
  return "";
}

// The empty pattern (index `all` of the pair) against a JSON pattern: it
// matches every event, so the JSON side has no event of its own; a line that
// is not JSON is the empty pattern's own; the JSON side's own matching event
// (if any) is shared.
void decide_match_all_vs_json(const Pattern* pair[2], int all, const ProofOptions& opts, SearchOutcome out[3]) {
  const Pattern& json = *pair[1 - all];
  int own = all == 0 ? 0 : 1, other = 1 - own;
  out[other].status = SearchStatus::Absent;
  Verdicts v = check_event(*pair[0], *pair[1], "not JSON", all == 0, all == 1);
  if (v.a == (all == 0) && v.b == (all == 1)) {
    out[own].status = SearchStatus::Found;
    out[own].witnesses.push_back({"not JSON", v.a, v.b, v.reason, v.a_decided, v.b_decided, false});
  }
  Space space = build_space(json, json, nullptr);
  if (!space.unsupported.empty()) {
    out[2].unknown_reason = space.unsupported;
    return;
  }
  size_t nodes = opts.max_search_nodes;
  SearchOutcome both = search(space, true, true, opts, nodes);
  for (Witness& w : both.witnesses) {
    Verdicts c = check_event(*pair[0], *pair[1], w.message, 1, 1);
    w = {w.message, c.a, c.b, c.reason, c.a_decided, c.b_decided, false};
  }
  out[2] = std::move(both);
}

bool text_like(const Pattern& p) { return p.family == PatternFamily::Terms || p.family == PatternFamily::MatchAll; }

}  // namespace
}  // namespace cwlf::proof

namespace cwlf {

const char* relation_name(Relation r) {
  switch (r) {
    case Relation::Equivalent: return "equivalent";
    case Relation::Narrower: return "narrower";
    case Relation::Broader: return "broader";
    case Relation::Disjoint: return "disjoint";
    case Relation::Overlapping: return "overlapping";
    case Relation::Unknown: return "unknown";
  }
  return "unknown";
}

ProofResult compare_patterns(const Pattern& a, const Pattern& b, const ProofOptions& options) {
  using namespace proof;
  ProofResult result;
  SearchOutcome out[3];
  ProofOptions opts = options;
  opts.sample = sample_message(options.sample);
  std::string why;
  bool a_json = a.family == PatternFamily::Json, b_json = b.family == PatternFamily::Json;
  if (text_like(a) && text_like(b)) {
    decide_text(a, b, opts, out);
  } else if ((a.family == PatternFamily::MatchAll && b_json) || (a_json && b.family == PatternFamily::MatchAll)) {
    const Pattern* pair[2] = {&a, &b};
    decide_match_all_vs_json(pair, a_json ? 1 : 0, opts, out);
  } else if (a_json && b_json) {
    Space space = build_space(a, b, opts.sample ? &*opts.sample : nullptr);
    if (!space.unsupported.empty()) {
      why = space.unsupported;
      for (auto& o : out) o.unknown_reason = why;
    } else {
      size_t nodes_left = opts.max_search_nodes;
      const bool wants[3][2] = {{true, false}, {false, true}, {true, true}};
      for (int i = 0; i < 3; ++i) out[i] = search(space, wants[i][0], wants[i][1], opts, nodes_left);
    }
  } else {
    for (auto& o : out)
      o.unknown_reason = std::string("comparing a ") + family_name(a.family) + " pattern with a " +
                         family_name(b.family) + " pattern is not decided yet";
  }
  result.relation = derive(out, why);
  result.unknown_reason = result.relation == Relation::Unknown ? why : "";
  result.sentence = sentence(result.relation, why);
  for (auto& o : out)
    for (Witness& w : o.witnesses) result.witnesses.push_back(std::move(w));
  return result;
}

}  // namespace cwlf
