// Dispatch to the family evaluators, and the explanation mechanics they share:
// building nodes and deciding which of them decided the verdict.
#include "evaluate.h"

#include <cstdio>
#include <cstdlib>

#include "cwlf/i18n.h"
#include "eval_internal.h"
#include "tree_walk.h"

namespace cwlf {
namespace detail {

uint32_t ExplainBuilder::add(ExplainKind kind, Span pattern_span, uint32_t parent) {
  if (!enabled_) return UINT32_MAX;
  ExplainNode n;
  n.kind = kind;
  n.pattern_span = pattern_span;
  nodes_.push_back(std::move(n));
  uint32_t idx = static_cast<uint32_t>(nodes_.size() - 1);
  if (parent != UINT32_MAX && parent < nodes_.size()) nodes_[parent].children.push_back(idx);
  return idx;
}

// Decisiveness flows from the root: a false && is decided by its first false
// operand, a true || by its first true operand, anything else by all of its
// (evaluated) children. walk_tree: explanation depth follows the pattern.
Explanation ExplainBuilder::finish() {
  Explanation out;
  if (!enabled_ || nodes_.empty()) return out;
  // A child is visited (and so marked) only when its parent's rule picks it.
  struct Mark : TreeVisitor {
    std::vector<ExplainNode>& nodes;
    std::vector<uint32_t> decider;  // per node: deciding_child(), worked out when it is entered
    explicit Mark(std::vector<ExplainNode>& n) : nodes(n), decider(n.size(), UINT32_MAX) {}
    // The one child that decides a node, or UINT32_MAX when its rule is "every
    // evaluated child" (or, for a true term list, every term that held).
    uint32_t deciding_child(const ExplainNode& n) const {
      const bool verdict = n.outcome == Outcome::True;
      Outcome wanted;
      if ((n.kind == ExplainKind::And || n.kind == ExplainKind::Fields || n.kind == ExplainKind::Terms) && !verdict)
        wanted = Outcome::False;  // a false && (or field list, or term list): its first false operand
      else if (n.kind == ExplainKind::Or && verdict)
        wanted = Outcome::True;   // a true ||: its first true operand
      else
        return UINT32_MAX;
      for (uint32_t c : n.children)
        if (nodes[c].outcome == wanted) return c;
      return UINT32_MAX - 1;  // none: no child decides
    }
    bool picked(uint32_t child, uint32_t parent) const {
      const ExplainNode& up = nodes[parent];
      const uint32_t only = decider[parent];
      if (only != UINT32_MAX) return child == only;
      // A true term list is decided by every term that held (all plain and
      // -terms, or the ?terms found); anything else by all evaluated children.
      if (up.kind == ExplainKind::Terms) return nodes[child].outcome == Outcome::True;
      return nodes[child].outcome != Outcome::Skipped;
    }
    bool enter(uint32_t node, uint32_t parent) {
      if (parent != kNoParent && !picked(node, parent)) return false;
      nodes[node].decisive = true;
      decider[node] = deciding_child(nodes[node]);
      return true;
    }
  } mark(nodes_);
  auto children = [this](uint32_t i) -> const std::vector<uint32_t>& { return nodes_[i].children; };
  walk_tree(0, children, mark);
  out.nodes = std::move(nodes_);
  return out;
}

std::string cut(std::string_view s, size_t max_len) {
  if (s.size() <= max_len) return std::string(s);
  size_t n = max_len;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // keep UTF-8 whole
  return std::string(s.substr(0, n)) + "…";
}

std::string quote_code(std::string_view s, size_t max_len) { return "`" + cut(s, max_len) + "`"; }

std::string_view slice(std::string_view text, Span s) {
  if (s.offset > text.size()) return {};
  return text.substr(s.offset, s.length);
}

const char* outcome_word(bool b) { return b ? "true" : "false"; }

}  // namespace detail

EventResult evaluate(const Pattern& pattern, const Event& event, bool explain) {
  EventResult r;
  if (event.error) return r;
  r.tested = true;
  detail::ExplainBuilder ex(explain);
  switch (pattern.family) {
    case PatternFamily::MatchAll: {
      uint32_t root = ex.add(ExplainKind::MatchAll, Span{0, static_cast<uint32_t>(pattern.text.size())}, UINT32_MAX);
      if (auto* n = ex.at(root)) {
        n->outcome = Outcome::True;
        n->reason = say("explain.match-all");
      }
      r.matched = true;
      break;
    }
    case PatternFamily::Terms:
      r.matched = detail::evaluate_terms(pattern, event, ex);
      break;
    case PatternFamily::Json:
      r.matched = detail::evaluate_json(pattern, event, ex);
      break;
    case PatternFamily::Delimited:
      r.matched = detail::evaluate_delimited(pattern, event, ex, &r.extracted);
      break;
  }
  if (explain) r.explanation = ex.finish();
  return r;
}

}  // namespace cwlf
