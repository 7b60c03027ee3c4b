// Deriving the literals a matching event must contain; searching for them.
#include "prefilter.h"

#include "expr_walk.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cwlf {

namespace {

using Clause = std::vector<std::string>;  // at least one of these occurs
using Clauses = std::vector<Clause>;      // every clause holds

// A clause with more alternatives than this costs more to search than it saves.
constexpr size_t kMaxAlternatives = 64;

const Needle& unicode_escape() {
  static const Needle n("\\u");
  return n;
}

// A JSON string value equal to `s` contains the bytes of `s` unless some
// character of it is escaped. Only \uXXXX can stand for these bytes
// (handled by the `\u` check in may_match); `"`, `\`, `/` and control
// characters also have short escapes.
bool json_literal_safe(std::string_view s) {
  for (unsigned char c : s)
    if (c == '"' || c == '\\' || c == '/' || c < 0x20) return false;
  return true;
}

// The literal an equality condition requires, or empty when none is certain.
std::string required_literal(const ExprNode& n, bool json) {
  if (n.kind != ExprKind::Condition || n.condition != ConditionKind::Compare || n.op != CompareOp::Eq) return {};
  if (n.value.kind != ValueKind::String || n.value.text.empty()) return {};
  if (json && !json_literal_safe(n.value.text)) return {};
  return n.value.text;
}

size_t shortest(const Clause& c) {
  size_t m = SIZE_MAX;
  for (const std::string& s : c) m = std::min(m, s.size());
  return m;
}

// The clause most worth searching for: its shortest literal is the longest.
const Clause* best_clause(const Clauses& cs) {
  const Clause* best = nullptr;
  for (const Clause& c : cs)
    if (!best || shortest(c) > shortest(*best) || (shortest(c) == shortest(*best) && c.size() < best->size()))
      best = &c;
  return best;
}

// Clauses of an expression tree, bottom-up (walk_expr: no recursion, the
// tree's depth follows the pattern).
Clauses expr_clauses(const Pattern& p, uint32_t root, bool json) {
  if (root >= p.nodes.size()) return {};
  struct Collect : detail::TreeVisitor {
    const Pattern& p;
    bool json;
    std::vector<Clauses> result;
    Collect(const Pattern& p, bool json) : p(p), json(json), result(p.nodes.size()) {}
    void leave(uint32_t i) {
      const ExprNode& n = p.nodes[i];
      if (n.kind == ExprKind::Condition) {
        std::string lit = required_literal(n, json);
        if (!lit.empty()) result[i] = {Clause{lit}};
        return;
      }
      Clauses out;
      if (n.kind == ExprKind::And) {
        for (uint32_t c : n.operands)
          if (c < p.nodes.size()) out.insert(out.end(), result[c].begin(), result[c].end());
      } else {  // Or: one of the operands holds, so one of their clauses' literals occurs
        Clause merged;
        bool all = !n.operands.empty();
        for (uint32_t c : n.operands) {
          const Clause* b = c < p.nodes.size() ? best_clause(result[c]) : nullptr;
          if (!b) {
            all = false;
            break;
          }
          merged.insert(merged.end(), b->begin(), b->end());
        }
        std::sort(merged.begin(), merged.end());
        merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
        if (all && merged.size() <= kMaxAlternatives) out.push_back(std::move(merged));
      }
      result[i] = std::move(out);
      for (uint32_t c : n.operands)
        if (c < p.nodes.size()) Clauses().swap(result[c]);
    }
  } walk(p, json);
  detail::walk_expr(p, root, walk);
  std::vector<Clauses>& result = walk.result;
  return std::move(result[root]);
}

Clauses term_clauses(const Pattern& p) {
  Clauses out;
  bool any_plain = false;
  for (const Term& t : p.terms) any_plain = any_plain || t.kind != TermKind::Optional;
  if (any_plain) {
    for (const Term& t : p.terms)
      if (t.kind == TermKind::Required && t.regex < 0 && !t.text.empty()) out.push_back(Clause{t.text});
    return out;
  }
  Clause any;  // only ?terms: one of them occurs
  for (const Term& t : p.terms) {
    if (t.regex >= 0 || t.text.empty()) return out;
    any.push_back(t.text);
  }
  if (!any.empty() && any.size() <= kMaxAlternatives) out.push_back(std::move(any));
  return out;
}

// The longest substring of `a` that occurs in every literal.
std::string common_substring(const Clause& c) {
  if (c.empty()) return {};
  const std::string& a = *std::min_element(c.begin(), c.end(), [](auto& x, auto& y) { return x.size() < y.size(); });
  for (size_t len = a.size(); len >= 3; --len) {
    for (size_t from = 0; from + len <= a.size(); ++from) {
      std::string_view sub(a.data() + from, len);
      bool everywhere = true;
      for (const std::string& s : c)
        if (s.find(sub) == std::string::npos) {
          everywhere = false;
          break;
        }
      if (everywhere) return std::string(sub);
    }
  }
  return {};
}

}  // namespace

