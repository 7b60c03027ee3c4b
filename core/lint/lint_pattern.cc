// Pitfalls visible in the parsed pattern alone.
#include <cstring>
#include <string>

#include "cwlf/i18n.h"
#include "lint_internal.h"
#include "pattern_print.h"

namespace cwlf {

using namespace lint_detail;

namespace {

bool looks_like_regex(std::string_view s) { return s.size() >= 2 && s.front() == '%' && s.back() == '%'; }

// `"%abc%"`: AWS treats a quoted regex as the literal text %abc% (observed; docs/semantics.md).
void check_quoted_regex(const Pattern& p, std::vector<Warning>& out) {
  auto warn = [&](Span quoted, std::string_view body) {
    Warning w;
    w.code = "quoted-regex";
    w.message = say("lint.quoted-regex", {{"text", code(body)}});
    w.span = quoted;
    add_fix(w, p.text, say("fix.remove-quotes"), splice(p.text, quoted, body));
    out.push_back(std::move(w));
  };
  for (const Term& t : p.terms) {
    if (!t.quoted || t.regex >= 0 || !looks_like_regex(t.text)) continue;
    // The quoted part of the term: after its ?/- prefix.
    const std::string_view whole = slice(p.text, t.span);
    const size_t q = whole.find('"');
    if (q == std::string_view::npos) continue;
    warn(Span{static_cast<uint32_t>(t.span.offset + q), static_cast<uint32_t>(t.span.length - q)}, t.text);
  }
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Condition || n.condition != ConditionKind::Compare) continue;
    const Value& v = n.value;
    if (v.kind == ValueKind::String && v.quoted && !v.prefix_wildcard && !v.suffix_wildcard && looks_like_regex(v.text))
      warn(v.span, v.text);
  }
}

std::string regex_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::strchr("\\^$.|?*+()[]{}%/", c)) out += '\\';
    out += c;
  }
  return out;
}

// `Ev*ent`: a `*` inside a value is a literal star (AWS documentation; docs/semantics.md, Pitfall warnings).
void check_interior_star(const Pattern& p, std::vector<Warning>& out) {
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Condition || n.condition != ConditionKind::Compare) continue;
    const Value& v = n.value;
    if (v.kind != ValueKind::String || v.text.find('*') == std::string::npos) continue;
    Warning w;
    w.code = "interior-star";
    w.message = say("lint.interior-star", {{"value", code(slice(p.text, v.span))}});
    w.span = v.span;
    if (n.op == CompareOp::Eq || n.op == CompareOp::Ne) {
      // The same intent as a regular expression: each * becomes .*
      std::string re = v.prefix_wildcard ? "%" : "%^";
      size_t from = 0;
      for (size_t star; (star = v.text.find('*', from)) != std::string::npos; from = star + 1)
        re += regex_escape(std::string_view(v.text).substr(from, star - from)) + ".*";
      re += regex_escape(std::string_view(v.text).substr(from));
      re += v.suffix_wildcard ? "%" : "$%";
      add_fix(w, p.text, say("fix.use-regex", {{"regex", re}}), splice(p.text, v.span, re));
    }
    out.push_back(std::move(w));
  }
}

// `" "` believed to mean "everything": AWS's documentation says so, the
// service matches only messages that contain a space (observed; docs/semantics.md, Choosing the family).
void check_blank_phrase(const Pattern& p, std::vector<Warning>& out) {
  if (p.family != PatternFamily::Terms || p.terms.size() != 1) return;
  const Term& t = p.terms[0];
  if (!t.quoted || t.kind != TermKind::Required || t.text.empty() ||
      t.text.find_first_not_of(" \t") != std::string::npos)
    return;
  Warning w;
  w.code = "blank-phrase";
  w.message = say("lint.blank-phrase");
  w.span = t.span;
  add_fix(w, p.text, say("fix.empty-pattern"), "");
  out.push_back(std::move(w));
}

// `ORDER-ITEM-1` unquoted: CloudWatch accepts it, but the `-` starts an
// excluded term (ORDER -ITEM -1), so a message that contains the hyphenated
// word never matches (it contains ITEM). The parser reads it the same way;
// here the author is told. One warning per hyphenated word.
void check_hyphen_split(const Pattern& p, std::vector<Warning>& out) {
  if (p.family != PatternFamily::Terms) return;
  const auto glued = [&](size_t i) {  // term i starts with the '-' right after term i-1
    return i > 0 && p.terms[i].kind == TermKind::Excluded && p.terms[i].span.offset == p.terms[i - 1].span.end();
  };
  for (size_t first = 0; first < p.terms.size(); ++first) {
    if (glued(first) || first + 1 >= p.terms.size() || !glued(first + 1)) continue;
    size_t last = first + 1;
    while (last + 1 < p.terms.size() && glued(last + 1)) ++last;
    const Term& head = p.terms[first];
    const Span word{head.span.offset, p.terms[last].span.end() - head.span.offset};
    const size_t prefix = head.kind == TermKind::Required ? 0 : 1;
    const std::string_view bare = slice(p.text, Span{word.offset + static_cast<uint32_t>(prefix),
                                                      word.length - static_cast<uint32_t>(prefix)});
    std::string parts;
    for (size_t i = first; i <= last; ++i) parts += (i == first ? "" : " ") + code(slice(p.text, p.terms[i].span));
    Warning w;
    w.code = "hyphen-splits-term";
    w.message = say("lint.hyphen-splits-term", {{"word", code(bare)}, {"parts", parts}});
    w.span = word;
    const std::string quoted = std::string(slice(p.text, Span{word.offset, static_cast<uint32_t>(prefix)})) + "\"" +
                               std::string(bare) + "\"";
    add_fix(w, p.text, say("fix.quote-word", {{"word", code(bare, 60)}}), splice(p.text, word, quoted));
    out.push_back(std::move(w));
    first = last;
  }
}

