// A plain-language summary of one pattern: what it matches (read from its
// top-level `&&` chain), what it excludes, and — checked with the proof
// search and the evaluator, not guessed — the events it silently never
// matches because a field compared with `!=` is missing (the seed's trap:
// IAM users and root have no `userIdentity.sessionContext`).
#include <string>
#include <vector>

#include "cwlf/proof.h"
#include "eval_internal.h"
#include "proof_internal.h"

namespace cwlf {

namespace {

std::string value_text(const Pattern& p, const ExprNode& c) {
  return std::string(detail::slice(p.text, c.value.span));
}

std::string selector_text(const Pattern& p, const ExprNode& c) {
  std::string s(detail::slice(p.text, c.selector.span));
  if (s.rfind("$.", 0) == 0) s = s.substr(2);
  return "`" + s + "`";
}

std::string describe_condition(const Pattern& p, const ExprNode& c) {
  std::string sel = selector_text(p, c);
  switch (c.condition) {
    case ConditionKind::NotExists: return "there is no " + sel;
    case ConditionKind::IsNull: return sel + " is null";
    case ConditionKind::IsTrue: return sel + " is true";
    case ConditionKind::IsFalse: return sel + " is false";
    case ConditionKind::Compare: break;
  }
  const Value& v = c.value;
  std::string val = v.kind == ValueKind::String ? v.text : value_text(p, c);
  if (v.kind == ValueKind::AnyValue) return sel + (c.op == CompareOp::Eq ? " is any string or number" : " is never anything");
  if (c.op == CompareOp::Eq && v.kind == ValueKind::String && v.prefix_wildcard && v.suffix_wildcard)
    return sel + " contains " + val;
  if (c.op == CompareOp::Eq && v.kind == ValueKind::String && v.suffix_wildcard) return sel + " starts with " + val;
  if (c.op == CompareOp::Eq && v.kind == ValueKind::String && v.prefix_wildcard) return sel + " ends with " + val;
  if (c.op == CompareOp::Eq && v.kind == ValueKind::Regex) return sel + " matches " + val;
  if (c.op == CompareOp::Eq) return sel + " is " + val;
  if (c.op == CompareOp::Ne) return sel + " is not " + val;
  return sel + " " + compare_op_text(c.op) + " " + val;
}

// `sel = x || sel = y || ...` on one selector: "`sel` is one of 3 values (x, y, z)".
bool describe_one_of(const Pattern& p, const ExprNode& n, std::string& out) {
  if (n.kind != ExprKind::Or) return false;
  std::string sel;
  std::vector<std::string> values;
  for (uint32_t o : n.operands) {
    const ExprNode& c = p.nodes[o];
    if (c.kind != ExprKind::Condition || c.condition != ConditionKind::Compare || c.op != CompareOp::Eq ||
        c.value.kind == ValueKind::Regex || c.value.prefix_wildcard || c.value.suffix_wildcard)
      return false;
    std::string s = selector_text(p, c);
    if (!sel.empty() && s != sel) return false;
    sel = s;
    values.push_back(c.value.kind == ValueKind::String ? c.value.text : value_text(p, c));
  }
  out = sel + " is one of " + std::to_string(values.size()) + " values (";
  for (size_t i = 0; i < values.size() && i < 4; ++i) out += (i ? ", " : "") + values[i];
  out += values.size() > 4 ? ", …)" : ")";
  return true;
}

std::string join(const std::vector<std::string>& parts, const char* last_sep) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) s += i + 1 == parts.size() ? last_sep : ", ";
    s += parts[i];
  }
  return s;
}

