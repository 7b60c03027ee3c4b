// The boolean expression machinery shared by JSON patterns and the
// conditions of space-delimited fields: short-circuit evaluation of n-ary
// &&/|| trees, mirroring them in the explanation, and the reasons of the
// &&/|| nodes. Every walk is walk_expr() (expr_walk.h): an explicit stack.
#include "cwlf/i18n.h"
#include "eval_internal.h"
#include "expr_walk.h"

namespace cwlf::detail {

bool evaluate_expr(const Pattern& p, uint32_t root, const std::function<bool(uint32_t)>& condition,
                   std::vector<Outcome>& outcome) {
  // Short-circuit: an && stops at its first false operand, an || at its first
  // true one; the operands after it stay Skipped.
  struct Evaluate : TreeVisitor {
    const Pattern& p;
    const std::function<bool(uint32_t)>& condition;
    std::vector<Outcome>& outcome;
    bool last = false;  // the value of the node that finished last
    Evaluate(const Pattern& p, const std::function<bool(uint32_t)>& c, std::vector<Outcome>& o)
        : p(p), condition(c), outcome(o) {}
    bool enter(uint32_t node, uint32_t) {
      if (p.nodes[node].kind == ExprKind::Condition) last = condition(node);
      return true;
    }
    bool after(uint32_t node, uint32_t) {
      const ExprKind kind = p.nodes[node].kind;
      return !((kind == ExprKind::And && !last) || (kind == ExprKind::Or && last));
    }
    void leave(uint32_t node) { outcome[node] = last ? Outcome::True : Outcome::False; }
  } walk(p, condition, outcome);
  walk_expr(p, root, walk);
  return walk.last;
}

void mirror_expr(const Pattern& p, uint32_t root, uint32_t parent, ExplainBuilder& ex,
                 std::vector<uint32_t>& explain_of) {
  if (!ex.enabled()) return;
  struct Mirror : TreeVisitor {
    const Pattern& p;
    uint32_t root_parent;
    ExplainBuilder& ex;
    std::vector<uint32_t>& explain_of;
    Mirror(const Pattern& p, uint32_t up, ExplainBuilder& ex, std::vector<uint32_t>& of)
        : p(p), root_parent(up), ex(ex), explain_of(of) {}
    bool enter(uint32_t node, uint32_t parent) {
      const ExprNode& n = p.nodes[node];
      const ExplainKind k = n.kind == ExprKind::And  ? ExplainKind::And
                            : n.kind == ExprKind::Or ? ExplainKind::Or
                                                     : ExplainKind::Condition;
      explain_of[node] = ex.add(k, n.span, parent == kNoParent ? root_parent : explain_of[parent]);
      return true;
    }
  } walk(p, parent, ex, explain_of);
  walk_expr(p, root, walk);
}

namespace {

std::string operand_list_reason(const Pattern& p, const ExprNode& node, const std::vector<Outcome>& outcome) {
  size_t n = node.operands.size();
  bool is_and = node.kind == ExprKind::And;
  for (size_t i = 0; i < n; ++i) {
    Outcome o = outcome[node.operands[i]];
    std::string shown = quote_code(slice(p.text, p.nodes[node.operands[i]].span), 80);
    const bool last = i + 1 == n;
    if (is_and && o == Outcome::False) return say(last ? "explain.and.false-last" : "explain.and.false", {{"operand", shown}});
    if (!is_and && o == Outcome::True) return say(last ? "explain.or.true-last" : "explain.or.true", {{"operand", shown}});
  }
  if (is_and) return say("explain.and.all-true", {{"count", std::to_string(n)}});
  return say("explain.or.none-true", {{"count", std::to_string(n)}});
}

}  // namespace

void finish_expr(const Pattern& p, const std::vector<uint32_t>& explain_of, const std::vector<Outcome>& outcome,
                 ExplainBuilder& ex) {
  for (size_t i = 0; i < explain_of.size(); ++i) {
    ExplainNode* en = ex.at(explain_of[i]);
    if (!en) continue;
    en->outcome = outcome[i];
    if (outcome[i] == Outcome::Skipped) {
      en->found = Found::NotApplicable;
      en->found_text.clear();
      en->event_span.reset();
      en->reason = say("explain.skipped");
    } else if (p.nodes[i].kind != ExprKind::Condition) {
      en->reason = operand_list_reason(p, p.nodes[i], outcome);
    }
  }
}

}  // namespace cwlf::detail