bool parenthesised(const Pattern& p, const ExprNode& group) {
  // A group's span is widened by the parentheses written around it (parse_expr.cc).
  return !group.operands.empty() && group.span.offset < p.nodes[group.operands.front()].span.offset;
}

// `A || B && C`: && binds tighter, so a trailing `&& C` (typically an
// exclusion) guards only B, not the whole chain.
void check_precedence(const Pattern& p, std::vector<Warning>& out) {
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Or || n.operands.size() < 2) continue;
    const ExprNode& last = p.nodes[n.operands.back()];
    const ExprNode& first = p.nodes[n.operands.front()];
    const bool trailing = last.kind == ExprKind::And && !parenthesised(p, last);
    const bool leading = first.kind == ExprKind::And && !parenthesised(p, first);
    if (!trailing && !leading) continue;
    const ExprNode& group = trailing ? last : first;
    const ExprNode& guard = p.nodes[trailing ? group.operands.back() : group.operands.front()];
    // The bare chain, from its first operand to its last (the Or's own
    // parentheses, if any, stay where they are).
    const uint32_t from = p.nodes[n.operands.front()].span.offset;
    const Span chain{from, p.nodes[n.operands.back()].span.end() - from};
    Warning w;
    w.code = "precedence";
    w.message = say("lint.precedence",
                    {{"guard", code(slice(p.text, guard.span))},
                     {"operand", code(slice(p.text, p.nodes[trailing ? group.operands.front() : group.operands.back()].span))},
                     {"reading", code(normalised_expression(p, static_cast<uint32_t>(&n - p.nodes.data())), 400)}});
    w.span = group.span;
    std::string guarded;
    if (trailing) {
      const Span rest{from, p.nodes[group.operands[group.operands.size() - 2]].span.end() - from};
      guarded = "(" + std::string(slice(p.text, rest)) + ") && " + std::string(slice(p.text, guard.span));
    } else {
      const uint32_t after = p.nodes[group.operands[1]].span.offset;
      const Span rest{after, chain.end() - after};
      guarded = std::string(slice(p.text, guard.span)) + " && (" + std::string(slice(p.text, rest)) + ")";
    }
    add_fix(w, p.text, say("fix.guard-chain", {{"guard", code(slice(p.text, guard.span), 60)}}),
            splice(p.text, chain, guarded));
    add_fix(w, p.text, say("fix.explicit-parentheses"), normalised_pattern(p));
    out.push_back(std::move(w));
  }
}

// CloudTrail identity fields present only for some userIdentity.type values.
struct IdentityField {
  const char* prefix;   // selector text, or prefix ending in '.'
  const char* present;  // message id: the types that have it
  const char* absent;   // message id: the types that do not
};
const IdentityField kIdentityFields[] = {
    {"$.userIdentity.sessionContext.sessionIssuer.", "identity.session-issuer.present", "identity.session-issuer.absent"},
    {"$.userIdentity.userName", "identity.user-name.present", "identity.user-name.absent"},
    {"$.userIdentity.invokedBy", "identity.invoked-by.present", "identity.invoked-by.absent"},
    {"$.userIdentity.arn", "identity.arn.present", "identity.arn.absent"},
};

void check_identity_ne(const Pattern& p, std::vector<Warning>& out) {
  if (p.family != PatternFamily::Json) return;
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Condition || n.condition != ConditionKind::Compare || n.op != CompareOp::Ne) continue;
    if (ne_guarded(p, static_cast<uint32_t>(&n - p.nodes.data()))) continue;
    const std::string_view sel = slice(p.text, n.selector.span);
    for (const IdentityField& f : kIdentityFields) {
      const std::string_view prefix = f.prefix;
      const bool hit = prefix.back() == '.' ? sel.substr(0, prefix.size()) == prefix : sel == prefix;
      if (!hit) continue;
      Warning w;
      w.code = "ne-identity-field";
      w.message = say("lint.ne-identity-field", {{"sel", code(sel)}, {"present", say(f.present)}, {"absent", say(f.absent)}});
      w.span = n.span;
      const std::string core(slice(p.text, condition_core(n)));
      add_fix(w, p.text, say("fix.also-missing"),
              splice(p.text, n.span, "(" + core + " || " + std::string(sel) + " NOT EXISTS)"));
      out.push_back(std::move(w));
      break;
    }
  }
}

}  // namespace

std::vector<Warning> lint_pattern(const Pattern& pattern) {
  std::vector<Warning> out;
  check_blank_phrase(pattern, out);
  check_hyphen_split(pattern, out);
  check_quoted_regex(pattern, out);
  check_interior_star(pattern, out);
  check_precedence(pattern, out);
  check_identity_ne(pattern, out);
  return out;
}

}  // namespace cwlf
