// The exclusion builder (exclusion.h).
#include "exclusion.h"
#include "cwlf/i18n.h"

#include <set>

#include "evaluate.h"
#include "pattern.h"

namespace cwlf {

namespace {

// A string member of `object`, or nullopt (an empty string is a value here:
// an exclusion can name it).
std::optional<std::string> string_at(const JsonDoc& doc, uint32_t object, std::string_view name) {
  const std::optional<std::string_view> v = string_value(doc, object, name);
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

// The value as a pattern literal: bare when it is a plain word (as AWS's
// examples write them), else double-quoted with `"` and `\` escaped.
std::string literal(std::string_view v) {
  bool plain = !v.empty();
  for (char c : v)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
  if (plain && !(v[0] >= '0' && v[0] <= '9')) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Who lacks each selector the builder uses (CloudTrail's userIdentity
// element): a message id, or "" when every identity has it.
const char* lacking(std::string_view selector) {
  if (selector.rfind("$.userIdentity.sessionContext.sessionIssuer.", 0) == 0) return "identity.session-issuer.absent";
  if (selector == "$.userIdentity.userName") return "exclusion.lacking.user-name";
  if (selector == "$.userIdentity.invokedBy") return "exclusion.lacking.invoked-by";
  if (selector == "$.userIdentity.arn") return "identity.arn.absent";
  if (selector == "$.userIdentity.principalId") return "exclusion.lacking.principal-id";
  return "";
}

std::string identity_type(const Event& e) {
  return e.json ? identity_type(*e.json) : "";
}

}  // namespace

namespace {

// Whether a JSON pattern's body is `(…) && (…) && …`: it starts with '(' and
// has no `||` outside parentheses and strings. One pass, no recursion.
bool is_conjunction(std::string_view body) {
  if (body.empty() || body[0] != '(') return false;
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && c == '|' && i + 1 < body.size() && body[i + 1] == '|') {
      return false;
    } else if (depth == 0 && c != ' ' && c != '&' && c != '\t' && c != '\r' && c != '\n') {
      return false;  // something other than `&&` between the groups
    }
  }
  return depth == 0;
}

}  // namespace

Exclusion build_exclusion(std::string_view pattern, const Event& event, const SplitResult* events, bool by_arn) {
  Exclusion x;
  if (event.error || !event.json || event.json->nodes.empty()) {
    x.error = say("exclusion.error.not-json");
    return x;
  }
  const JsonDoc& doc = *event.json;
  const uint32_t identity = doc.member(0, "userIdentity");
  if (identity == kNoNode || doc.nodes[identity].type != JsonType::Object) {
    x.error = say("exclusion.error.no-identity");
    return x;
  }
  x.identity_type = identity_type(doc);
  const uint32_t session = doc.member(identity, "sessionContext");
  const uint32_t issuer = session == kNoNode ? kNoNode : doc.member(session, "sessionIssuer");
  auto pick = [&](const char* selector, std::optional<std::string> value) {
    if (!value || !x.selector.empty()) return;
    x.selector = selector;
    x.value = *value;
  };
  if (x.identity_type == "Root") {
    pick("$.userIdentity.type", std::string("Root"));
  } else if (x.identity_type == "AWSService") {
    pick("$.userIdentity.invokedBy", string_at(doc, identity, "invokedBy"));
  } else if (x.identity_type == "IAMUser") {
    pick("$.userIdentity.userName", string_at(doc, identity, "userName"));
  }
  if (by_arn) pick("$.userIdentity.sessionContext.sessionIssuer.arn", string_at(doc, issuer, "arn"));
  pick("$.userIdentity.sessionContext.sessionIssuer.userName", string_at(doc, issuer, "userName"));
  pick("$.userIdentity.sessionContext.sessionIssuer.arn", string_at(doc, issuer, "arn"));
  pick("$.userIdentity.invokedBy", string_at(doc, identity, "invokedBy"));
  pick("$.userIdentity.arn", string_at(doc, identity, "arn"));
  pick("$.userIdentity.principalId", string_at(doc, identity, "principalId"));
  if (x.selector.empty()) {
    x.error = say("exclusion.error.no-principal");
    return x;
  }

  const CompileResult current = compile_pattern(pattern);
  if (!current.pattern) {
    x.error = say("exclusion.error.invalid-pattern");
    return x;
  }
  std::string body;
  if (current.pattern->family == PatternFamily::Json) {
    const size_t open = pattern.find('{'), close = pattern.rfind('}');
    body = std::string(pattern.substr(open + 1, close - open - 1));
    const size_t b = body.find_first_not_of(" \t\r\n"), e = body.find_last_not_of(" \t\r\n");
    body = b == std::string::npos ? "" : body.substr(b, e - b + 1);
  } else if (current.pattern->family != PatternFamily::MatchAll) {
    x.error = say("exclusion.error.not-json-pattern");
    return x;
  }
  const std::string clause = x.selector + " != " + literal(x.value);
  // A pattern that already is a conjunction of parenthesised clauses (an
  // earlier exclusion's result) is joined, not nested: {(c2) && (c1) && (A)}.
  const std::string rest = body.empty() ? "" : is_conjunction(body) ? " && " + body : " && (" + body + ")";
  x.pattern = "{(" + clause + ")" + rest + "}";
  const char* lack = lacking(x.selector);
  if (*lack) x.keeping_pattern = "{(" + clause + " || " + x.selector + " NOT EXISTS)" + rest + "}";
  const CompileResult next = compile_pattern(x.pattern);
  if (!next.pattern) {
    x.error = next.error && next.error->code == "pattern-too-long"
                  ? say("exclusion.error.too-long")
                  : say("exclusion.error.invalid-result", {{"message", next.error ? next.error->message : ""}});
    x.pattern.clear();
    x.keeping_pattern.clear();
    return x;
  }
  if (!x.keeping_pattern.empty() && !compile_pattern(x.keeping_pattern).pattern) x.keeping_pattern.clear();

  x.drops = *lack ? say("exclusion.drops", {{"selector", x.selector}, {"identities", say(lack)}})
                  : say("exclusion.drops-nothing");
  if (events) {
    std::set<std::string> types;
    for (size_t i = 0; i < events->events.size(); ++i) {
      const Event& e = events->events[i];
      if (e.error) continue;
      if (!evaluate(*current.pattern, e, false).matched || evaluate(*next.pattern, e, false).matched) continue;
      // Events by the excluded principal itself are the point, not a loss.
      if (e.json && !e.json->nodes.empty()) {
        const Exclusion same = build_exclusion("", e, nullptr, by_arn);
        if (!same.error && same.selector == x.selector && same.value == x.value) continue;
      }
      x.dropped.push_back(static_cast<uint32_t>(i));
      const std::string t = identity_type(e);
      x.dropped_types.push_back(t);
      if (!t.empty()) types.insert(t);
    }
    if (!x.dropped.empty()) {
      std::string list;
      for (size_t k = 0; k < x.dropped.size() && k < 5; ++k)
        list += (k ? say("list.comma") + "#" : "#") + std::to_string(x.dropped[k] + 1);
      if (x.dropped.size() > 5) list += say("list.and-more", {{"count", std::to_string(x.dropped.size() - 5)}});
      std::string type_list;
      for (const std::string& t : types) type_list += (type_list.empty() ? "" : say("list.comma")) + t;
      const bool one = x.dropped.size() == 1;
      const std::string count = std::to_string(x.dropped.size());
      x.drops += type_list.empty()
                     ? say(one ? "exclusion.dropped.one" : "exclusion.dropped.other", {{"count", count}, {"events", list}})
                     : say(one ? "exclusion.dropped-by.one" : "exclusion.dropped-by.other",
                           {{"count", count}, {"events", list}, {"types", type_list}});
    }
  }
  return x;
}

}  // namespace cwlf
