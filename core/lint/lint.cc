// The pitfall checks put together (lint.h), and the helpers they share.
#include "lint.h"

#include <utility>

#include "lint_internal.h"

namespace cwlf {

namespace lint_detail {

std::string_view slice(std::string_view text, Span s) {
  if (s.offset > text.size()) return {};
  return text.substr(s.offset, s.length);
}

std::string splice(std::string_view text, Span s, std::string_view with) {
  std::string out;
  if (s.offset > text.size()) return std::string(text);
  out.reserve(text.size() + with.size());
  out.append(text.substr(0, s.offset));
  out.append(with);
  if (s.end() < text.size()) out.append(text.substr(s.end()));
  return out;
}

void add_fix(Warning& w, std::string_view original, std::string label, std::string pattern) {
  if (pattern == original) return;
  for (const LintFix& f : w.fixes)
    if (f.pattern == pattern) return;
  if (!compile_pattern(pattern).pattern) return;
  w.fixes.push_back({std::move(label), std::move(pattern)});
}

std::string code(std::string_view text, size_t max_len) {
  std::string s(text);
  if (s.size() > max_len) {
    size_t cut = max_len;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return "`" + s + "`";
}

Span condition_core(const ExprNode& n) {
  const uint32_t start = n.selector.span.length ? n.selector.span.offset : n.op_span.offset;
  uint32_t end = n.span.end();
  if (n.condition == ConditionKind::Compare) end = n.value.span.end();
  if (n.selector.span.length == 0) return n.span;  // delimited: the field name has no span of its own
  return Span{start, end > start ? end - start : 0};
}

bool ne_guarded(const Pattern& p, uint32_t node) {
  const std::string_view sel = slice(p.text, p.nodes[node].selector.span);
  for (const ExprNode& parent : p.nodes) {
    if (parent.kind != ExprKind::Or) continue;
    bool holds = false;
    for (uint32_t o : parent.operands) holds = holds || o == node;
    if (!holds) continue;
    for (uint32_t o : parent.operands) {
      const ExprNode& s = p.nodes[o];
      if (s.kind != ExprKind::Condition) continue;
      const std::string_view other = slice(p.text, s.selector.span);
      if (s.condition == ConditionKind::NotExists && other == sel) return true;
      if (other == "$.userIdentity.type") return true;
    }
  }
  return false;
}

size_t char_count(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace lint_detail

std::vector<Warning> lint(std::string_view text, const CompileResult& compiled, const SplitResult* events) {
  std::vector<Warning> out = lint_text(text, compiled);
  if (compiled.pattern) {
    std::vector<Warning> more = events ? lint_events(*compiled.pattern, *events) : std::vector<Warning>{};
    std::vector<Warning> tree = lint_pattern(*compiled.pattern);
    // The identity-type warning on a `!=` is left out when the events already
    // showed the field missing (that warning says more).
    for (Warning& w : tree) {
      bool dup = false;
      for (const Warning& m : more)
        if (m.span == w.span && w.code == "ne-identity-field" && m.code == "ne-missing-field") dup = true;
      if (!dup) out.push_back(std::move(w));
    }
    for (Warning& w : more) out.push_back(std::move(w));
  }
  return out;
}

}  // namespace cwlf
