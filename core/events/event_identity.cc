// Event identities: how an expectation saved with a test finds its event
// again after events were inserted, deleted, reordered or re-indented
// (docs/suite-format.md, version 2). The page and `cwlf test --suite` both
// call this, so they agree on which event an expectation belongs to.
#include <unordered_map>

#include "cwlf/workbench.h"

namespace cwlf {

namespace {

// The top-level string "eventID" of a JSON event (CloudTrail's unique id), or "".
std::string_view event_id_of(const Event& ev) {
  if (!ev.json || ev.json->nodes.empty() || ev.json->nodes[0].type != JsonType::Object) return {};
  const uint32_t node = ev.json->member(0, "eventID");
  if (node == kNoNode || ev.json->nodes[node].type != JsonType::String) return {};
  return ev.json->text(ev.json->nodes[node]);
}

}  // namespace

std::string fnv1a64_hex(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 0xF];
  return out;
}

std::vector<std::string> event_identities(const std::vector<Event>& events) {
  std::unordered_map<std::string_view, uint32_t> seen;  // eventID -> how many events carry it
  std::vector<std::string_view> ids(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    ids[i] = event_id_of(events[i]);
    if (!ids[i].empty()) ++seen[ids[i]];
  }
  std::vector<std::string> out;
  out.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    if (!ids[i].empty() && seen[ids[i]] == 1) out.push_back("eventID:" + std::string(ids[i]));
    else out.push_back("h:" + fnv1a64_hex(events[i].message));
  }
  return out;
}

}  // namespace cwlf
