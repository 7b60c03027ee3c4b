// Metric filter emulation (metric_filter.h).
#include "metric_filter.h"
#include "cwlf/i18n.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace cwlf {

namespace {

enum class RefKind { Number, JsonSelector, NamedField, PositionalField, Invalid };

// Parses a numeric literal as CloudWatch's metricValue / defaultValue take it.
bool parse_number(const std::string& s, double& out) {
  if (s.empty() || s.size() > 100) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && errno == 0 && std::isfinite(out) &&
         s.find_first_of("xXpP") == std::string::npos && s.find("nan") == std::string::npos &&
         s.find("inf") == std::string::npos;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

RefKind kind_of(const std::string& ref) {
  double d;
  if (parse_number(ref, d)) return RefKind::Number;
  if (ref.rfind("$.", 0) == 0) return RefKind::JsonSelector;
  if (ref.size() > 1 && ref[0] == '$') return all_digits(ref.substr(1)) ? RefKind::PositionalField : RefKind::NamedField;
  return RefKind::Invalid;
}

// A `$.a.b[0]` reference as a parsed selector, through the pattern parser
// (the same rules as in a pattern). nullopt when it is not a valid selector.
std::optional<Selector> json_selector(const std::string& ref) {
  const CompileResult c = compile_pattern("{ " + ref + " = * }");
  if (!c.pattern || c.pattern->root >= c.pattern->nodes.size()) return std::nullopt;
  const ExprNode& n = c.pattern->nodes[c.pattern->root];
  if (n.kind != ExprKind::Condition) return std::nullopt;
  return n.selector;
}

std::optional<std::string> check_reference(const Pattern& p, const std::string& ref, const std::string& what) {
  const RefKind k = kind_of(ref);
  if (k == RefKind::Invalid)
    return say("metric.ref.invalid", {{"what", what}, {"ref", ref}});
  if (k == RefKind::JsonSelector) {
    if (p.family != PatternFamily::Json)
      return say("metric.ref.json-only", {{"what", what}, {"ref", ref}});
    const std::optional<Selector> sel = json_selector(ref);
    if (!sel) return say("metric.ref.bad-selector", {{"what", what}, {"ref", ref}});
    if (sel->has_wildcard()) return say("metric.ref.wildcard", {{"what", what}, {"ref", ref}});
  }
  if (k == RefKind::NamedField || k == RefKind::PositionalField) {
    if (p.family != PatternFamily::Delimited)
      return say("metric.ref.delimited-only", {{"what", what}, {"ref", ref}});
    if (k == RefKind::NamedField) {
      bool found = false;
      for (const Field& f : p.fields) found = found || (f.kind == FieldKind::Named && "$" + f.name == ref);
      if (!found) return say("metric.ref.no-field", {{"what", what}, {"ref", ref}});
    }
  }
  return std::nullopt;
}

// The text a reference reaches in an event, if any (strings: their content;
// numbers: their spelling).
std::optional<std::string> resolve(const Pattern& p, const std::string& ref, const Event& e, const EventResult& r) {
  if (ref.rfind("$.", 0) == 0) {
    if (!e.json || e.json->nodes.empty()) return std::nullopt;
    const std::optional<Selector> sel = json_selector(ref);
    if (!sel) return std::nullopt;
    const JsonDoc& doc = *e.json;
    uint32_t node = 0;
    for (const SelectorStep& s : sel->steps) {
      if (node == kNoNode) break;
      node = s.kind == StepKind::Member ? doc.member(node, s.name)
             : s.kind == StepKind::Index ? doc.element(node, s.index)
                                         : kNoNode;
    }
    if (node == kNoNode) return std::nullopt;
    const JsonNode& n = doc.nodes[node];
    if (n.type != JsonType::String && n.type != JsonType::Number) return std::nullopt;
    return std::string(doc.text(n));
  }
  (void)p;
  for (const auto& [key, value] : r.extracted)
    if (key == ref) return value;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> validate_metric(const Pattern& p, const MetricDefinition& m) {
  if (m.value.empty() || m.value.size() > 100) return say("metric.error.value-length");
  if (auto e = check_reference(p, m.value, say("metric.what.value"))) return e;
  if (m.default_value) {
    double d;
    if (!parse_number(*m.default_value, d)) return say("metric.error.default-not-number", {{"value", *m.default_value}});
  }
  if (m.dimensions.size() > 3) return say("metric.error.dimension-count");
  if (!m.dimensions.empty()) {
    if (p.family != PatternFamily::Json && p.family != PatternFamily::Delimited)
      return "InvalidParameterException: The specified filter pattern does not support dimensions. Only JSON and "
             "space-delimited patterns can have dimensions.";
    if (m.default_value)
      return say("metric.error.dimension-default");
  }
  for (size_t i = 0; i < m.dimensions.size(); ++i) {
    const auto& [name, ref] = m.dimensions[i];
    if (name.empty() || name.size() > 255 || name.find_first_not_of(" \t") == std::string::npos || name[0] == ':')
      return say("metric.error.dimension-name");
    for (size_t j = 0; j < i; ++j)
      if (m.dimensions[j].first == name) return say("metric.error.dimension-twice", {{"name", name}});
    if (kind_of(ref) == RefKind::Number)
      return say("metric.error.dimension-constant", {{"name", name}});
    if (auto e = check_reference(p, ref, say("metric.what.dimension", {{"name", name}}))) return e;
  }
  return std::nullopt;
}

Datapoint metric_for_event(const Pattern& p, const MetricDefinition& m, const Event& e, const EventResult& r) {
  Datapoint d;
  if (!r.tested) {
    d.note = say("metric.note.not-tested");
    return d;
  }
  if (!r.matched) {
    if (m.default_value) {
      parse_number(*m.default_value, d.value);
      d.kind = Datapoint::Kind::Default;
      d.value_text = *m.default_value;
      d.note = say("metric.note.default", {{"value", *m.default_value}});
    } else {
      d.note = say("metric.note.nothing");
    }
    return d;
  }
  if (kind_of(m.value) == RefKind::Number) {
    parse_number(m.value, d.value);
    d.value_text = m.value;
  } else {
    const std::optional<std::string> text = resolve(p, m.value, e, r);
    double v;
    if (!text) {
      d.note = say("metric.note.value-missing", {{"ref", m.value}});
      return d;
    }
    if (!parse_number(*text, v)) {
      d.note = say("metric.note.value-not-number", {{"ref", m.value}, {"value", *text}});
      return d;
    }
    d.value = v;
    d.value_text = *text;
  }
  d.kind = Datapoint::Kind::Value;
  std::string missing;
  for (const auto& [name, ref] : m.dimensions) {
    if (std::optional<std::string> v = resolve(p, ref, e, r)) d.dimensions.emplace_back(name, *v);
    else missing += (missing.empty() ? "" : say("list.comma")) + name;
  }
  if (!missing.empty()) d.note = say("metric.note.dimension-missing", {{"names", missing}});
  return d;
}

}  // namespace cwlf
