// Normalised printing of a parsed pattern (pattern_print.h). The expression
// tree is walked with an explicit stack: its depth is the user's to choose.
#include "pattern_print.h"

#include "expr_walk.h"

#include <string_view>
#include <vector>

namespace cwlf {

namespace {

std::string_view slice(const Pattern& p, Span s) {
  if (s.offset > p.text.size()) return {};
  return std::string_view(p.text).substr(s.offset, s.length);
}

void print_condition(const Pattern& p, const ExprNode& n, std::string& out) {
  if (p.family == PatternFamily::Json) out += slice(p, n.selector.span);
  else out += n.field_name;
  switch (n.condition) {
    case ConditionKind::Compare:
      out += ' ';
      out += compare_op_text(n.op);
      out += ' ';
      out += slice(p, n.value.span);
      break;
    case ConditionKind::IsNull: out += " IS NULL"; break;
    case ConditionKind::IsTrue: out += " IS TRUE"; break;
    case ConditionKind::IsFalse: out += " IS FALSE"; break;
    case ConditionKind::NotExists: out += " NOT EXISTS"; break;
  }
}

}  // namespace

std::string normalised_expression(const Pattern& p, uint32_t root) {
  std::string out;
  if (root >= p.nodes.size()) return out;
  // A group inside another group always gets parentheses: that is what
  // makes the reading explicit, and it keeps `(a && b) && c` the same tree.
  struct Print : detail::TreeVisitor {
    const Pattern& p;
    uint32_t root;
    std::string& out;
    Print(const Pattern& p, uint32_t root, std::string& out) : p(p), root(root), out(out) {}
    bool group(uint32_t node) const { return node != root && p.nodes[node].kind != ExprKind::Condition; }
    bool enter(uint32_t node, uint32_t) {
      const ExprNode& n = p.nodes[node];
      if (n.kind == ExprKind::Condition) print_condition(p, n, out);
      if (group(node)) out += '(';
      return true;
    }
    bool after(uint32_t node, uint32_t child) {
      const ExprNode& n = p.nodes[node];
      if (child != n.operands.back()) out += n.kind == ExprKind::And ? " && " : " || ";
      return true;
    }
    void leave(uint32_t node) {
      if (group(node)) out += ')';
    }
  } walk(p, root, out);
  detail::walk_expr(p, root, walk);
  return out;
}

std::string normalised_pattern(const Pattern& p) {
  std::string out;
  switch (p.family) {
    case PatternFamily::MatchAll:
      break;
    case PatternFamily::Terms:
      for (const Term& t : p.terms) {
        if (!out.empty()) out += ' ';
        out += slice(p, t.span);
      }
      break;
    case PatternFamily::Json:
      out = "{ " + normalised_expression(p, p.root) + " }";
      break;
    case PatternFamily::Delimited:
      out = "[";
      for (size_t i = 0; i < p.fields.size(); ++i) {
        const Field& f = p.fields[i];
        if (i > 0) out += f.kind == FieldKind::Empty ? "," : ", ";
        if (f.kind == FieldKind::Ellipsis) out += "...";
        else if (f.kind == FieldKind::Named) out += f.expr != UINT32_MAX ? normalised_expression(p, f.expr) : f.name;
      }
      out += ']';
      break;
  }
  return out;
}

}  // namespace cwlf