std::string summarize_terms(const Pattern& p) {
  std::vector<std::string> req, opt, exc;
  for (const Term& t : p.terms) {
    std::string s = t.regex >= 0 ? "text matching %" + t.text + "%" : "\"" + t.text + "\"";
    (t.kind == TermKind::Required ? req : t.kind == TermKind::Optional ? opt : exc).push_back(s);
  }
  std::string out = "Matches messages";
  if (!req.empty()) out += " containing " + join(req, " and ");
  if (req.empty() && exc.empty() && !opt.empty()) out += " containing " + join(opt, " or ");
  if (!exc.empty()) out += std::string(req.empty() ? "" : ",") + " without " + join(exc, " or ");
  out += " (case-sensitive).";
  if (!opt.empty() && !(req.empty() && exc.empty()))
    out += " The ?-terms are ignored because the pattern has plain or - terms.";
  return out;
}

}  // namespace

std::string summarize_pattern(const Pattern& p) {
  switch (p.family) {
    case PatternFamily::MatchAll: return "Matches every event.";
    case PatternFamily::Terms: return summarize_terms(p);
    case PatternFamily::Delimited:
      return "Matches space-delimited messages with " + std::to_string(p.fields.size()) +
             " fields (the last one takes the rest of the line) whose fields meet the conditions.";
    case PatternFamily::Json: break;
  }
  // Can it match at all? The proof search answers, with a checked event.
  ProofOptions opts;
  opts.max_witnesses_per_direction = 1;
  proof::Space space = proof::build_space(p, p, nullptr);
  std::optional<Witness> matching;
  if (space.unsupported.empty()) {
    size_t nodes = opts.max_search_nodes;
    proof::SearchOutcome o = proof::search(space, true, true, opts, nodes);
    if (o.status == proof::SearchStatus::Absent) return "Never matches any event: its conditions contradict each other.";
    if (!o.witnesses.empty()) matching = o.witnesses[0];
  }
  const ExprNode& root = p.nodes[p.root];
  std::vector<uint32_t> conj = root.kind == ExprKind::And ? root.operands : std::vector<uint32_t>{p.root};
  std::vector<std::string> where, unless;
  std::vector<const ExprNode*> exclusions;
  for (uint32_t i : conj) {
    const ExprNode& n = p.nodes[i];
    std::string one;
    if (describe_one_of(p, n, one)) where.push_back(one);
    else if (n.kind == ExprKind::Condition && n.condition == ConditionKind::Compare && n.op == CompareOp::Ne &&
             n.value.kind != ValueKind::AnyValue) {
      unless.push_back(selector_text(p, n) + " is " +
                       (n.value.kind == ValueKind::String ? n.value.text : value_text(p, n)));
      exclusions.push_back(&n);
    } else if (n.kind == ExprKind::Condition) where.push_back(describe_condition(p, n));
    else where.push_back("`" + std::string(detail::slice(p.text, n.span)) + "` holds");
  }
  std::string out = "Matches JSON events";
  if (!where.empty()) out += " where " + join(where, " and ");
  if (!unless.empty()) out += std::string(where.empty() ? " " : ", ") + "unless " + join(unless, " or ");
  out += ".";
  // The trap: a field compared with `!=` must exist. Checked on a matching event with the field removed.
  for (const ExprNode* n : exclusions) {
    std::string sel = selector_text(p, *n);
    // Checked: the matching event without that field no longer matches.
    bool confirmed = false;
    if (matching)
      if (std::optional<std::string> edited = proof::remove_field(matching->message, n->selector.steps))
        confirmed = !evaluate(p, event_from_message(*edited), false).matched;
    if (!confirmed) continue;
    out += " Events without " + sel + " never match, although `!=` only meant to exclude one value: a comparison "
           "with a missing field is false.";
    const auto& st = n->selector.steps;
    if (st.size() >= 2 && st[0].kind == StepKind::Member && st[0].name == "userIdentity" &&
        st[1].kind == StepKind::Member && st[1].name == "sessionContext")
      out += " In CloudTrail that is every event of IAM users, root and AWS service callers (their events have "
             "no `userIdentity.sessionContext.sessionIssuer`).";
  }
  return out;
}

}  // namespace cwlf
