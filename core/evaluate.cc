// Dispatch to the family evaluators, and the explanation mechanics they share:
// building nodes and deciding which of them decided the verdict.
#include "evaluate.h"

#include <cstdio>
#include <cstdlib>

#include "cwlf/i18n.h"
#include "eval_internal.h"

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
// (evaluated) children. Iterative: explanation depth follows the pattern.
Explanation ExplainBuilder::finish() {
  Explanation out;
  if (!enabled_ || nodes_.empty()) return out;
  std::vector<uint32_t> stack{0};
  while (!stack.empty()) {
    uint32_t i = stack.back();
    stack.pop_back();
    ExplainNode& n = nodes_[i];
    n.decisive = true;
    bool verdict = n.outcome == Outcome::True;
    bool first_only = false;
    bool want = false;
    if ((n.kind == ExplainKind::And || n.kind == ExplainKind::Fields) && !verdict) {
      first_only = true;
      want = false;
    } else if (n.kind == ExplainKind::Or && verdict) {
      first_only = true;
      want = true;
    } else if (n.kind == ExplainKind::Terms) {
      // A false term list is decided by its first failing term; a true one by
      // every term that held (all plain and -terms, or the ?terms found).
      if (!verdict) {
        first_only = true;
        want = false;
      } else {
        for (uint32_t c : n.children)
          if (nodes_[c].outcome == Outcome::True) stack.push_back(c);
        continue;
      }
    }
    if (first_only) {
      for (uint32_t c : n.children) {
        if (nodes_[c].outcome == (want ? Outcome::True : Outcome::False)) {
          stack.push_back(c);
          break;
        }
      }
    } else {
      for (uint32_t c : n.children)
        if (nodes_[c].outcome != Outcome::Skipped) stack.push_back(c);
    }
  }
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
