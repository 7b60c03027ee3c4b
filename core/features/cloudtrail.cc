// Naming CloudTrail records for people (cloudtrail.h): the principal and the
// headline of an event. The page's list, the file summary and the CLI used to
// each have their own copy of these rules, and they disagreed.
#include "cloudtrail.h"

#include <string_view>

namespace cwlf {

namespace {

// White space folded to single spaces and trimmed; over `max_chars`
// characters, cut to max_chars - 1 and "…" added. Reads no more of `text`
// than it needs (a message may be 1 MB).
std::string clip(std::string_view text, size_t max_chars) {
  std::string flat;
  size_t chars = 0;
  bool space = false;
  for (size_t i = 0; i < text.size() && chars <= max_chars; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !flat.empty();
      continue;
    }
    if ((c & 0xC0) != 0x80) {
      if (space) {
        flat += ' ';
        ++chars;
        space = false;
      }
      ++chars;
    }
    flat += static_cast<char>(c);
  }
  if (chars <= max_chars) return flat;
  // Keep the first max_chars - 1 characters.
  size_t kept = 0, cut = 0;
  for (; cut < flat.size(); ++cut) {
    if ((static_cast<unsigned char>(flat[cut]) & 0xC0) != 0x80 && kept++ == max_chars - 1) break;
  }
  flat.resize(cut);
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  return flat + "\u2026";
}

}  // namespace

std::string principal_of(const JsonDoc& doc) {
  if (doc.nodes.empty()) return "(no userIdentity)";
  const uint32_t identity = doc.member(0, "userIdentity");
  if (identity == kNoNode || doc.nodes[identity].type != JsonType::Object) return "(no userIdentity)";
  const uint32_t session = doc.member(identity, "sessionContext");
  const uint32_t issuer = session == kNoNode ? kNoNode : doc.member(session, "sessionIssuer");
  for (const std::string& s : {string_member(doc, issuer, "userName"), string_member(doc, identity, "userName")})
    if (!s.empty()) return s;
  const std::string type = string_member(doc, identity, "type");
  if (type == "Root") return "root";
  const std::string invoked = string_member(doc, identity, "invokedBy");
  if (!invoked.empty()) return invoked;
  const std::string arn = string_member(doc, identity, "arn");
  if (!arn.empty()) return arn.substr(arn.find_last_of("/:") + 1);
  const std::string principal_id = string_member(doc, identity, "principalId");
  if (!principal_id.empty()) return principal_id;
  return type.empty() ? "(unknown)" : type;
}

EventHeadline event_headline(const Event& event, size_t max_chars) {
  EventHeadline h;
  if (event.json && !event.json->nodes.empty() && event.json->nodes[0].type == JsonType::Object) {
    const JsonDoc& doc = *event.json;
    const std::string name = string_member(doc, 0, "eventName");
    const bool cloudtrail = doc.member(0, "eventSource") != kNoNode || doc.member(0, "userIdentity") != kNoNode;
    if (!name.empty() && cloudtrail) {
      const std::string who = doc.member(0, "userIdentity") != kNoNode ? principal_of(doc) : "";
      h.title = clip(who.empty() ? name : name + " \u00b7 " + who, max_chars);
      for (const char* part : {"eventSource", "eventTime", "errorCode"}) {
        const std::string value = string_member(doc, 0, part);
        if (value.empty()) continue;
        if (!h.detail.empty()) h.detail += " \u00b7 ";
        h.detail += value;
      }
      return h;
    }
  }
  h.title = clip(event.message, max_chars);
  return h;
}

}  // namespace cwlf