LiteralAlternatives::LiteralAlternatives(std::vector<std::string> literals) : literals_(std::move(literals)) {
  std::string anchor = literals_.size() > 1 ? common_substring(literals_) : std::string();
  if (!anchor.empty()) {
    for (const std::string& s : literals_) anchor_at_.push_back(s.find(anchor));
    anchor_.emplace(std::move(anchor));
  } else {
    for (const std::string& s : literals_) needles_.emplace_back(s);
  }
}

bool LiteralAlternatives::found_in(std::string_view m) const {
  if (!anchor_) {
    for (const Needle& n : needles_)
      if (n.find_in(m) != std::string_view::npos) return true;
    return false;
  }
  // Every occurrence of a literal contains the anchor at anchor_at_ into it.
  const char* base = m.data();
  size_t from = 0;
  for (;;) {
    size_t at = anchor_->find_in(m, from);
    if (at == std::string_view::npos) return false;
    for (size_t k = 0; k < literals_.size(); ++k) {
      const std::string& s = literals_[k];
      if (anchor_at_[k] > at) continue;
      size_t start = at - anchor_at_[k];
      if (start + s.size() <= m.size() && std::memcmp(base + start, s.data(), s.size()) == 0) return true;
    }
    from = at + 1;
  }
  return false;
}

std::vector<std::string> LiteralAlternatives::search_texts() const {
  if (anchor_) return {anchor_->text()};
  return literals_;
}

Prefilter::Prefilter(const Pattern& p) {
  Clauses cs;
  switch (p.family) {
    case PatternFamily::MatchAll:
      break;
    case PatternFamily::Terms:
      cs = term_clauses(p);
      break;
    case PatternFamily::Json:
      json_ = true;
      cs = expr_clauses(p, p.root, true);
      break;
    case PatternFamily::Delimited:
      // Every field's condition must hold; field values are pieces of the message.
      for (const Field& f : p.fields) {
        if (f.expr == UINT32_MAX) continue;
        Clauses c = expr_clauses(p, f.expr, false);
        cs.insert(cs.end(), c.begin(), c.end());
      }
      break;
  }
  // Search the most selective clauses first: longer literals, fewer alternatives.
  std::sort(cs.begin(), cs.end(), [](const Clause& a, const Clause& b) {
    if (shortest(a) != shortest(b)) return shortest(a) > shortest(b);
    return a.size() < b.size();
  });
  for (Clause& c : cs) clauses_.emplace_back(std::move(c));
}

std::vector<std::string> Prefilter::scan_texts() const {
  if (clauses_.empty()) return {};
  // may_match() accepts a message only if it holds `\u` (JSON) or every
  // clause, so in particular the first.
  std::vector<std::string> out = clauses_.front().search_texts();
  for (const std::string& s : out)
    if (s.empty()) return {};  // (found_in() finds an empty literal everywhere)
  if (out.empty()) return {};  // (no clause is empty; if one were, stay on the safe side)
  if (json_) out.push_back(unicode_escape().text());
  return out;
}

bool Prefilter::may_match(std::string_view m) const {
  if (clauses_.empty()) return true;
  if (json_ && unicode_escape().find_in(m) != std::string_view::npos) return true;  // any character may be escaped: full path
  for (const LiteralAlternatives& c : clauses_)
    if (!c.found_in(m)) return false;
  return true;
}

}  // namespace cwlf
