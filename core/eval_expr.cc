// The boolean expression machinery shared by JSON patterns and the
// conditions of space-delimited fields: short-circuit evaluation of n-ary
// &&/|| trees, mirroring them in the explanation, and the reasons of the
// &&/|| nodes. Everything walks with explicit stacks.
#include "cwlf/i18n.h"
#include "eval_internal.h"

namespace cwlf::detail {

bool evaluate_expr(const Pattern& p, uint32_t root, const std::function<bool(uint32_t)>& condition,
                   std::vector<Outcome>& outcome) {
  struct Frame {
    uint32_t node;
    uint32_t next;
  };
  std::vector<Frame> stack{{root, 0}};
  bool last = false;
  while (!stack.empty()) {
    Frame f = stack.back();
    const ExprNode& n = p.nodes[f.node];
    if (n.kind == ExprKind::Condition) {
      last = condition(f.node);
      outcome[f.node] = last ? Outcome::True : Outcome::False;
      stack.pop_back();
      continue;
    }
    bool done = f.next == n.operands.size();
    if (f.next > 0) done = done || (n.kind == ExprKind::And && !last) || (n.kind == ExprKind::Or && last);
    if (done) {
      outcome[f.node] = last ? Outcome::True : Outcome::False;
      stack.pop_back();
      continue;
    }
    stack.back().next++;
    stack.push_back({n.operands[f.next], 0});
  }
  return last;
}

void mirror_expr(const Pattern& p, uint32_t root, uint32_t parent, ExplainBuilder& ex,
                 std::vector<uint32_t>& explain_of) {
  if (!ex.enabled()) return;
  std::vector<std::pair<uint32_t, uint32_t>> stack{{root, parent}};
  while (!stack.empty()) {
    auto [node, up] = stack.back();
    stack.pop_back();
    const ExprNode& n = p.nodes[node];
    ExplainKind k = n.kind == ExprKind::And  ? ExplainKind::And
                    : n.kind == ExprKind::Or ? ExplainKind::Or
                                             : ExplainKind::Condition;
    explain_of[node] = ex.add(k, n.span, up);
    // Pushed in reverse so that children are added in pattern order.
    for (size_t i = n.operands.size(); i-- > 0;) stack.push_back({n.operands[i], explain_of[node]});
  }
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
