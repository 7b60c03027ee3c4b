// Pitfalls that only the events show: the pattern is valid and reads as
// meant, but on *these* events it cannot do what its author expects.
#include <set>
#include <string>

#include "eval_internal.h"
#include "json_doc.h"
#include "cwlf/i18n.h"
#include "lint_internal.h"

namespace cwlf {

using namespace lint_detail;

namespace {

// The node a wildcard-free selector reaches in an event, or kNoNode.
uint32_t resolve(const JsonDoc& doc, const Selector& sel) {
  uint32_t node = doc.nodes.empty() ? kNoNode : 0;
  for (const SelectorStep& s : sel.steps) {
    if (node == kNoNode) return kNoNode;
    if (s.kind == StepKind::Member) node = doc.member(node, s.name);
    else if (s.kind == StepKind::Index) node = doc.element(node, s.index);
    else return kNoNode;
  }
  return node;
}

// "#2, #5 and 3 more"
std::string event_list(const std::vector<size_t>& indexes) {
  std::string out;
  const size_t shown = indexes.size() > 4 ? 3 : indexes.size();
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += say(i + 1 == indexes.size() ? "list.and" : "list.comma");
    out += "#" + std::to_string(indexes[i] + 1);
  }
  if (shown < indexes.size()) out += say("list.and-more", {{"count", std::to_string(indexes.size() - shown)}});
  return out;
}

std::string join(const std::set<std::string>& words) {
  std::string out;
  size_t i = 0;
  for (const std::string& w : words) {
    if (i > 0) out += say(i + 1 == words.size() ? "list.and" : "list.comma");
    out += w;
    ++i;
  }
  return out;
}

bool tested_json(const Event& e) { return !e.error && e.json && !e.json->nodes.empty(); }

// `sel != v` where some events lack `sel`: `!=` is false on a missing field
// (observed; docs/semantics.md, JSON patterns), so those events can never match through this condition.
void check_ne_missing(const Pattern& p, const SplitResult& events, std::vector<Warning>& out) {
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Condition || n.condition != ConditionKind::Compare || n.op != CompareOp::Ne) continue;
    if (ne_guarded(p, static_cast<uint32_t>(&n - p.nodes.data()))) continue;
    if (n.selector.has_wildcard()) continue;
    std::vector<size_t> missing;
    std::set<std::string> missing_types, present_types;
    size_t json = 0;
    for (size_t i = 0; i < events.events.size(); ++i) {
      const Event& e = events.events[i];
      if (!tested_json(e)) continue;
      ++json;
      const uint32_t at = resolve(*e.json, n.selector);
      const bool absent = at == kNoNode || e.json->nodes[at].type == JsonType::Null;
      const std::string type = identity_type(*e.json);
      if (absent) {
        missing.push_back(i);
        if (!type.empty()) missing_types.insert(type);
      } else if (!type.empty()) {
        present_types.insert(type);
      }
    }
    if (missing.empty()) continue;
    const std::string sel(slice(p.text, n.selector.span));
    Warning w;
    w.code = "ne-missing-field";
    const std::string how_many =
        json == 1 ? say("lint.ne-missing-field.only-event")
        : missing.size() == json
            ? say("lint.ne-missing-field.all-events", {{"total", std::to_string(json)}})
            : say("lint.ne-missing-field.some-events", {{"count", std::to_string(missing.size())}, {"total", std::to_string(json)}});
    w.message = missing_types.empty()
                    ? say("lint.ne-missing-field", {{"sel", code(sel)}, {"how_many", how_many}, {"events", event_list(missing)}})
                    : say("lint.ne-missing-field.types", {{"sel", code(sel)}, {"how_many", how_many},
                                                          {"events", event_list(missing)}, {"types", join(missing_types)}});
    w.span = n.span;
    const std::string core(slice(p.text, condition_core(n)));
    add_fix(w, p.text, say("fix.also-missing"),
            splice(p.text, n.span, "(" + core + " || " + sel + " NOT EXISTS)"));
    if (sel.rfind("$.userIdentity.", 0) == 0 && present_types.size() == 1 && !missing_types.empty() &&
        missing_types.count(*present_types.begin()) == 0) {
      const std::string& type = *present_types.begin();
      add_fix(w, p.text, say("fix.only-identity-type", {{"type", type}}),
              splice(p.text, n.span, "($.userIdentity.type != " + type + " || " + core + ")"));
    }
    out.push_back(std::move(w));
  }
}

