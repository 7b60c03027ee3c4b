// Evaluating a JSON pattern `{ ... }` against one event, with reasons.
//
// Rules (docs/semantics.md, JSON patterns): the message must be a JSON object; a condition holds
// only when its selector reaches a value of the kind the operator reads
// (strings and numbers for comparisons, even `!=`; booleans for IS TRUE/FALSE;
// null, or an array holding null, for IS NULL); NOT EXISTS holds when the
// path reaches nothing (a missing key, or null/scalar on the way); wildcard
// selectors are existential.
#include <string>
#include <vector>

#include "cwlf/i18n.h"
#include "eval_internal.h"

namespace cwlf::detail {

namespace {

struct Resolution {
  std::vector<uint32_t> nodes;  // what the selector reached
  // For selectors without a wildcard that reached nothing: the first step
  // that failed, and the node it was applied to.
  size_t failed_step = 0;
  uint32_t failed_at = kNoNode;
};

Resolution resolve(const JsonDoc& doc, const Selector& sel) {
  Resolution r;
  std::vector<uint32_t> cur{0}, next;
  for (size_t s = 0; s < sel.steps.size(); ++s) {
    const SelectorStep& step = sel.steps[s];
    next.clear();
    for (uint32_t n : cur) {
      const JsonNode& node = doc.nodes[n];
      switch (step.kind) {
        case StepKind::Member: {
          uint32_t m = doc.member(n, step.name);
          if (m != kNoNode) next.push_back(m);
          break;
        }
        case StepKind::Index: {
          uint32_t m = doc.element(n, step.index);
          if (m != kNoNode) next.push_back(m);
          break;
        }
        case StepKind::Wildcard:
          if (node.type == JsonType::Object || node.type == JsonType::Array)
            for (uint32_t c = node.first_child; c != kNoNode; c = doc.nodes[c].next_sibling) next.push_back(c);
          break;
      }
    }
    if (next.empty()) {
      r.failed_step = s;
      r.failed_at = cur.size() == 1 ? cur[0] : kNoNode;
      return r;
    }
    cur.swap(next);
  }
  r.nodes = std::move(cur);
  return r;
}

bool array_holds_null(const JsonDoc& doc, const JsonNode& n) {
  for (uint32_t c = n.first_child; c != kNoNode; c = doc.nodes[c].next_sibling)
    if (doc.nodes[c].type == JsonType::Null) return true;
  return false;
}

// Does one reached value satisfy the condition?
bool holds(const Pattern& p, const ExprNode& cond, const JsonDoc& doc, uint32_t n) {
  const JsonNode& node = doc.nodes[n];
  switch (cond.condition) {
    case ConditionKind::IsNull:
      return node.type == JsonType::Null || (node.type == JsonType::Array && array_holds_null(doc, node));
    case ConditionKind::IsTrue:
      return node.type == JsonType::True;
    case ConditionKind::IsFalse:
      return node.type == JsonType::False;
    case ConditionKind::NotExists:
      return false;  // something was reached
    case ConditionKind::Compare:
      if (node.type != JsonType::String && node.type != JsonType::Number) return false;
      return compare_scalar(p, cond, doc.text(node), node.type == JsonType::Number);
  }
  return false;
}

Found found_kind(JsonType t) {
  switch (t) {
    case JsonType::Null: return Found::Null;
    case JsonType::True:
    case JsonType::False: return Found::Boolean;
    case JsonType::Number: return Found::Number;
    case JsonType::String: return Found::String;
    case JsonType::Array: return Found::Array;
    case JsonType::Object: return Found::Object;
  }
  return Found::Missing;
}

// The operator and value as written: "!= cm-policymaintainer", "IS NULL".
std::string condition_tail(const Pattern& p, const ExprNode& c) {
  std::string_view text = p.text;
  if (c.condition == ConditionKind::Compare)
    return std::string(compare_op_text(c.op)) + " " + std::string(slice(text, c.value.span));
  uint32_t from = c.selector.span.end(), to = c.span.end();
  std::string_view t = from <= to && to <= text.size() ? text.substr(from, to - from) : std::string_view{};
  while (!t.empty() && (t.back() == ')' || t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r'))
    t.remove_suffix(1);
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n' || t.front() == '\r')) t.remove_prefix(1);
  return std::string(t);
}

std::string describe_value(const JsonDoc& doc, const JsonNode& n) {
  switch (n.type) {
    case JsonType::Null: return say("value.null");
    case JsonType::True: return say("value.true");
    case JsonType::False: return say("value.false");
    case JsonType::Number: return say("value.number", {{"value", quote_code(doc.text(n))}});
    case JsonType::String: return say("value.string", {{"value", quote_code(doc.text(n))}});
    case JsonType::Array: return say("value.array");
    case JsonType::Object: return say("value.object");
  }
  return "";
}

// For the seed's trap: say which kind of principal made a CloudTrail event.
std::string identity_hint(const JsonDoc& doc, const Selector& sel) {
  if (sel.steps.empty() || sel.steps[0].kind != StepKind::Member || sel.steps[0].name != "userIdentity") return "";
  const std::string type = identity_type(doc);
  if (type.empty()) return "";
  return say("explain.identity-hint", {{"type", quote_code(type, 40)}});
}

std::string missing_reason(const Pattern& p, const ExprNode& c, const JsonDoc& doc, const Resolution& r,
                           const std::string& sel, const std::string& tail) {
  std::string where;
  if (!c.selector.has_wildcard() && r.failed_at != kNoNode && r.failed_step < c.selector.steps.size()) {
    const JsonNode& at = doc.nodes[r.failed_at];
    const SelectorStep& step = c.selector.steps[r.failed_step];
    std::string prefix = r.failed_step == 0 ? say("explain.the-event") : quote_code(slice(p.text, Span{c.selector.span.offset,
                                                                  step.span.offset - c.selector.span.offset}));
    if (at.type == JsonType::Null)
      where = say("explain.where.null", {{"prefix", prefix}});
    else if (step.kind == StepKind::Member && at.type == JsonType::Object)
      where = say("explain.where.no-member", {{"prefix", prefix}, {"name", quote_code(step.name, 60)}});
    else if (step.kind == StepKind::Index && at.type == JsonType::Array)
      where = say("explain.where.few-elements", {{"prefix", prefix}, {"count", std::to_string(at.child_count)}});
    else
      where = say("explain.where.is", {{"prefix", prefix}, {"value", describe_value(doc, at)}});
  }
  std::string hint = identity_hint(doc, c.selector);
  switch (c.condition) {
    case ConditionKind::NotExists:
      return say("explain.missing.not-exists", {{"sel", sel}, {"where", where}});
    case ConditionKind::Compare:
      if (c.op == CompareOp::Ne)
        return say("explain.missing.ne", {{"sel", sel}, {"where", where}, {"hint", hint}});
      return say("explain.missing.compare", {{"sel", sel}, {"where", where}, {"hint", hint}, {"tail", quote_code(tail)}});
    default:
      return say("explain.missing.compare", {{"sel", sel}, {"where", where}, {"hint", ""}, {"tail", quote_code(tail)}});
  }
}

std::string value_reason(const ExprNode& c, const JsonDoc& doc, const JsonNode& n, bool ok,
                         const std::string& sel, const std::string& tail) {
  const std::string value = describe_value(doc, n);
  const std::string quoted_tail = quote_code(tail);
  const std::string outcome = say(ok ? "word.true" : "word.false");
  auto verdict = [&](const char* id) {
    return say(id, {{"sel", sel}, {"value", value}, {"tail", quoted_tail}, {"outcome", outcome}});
  };
  switch (c.condition) {
    case ConditionKind::NotExists:
      return say("explain.value.exists", {{"sel", sel}, {"value", value}});
    case ConditionKind::IsNull:
      if (n.type == JsonType::Array)
        return verdict(ok ? "explain.value.array-with-null" : "explain.value.array-without-null");
      return verdict("explain.value.verdict");
    case ConditionKind::IsTrue:
    case ConditionKind::IsFalse:
      if (n.type == JsonType::String && (doc.text(n) == "true" || doc.text(n) == "false"))
        return verdict("explain.value.string-not-boolean");
      return verdict("explain.value.verdict");
    case ConditionKind::Compare:
      break;
  }
  switch (n.type) {
    case JsonType::Null:
      return say("explain.value.null-compare", {{"sel", sel}});
    case JsonType::True:
    case JsonType::False:
      return say("explain.value.boolean-compare", {{"sel", sel}, {"value", value}, {"tail", quoted_tail}});
    case JsonType::Object:
    case JsonType::Array:
      return say("explain.value.not-scalar", {{"sel", sel}, {"value", value}, {"tail", quoted_tail}});
    case JsonType::String:
      if (c.op != CompareOp::Eq && c.op != CompareOp::Ne)
        return say("explain.value.string-ordered",
                   {{"sel", sel}, {"value", value}, {"op", compare_op_text(c.op)}, {"tail", quoted_tail}});
      if (c.value.kind == ValueKind::Number && !ok && c.op == CompareOp::Eq)
        return say("explain.value.string-vs-number", {{"sel", sel}, {"value", value}, {"number", quote_code(c.value.text)},
                                                      {"tail", quoted_tail}, {"outcome", outcome}});
      return verdict("explain.value.verdict");
    case JsonType::Number:
      return verdict("explain.value.verdict");
  }
  return verdict("explain.value.verdict");
}

// Evaluates one condition, filling its explanation node when explaining.
bool eval_condition(const Pattern& p, const ExprNode& c, const Event& e, ExplainNode* out) {
  const JsonDoc& doc = *e.json;
  Resolution r = resolve(doc, c.selector);
  bool result = false;
  uint32_t decided_by = kNoNode;
  if (r.nodes.empty()) {
    result = c.condition == ConditionKind::NotExists;
  } else {
    for (uint32_t n : r.nodes)
      if (holds(p, c, doc, n)) {
        result = true;
        decided_by = n;
        break;
      }
  }
  if (!out) return result;

  std::string sel = quote_code(slice(p.text, c.selector.span));
  std::string tail = condition_tail(p, c);
  if (r.nodes.empty()) {
    out->found = Found::Missing;
    out->reason = missing_reason(p, c, doc, r, sel, tail);
    return result;
  }
  uint32_t shown = decided_by != kNoNode ? decided_by : r.nodes[0];
  const JsonNode& n = doc.nodes[shown];
  out->found = found_kind(n.type);
  out->found_text = n.type == JsonType::String || n.type == JsonType::Number ? cut(doc.text(n))
                    : n.type == JsonType::True                               ? "true"
                    : n.type == JsonType::False                              ? "false"
                    : n.type == JsonType::Null                               ? "null"
                                                                             : "";
  out->event_span = e.source_span(n.span);
  if (r.nodes.size() > 1) {
    std::string count = std::to_string(r.nodes.size());
    if (result)
      out->reason = say("explain.wildcard.true",
                        {{"sel", sel}, {"count", count}, {"value", describe_value(doc, n)}, {"tail", quote_code(tail)}});
    else
      out->reason = say("explain.wildcard.false", {{"sel", sel}, {"count", count}, {"tail", quote_code(tail)}});
  } else {
    out->reason = value_reason(c, doc, n, result, sel, tail);
  }
  return result;
}

}  // namespace

bool evaluate_json(const Pattern& p, const Event& e, ExplainBuilder& ex) {
  // Mirror the pattern's tree in the explanation (every node, even those
  // short-circuit skips). The explanation's root (node 0) is the pattern's
  // root, or a NotJson node above it when the event is not a JSON object.
  std::vector<uint32_t> explain_of(ex.enabled() ? p.nodes.size() : 0, UINT32_MAX);
  uint32_t top = UINT32_MAX;
  if (!e.json && ex.enabled()) {
    top = ex.add(ExplainKind::NotJson, Span{0, static_cast<uint32_t>(p.text.size())}, UINT32_MAX);
    ExplainNode* nj = ex.at(top);
    nj->outcome = Outcome::False;
    nj->found = Found::Text;
    nj->found_text = cut(e.message, 80);
    size_t brace = e.message.find('{');
    nj->reason = say(brace != std::string::npos && brace > 0 ? "explain.not-json.prefix" : "explain.not-json");
  }
  mirror_expr(p, p.root, top, ex, explain_of);
  std::vector<Outcome> outcome(p.nodes.size(), Outcome::Skipped);
  bool result = false;
  if (e.json) {
    result = evaluate_expr(
        p, p.root,
        [&](uint32_t i) { return eval_condition(p, p.nodes[i], e, ex.enabled() ? ex.at(explain_of[i]) : nullptr); },
        outcome);
  }
  finish_expr(p, explain_of, outcome, ex);
  return result;
}

}  // namespace cwlf::detail
