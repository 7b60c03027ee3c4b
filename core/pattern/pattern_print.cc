// Normalised printing of a parsed pattern (pattern_print.h). The expression
// tree is walked with an explicit stack: its depth is the user's to choose.
#include "pattern_print.h"

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
  // Work items: a node to print (with or without parentheses) or literal text.
  struct Item {
    uint32_t node;
    bool parens;
    const char* literal;
  };
  std::vector<Item> stack{{root, false, nullptr}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    if (item.literal) {
      out += item.literal;
      continue;
    }
    if (item.node >= p.nodes.size()) continue;
    const ExprNode& n = p.nodes[item.node];
    if (n.kind == ExprKind::Condition) {
      print_condition(p, n, out);
      continue;
    }
    // A group inside another group always gets parentheses: that is what
    // makes the reading explicit, and it keeps `(a && b) && c` the same tree.
    if (item.parens) {
      out += '(';
      stack.push_back({0, false, ")"});
    }
    const char* joiner = n.kind == ExprKind::And ? " && " : " || ";
    for (size_t k = n.operands.size(); k-- > 0;) {
      const uint32_t child = n.operands[k];
      const bool group = child < p.nodes.size() && p.nodes[child].kind != ExprKind::Condition;
      stack.push_back({child, group, nullptr});
      if (k > 0) stack.push_back({0, false, joiner});
    }
  }
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