// `= true` on a field that is a JSON boolean: it matches only the *string*
// "true" (observed; docs/semantics.md, JSON patterns); booleans need IS TRUE / IS FALSE.
void check_eq_boolean(const Pattern& p, const SplitResult& events, std::vector<Warning>& out) {
  if (p.family != PatternFamily::Json) return;
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Condition || n.condition != ConditionKind::Compare) continue;
    if (n.op != CompareOp::Eq && n.op != CompareOp::Ne) continue;
    const Value& v = n.value;
    if (v.kind != ValueKind::String || v.prefix_wildcard || v.suffix_wildcard) continue;
    if (v.text != "true" && v.text != "false") continue;
    if (n.selector.has_wildcard()) continue;
    std::vector<size_t> booleans;
    for (size_t i = 0; i < events.events.size(); ++i) {
      const Event& e = events.events[i];
      if (!tested_json(e)) continue;
      const uint32_t at = resolve(*e.json, n.selector);
      if (at != kNoNode && (e.json->nodes[at].type == JsonType::True || e.json->nodes[at].type == JsonType::False))
        booleans.push_back(i);
    }
    if (booleans.empty()) continue;
    const std::string sel(slice(p.text, n.selector.span));
    const bool want_true = (v.text == "true") == (n.op == CompareOp::Eq);
    const std::string keyword = want_true ? "IS TRUE" : "IS FALSE";
    Warning w;
    w.code = "eq-boolean";
    w.message = say(n.op == CompareOp::Ne ? "lint.eq-boolean.ne" : "lint.eq-boolean",
                    {{"sel", code(sel)}, {"events", event_list(booleans)}, {"condition", code(slice(p.text, condition_core(n)))},
                     {"value", v.text}, {"rewrite", code(sel + " " + keyword)}});
    w.span = condition_core(n);
    add_fix(w, p.text, say("fix.use-keyword", {{"keyword", keyword}}), splice(p.text, condition_core(n), sel + " " + keyword));
    out.push_back(std::move(w));
  }
}

// JSON after a text prefix (Lambda's `2024-… requestId INFO {…}`): a JSON
// pattern only looks at messages that are a JSON object as a whole.
void check_json_prefix(const Pattern& p, const SplitResult& events, std::vector<Warning>& out) {
  if (p.family != PatternFamily::Json) return;
  std::vector<size_t> prefixed;
  for (size_t i = 0; i < events.events.size(); ++i) {
    const Event& e = events.events[i];
    if (e.error || e.json) continue;
    const size_t brace = e.message.find('{');
    const size_t end = e.message.find_last_not_of(" \t\r\n");
    if (brace == std::string::npos || brace == 0 || end == std::string::npos || e.message[end] != '}') continue;
    const JsonParseResult parsed = parse_json(std::string_view(e.message).substr(brace, end + 1 - brace));
    if (!parsed.error && !parsed.doc.nodes.empty() && parsed.doc.nodes[0].type == JsonType::Object)
      prefixed.push_back(i);
  }
  if (prefixed.empty()) return;
  Warning w;
  w.code = "json-text-prefix";
  w.message = say(prefixed.size() == 1 ? "lint.json-text-prefix.one" : "lint.json-text-prefix.other",
                  {{"count", std::to_string(prefixed.size())}, {"events", event_list(prefixed)}});
  w.span = Span{0, static_cast<uint32_t>(p.text.size())};
  out.push_back(std::move(w));
}

// A space-delimited pattern whose number of fields does not fit the events.
void check_delimited_count(const Pattern& p, const SplitResult& events, std::vector<Warning>& out) {
  if (p.family != PatternFamily::Delimited || p.fields.empty()) return;
  for (const Field& f : p.fields)
    if (f.kind == FieldKind::Ellipsis) return;
  const size_t fields = p.fields.size();
  std::vector<size_t> fewer, more;
  for (size_t i = 0; i < events.events.size(); ++i) {
    const Event& e = events.events[i];
    if (e.error) continue;
    const size_t tokens = detail::delimited_token_count(e.message);
    if (tokens < fields) fewer.push_back(i);
    else if (tokens > fields) more.push_back(i);
  }
  const Span whole{0, static_cast<uint32_t>(p.text.size())};
  if (!fewer.empty()) {
    Warning w;
    w.code = "delimited-too-few";
    w.message = say("lint.delimited-too-few", {{"fields", std::to_string(fields)}, {"events", event_list(fewer)}});
    w.span = whole;
    out.push_back(std::move(w));
  }
  const Field& last = p.fields.back();
  if (!more.empty() && last.kind == FieldKind::Named && last.expr != UINT32_MAX) {
    Warning w;
    w.code = "delimited-surplus";
    w.message = say("lint.delimited-surplus",
                    {{"events", event_list(more)}, {"fields", std::to_string(fields)}, {"last", code(last.name)}});
    w.span = last.span;
    const size_t close = p.text.rfind(']');
    if (close != std::string::npos)
      add_fix(w, p.text, say("fix.add-ellipsis"), splice(p.text, Span{static_cast<uint32_t>(close), 0}, ", ..."));
    out.push_back(std::move(w));
  }
}

}  // namespace

std::vector<Warning> lint_events(const Pattern& pattern, const SplitResult& events) {
  std::vector<Warning> out;
  check_ne_missing(pattern, events, out);
  check_eq_boolean(pattern, events, out);
  check_json_prefix(pattern, events, out);
  check_delimited_count(pattern, events, out);
  return out;
}

}  // namespace cwlf
