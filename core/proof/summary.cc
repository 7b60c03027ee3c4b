// A plain-language summary of one pattern: what it matches (read from its
// top-level `&&` chain), what it excludes, and — checked with the proof
// search and the evaluator, not guessed — the events it silently never
// matches because a field compared with `!=` is missing (the seed's trap:
// IAM users and root have no `userIdentity.sessionContext`).
#include <string>
#include <vector>

#include "cwlf/i18n.h"
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
    case ConditionKind::NotExists: return say("summary.cond.missing", {{"sel", sel}});
    case ConditionKind::IsNull: return say("summary.cond.null", {{"sel", sel}});
    case ConditionKind::IsTrue: return say("summary.cond.true", {{"sel", sel}});
    case ConditionKind::IsFalse: return say("summary.cond.false", {{"sel", sel}});
    case ConditionKind::Compare: break;
  }
  const Value& v = c.value;
  std::string val = v.kind == ValueKind::String ? v.text : value_text(p, c);
  if (v.kind == ValueKind::AnyValue)
    return c.op == CompareOp::Eq ? say("summary.cond.any", {{"sel", sel}}) : say("summary.cond.nothing", {{"sel", sel}});
  if (c.op == CompareOp::Eq && v.kind == ValueKind::String && v.prefix_wildcard && v.suffix_wildcard)
    return say("summary.cond.contains", {{"sel", sel}, {"value", val}});
  if (c.op == CompareOp::Eq && v.kind == ValueKind::String && v.suffix_wildcard)
    return say("summary.cond.starts", {{"sel", sel}, {"value", val}});
  if (c.op == CompareOp::Eq && v.kind == ValueKind::String && v.prefix_wildcard)
    return say("summary.cond.ends", {{"sel", sel}, {"value", val}});
  if (c.op == CompareOp::Eq && v.kind == ValueKind::Regex) return say("summary.cond.regex", {{"sel", sel}, {"value", val}});
  if (c.op == CompareOp::Eq) return say("summary.cond.is", {{"sel", sel}, {"value", val}});
  if (c.op == CompareOp::Ne) return say("summary.cond.is-not", {{"sel", sel}, {"value", val}});
  return say("summary.cond.compare", {{"sel", sel}, {"op", compare_op_text(c.op)}, {"value", val}});
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
  std::string shown;
  for (size_t i = 0; i < values.size() && i < 4; ++i) shown += (i ? say("summary.list.sep") : "") + values[i];
  if (values.size() > 4) shown += say("summary.list.sep") + "…";
  out = say("summary.cond.one-of", {{"sel", sel}, {"count", std::to_string(values.size())}, {"values", shown}});
  return true;
}

// "a, b and c": last_sep is the language's " and " or " or ".
std::string join(const std::vector<std::string>& parts, const std::string& last_sep) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) s += i + 1 == parts.size() ? last_sep : say("summary.list.sep");
    s += parts[i];
  }
  return s;
}

std::string summarize_terms(const Pattern& p) {
  std::vector<std::string> req, opt, exc;
  for (const Term& t : p.terms) {
    std::string s = t.regex >= 0 ? say("summary.term.regex", {{"regex", t.text}}) : "\"" + t.text + "\"";
    (t.kind == TermKind::Required ? req : t.kind == TermKind::Optional ? opt : exc).push_back(s);
  }
  const std::string all = say("summary.terms.and");
  const std::string any = say("summary.list.or");
  std::string parts;
  if (!req.empty() && !exc.empty())
    parts = say("summary.terms.containing-without", {{"terms", join(req, all)}, {"excluded", join(exc, any)}});
  else if (!req.empty()) parts = say("summary.terms.containing", {{"terms", join(req, all)}});
  else if (!exc.empty()) parts = say("summary.terms.without", {{"terms", join(exc, any)}});
  else if (!opt.empty()) parts = say("summary.terms.containing", {{"terms", join(opt, any)}});
  std::string ignored;
  if (!opt.empty() && !(req.empty() && exc.empty())) ignored = say("summary.terms.ignored");
  return say("summary.terms", {{"parts", parts}, {"ignored", ignored}});
}

}  // namespace

std::string summarize_pattern(const Pattern& p) {
  switch (p.family) {
    case PatternFamily::MatchAll: return say("summary.all");
    case PatternFamily::Terms: return summarize_terms(p);
    case PatternFamily::Delimited: return say("summary.delimited", {{"count", std::to_string(p.fields.size())}});
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
    if (o.status == proof::SearchStatus::Absent) return say("summary.never");
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
      unless.push_back(say("summary.cond.is", {{"sel", selector_text(p, n)},
                                               {"value", n.value.kind == ValueKind::String ? n.value.text : value_text(p, n)}}));
      exclusions.push_back(&n);
    } else if (n.kind == ExprKind::Condition) where.push_back(describe_condition(p, n));
    else where.push_back(say("summary.cond.holds", {{"expr", std::string(detail::slice(p.text, n.span))}}));
  }
  std::string where_text = where.empty() ? "" : say("summary.json.where", {{"conditions", join(where, say("summary.where.and"))}});
  std::string unless_text;
  if (!unless.empty())
    unless_text = say(where.empty() ? "summary.json.unless-only" : "summary.json.unless",
                      {{"exclusions", join(unless, say("summary.list.or"))}});
  std::string out = say("summary.json", {{"where", where_text}, {"unless", unless_text}});
  // The trap: a field compared with `!=` must exist. Checked on a matching event with the field removed.
  for (const ExprNode* n : exclusions) {
    std::string sel = selector_text(p, *n);
    // Checked: the matching event without that field no longer matches.
    bool confirmed = false;
    if (matching)
      if (std::optional<std::string> edited = proof::remove_field(matching->message, n->selector.steps))
        confirmed = !evaluate(p, event_from_message(*edited), false).matched;
    if (!confirmed) continue;
    out += say("summary.trap", {{"sel", sel}});
    const auto& st = n->selector.steps;
    if (st.size() >= 2 && st[0].kind == StepKind::Member && st[0].name == "userIdentity" &&
        st[1].kind == StepKind::Member && st[1].name == "sessionContext")
      out += say("summary.trap.cloudtrail");
  }
  return out;
}

}  // namespace cwlf
