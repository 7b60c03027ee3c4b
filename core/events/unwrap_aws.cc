// Pastes that are the output of an AWS tool wrapping log events: the events
// a user means are inside. Without this, `aws cloudtrail lookup-events`
// output (each record a JSON *string*) was one event and "No match".
//
//   aws cloudtrail lookup-events      {"Events": [{"CloudTrailEvent": "{…}", …}]}
//   aws logs filter-log-events /
//            get-log-events           {"events": [{"message": "…", "timestamp": …}]}
//   EventBridge CloudTrail event      {"detail-type": "AWS API Call via CloudTrail", "detail": {…}}
//                                     (one, or an array of them): the metric filter sees the
//                                     CloudTrail record, which is "detail"
//   Logs Insights JSON export         [{"@message": "…", "@timestamp": …}, …]
//
// Only a paste that is one JSON value of exactly such a shape (every element
// of the list carries the field) is unwrapped; anything else is split as
// before (events.cc).
#include <cstring>

#include "cwlf/workbench.h"
#include "json_compact.h"
#include "resource_limits.h"

namespace cwlf {

namespace {

bool contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

// The string member `name` of object node `object`, or kNoNode.
uint32_t string_node(const JsonDoc& doc, uint32_t object, std::string_view name) {
  const uint32_t n = doc.member(object, name);
  return n != kNoNode && doc.nodes[n].type == JsonType::String ? n : kNoNode;
}

// Every element of array `list` is an object whose member `name` has type `type`
// (and there is at least one element).
bool all_elements_have(const JsonDoc& doc, uint32_t list, std::string_view name, JsonType type) {
  if (list == kNoNode || doc.nodes[list].type != JsonType::Array || doc.nodes[list].child_count == 0) return false;
  for (uint32_t e = doc.nodes[list].first_child; e != kNoNode; e = doc.nodes[e].next_sibling) {
    if (doc.nodes[e].type != JsonType::Object) return false;
    const uint32_t m = doc.member(e, name);
    if (m == kNoNode || doc.nodes[m].type != type) return false;
  }
  return true;
}

bool is_eventbridge_cloudtrail(const JsonDoc& doc, uint32_t node) {
  if (doc.nodes[node].type != JsonType::Object) return false;
  const uint32_t type = string_node(doc, node, "detail-type");
  const uint32_t detail = doc.member(node, "detail");
  return type != kNoNode && detail != kNoNode && doc.nodes[detail].type == JsonType::Object &&
         doc.text(doc.nodes[type]).find("via CloudTrail") != std::string_view::npos;
}

class Unwrapper {
 public:
  Unwrapper(std::string_view pasted, uint32_t base, const JsonDoc& doc, SplitResult& out)
      : pasted_(pasted), base_(base), doc_(doc), out_(out) {}

  // A string value (node) whose decoded text is the message.
  void add_string(uint32_t node) {
    if (full(node)) return;
    const JsonNode& n = doc_.nodes[node];
    Event ev = event_from_message(std::string(doc_.text(n)));
    place(ev, n.span);
    // Approximate: message byte m <-> string content byte m (exact without escapes).
    ev.offset_map.emplace_back(0, ev.span.offset + 1);
    out_.events.push_back(std::move(ev));
  }

  // A JSON object (node) whose compact form is the message.
  void add_object(uint32_t node) {
    if (full(node)) return;
    const JsonNode& n = doc_.nodes[node];
    const Span span{n.span.offset + base_, n.span.length};
    std::string message;
    std::vector<std::pair<uint32_t, uint32_t>> map;
    compact_json(pasted_, span, message, map);
    Event ev = event_from_message(std::move(message));
    place(ev, n.span);
    ev.offset_map = std::move(map);
    out_.events.push_back(std::move(ev));
  }

  // Each element's member `name`: strings (`as_string`) or objects.
  void add_members(uint32_t list, std::string_view name, bool as_string) {
    for (uint32_t e = doc_.nodes[list].first_child; e != kNoNode; e = doc_.nodes[e].next_sibling) {
      const uint32_t m = doc_.member(e, name);
      if (as_string) add_string(m);
      else add_object(m);
    }
  }

 private:
  // The event's span in the pasted text; errors found in the message keep
  // pointing at the event (event_from_message measured them in the message).
  void place(Event& ev, Span in_doc) {
    ev.span = Span{in_doc.offset + base_, in_doc.length};
    if (ev.error) ev.error->span = ev.span;
  }

  bool full(uint32_t node) {
    if (out_.events.size() < kMaxEventsPerPaste) return false;
    if (out_.events.size() == kMaxEventsPerPaste) {
      Event ev;
      const uint32_t from = doc_.nodes[node].span.offset + base_;
      ev.span = Span{from, static_cast<uint32_t>(pasted_.size()) - from};
      ev.error = Diagnostic{"too-many-events", "",
                            "cwlf reads at most " + std::to_string(kMaxEventsPerPaste) +
                                " events from one paste; the rest was not read.",
                            ev.span};
      out_.events.push_back(std::move(ev));
    }
    return true;
  }

  std::string_view pasted_;
  uint32_t base_;
  const JsonDoc& doc_;
  SplitResult& out_;
};

}  // namespace

bool unwrap_aws_output(std::string_view pasted, uint32_t base, SplitResult& out) {
  const std::string_view text = pasted.substr(base);
  // Cheap refusal first: a paste without any of the wrapping fields is not parsed twice.
  if (!contains(text, "\"CloudTrailEvent\"") && !contains(text, "\"message\"") && !contains(text, "\"detail\"") &&
      !contains(text, "\"@message\"")) {
    return false;
  }
  JsonParseResult parsed = parse_json(text);
  if (parsed.error || parsed.doc.nodes.empty()) return false;
  const JsonDoc& doc = parsed.doc;
  SplitResult result;
  Unwrapper unwrap(pasted, base, doc, result);
  const JsonType root = doc.nodes[0].type;
  if (root == JsonType::Object) {
    const uint32_t records = doc.member(0, "Events");
    const uint32_t messages = doc.member(0, "events");
    if (all_elements_have(doc, records, "CloudTrailEvent", JsonType::String)) {
      result.format = InputFormat::AwsLookupEvents;
      unwrap.add_members(records, "CloudTrailEvent", true);
    } else if (all_elements_have(doc, messages, "message", JsonType::String)) {
      result.format = InputFormat::AwsLogEvents;
      unwrap.add_members(messages, "message", true);
    } else if (is_eventbridge_cloudtrail(doc, 0)) {
      result.format = InputFormat::EventBridge;
      unwrap.add_object(doc.member(0, "detail"));
    } else {
      return false;
    }
  } else if (root == JsonType::Array) {
    if (all_elements_have(doc, 0, "@message", JsonType::String)) {
      result.format = InputFormat::LogsInsights;
      unwrap.add_members(0, "@message", true);
    } else if (all_elements_have(doc, 0, "detail", JsonType::Object)) {
      for (uint32_t e = doc.nodes[0].first_child; e != kNoNode; e = doc.nodes[e].next_sibling) {
        if (!is_eventbridge_cloudtrail(doc, e)) return false;
      }
      result.format = InputFormat::EventBridge;
      unwrap.add_members(0, "detail", false);
    } else {
      return false;
    }
  } else {
    return false;
  }
  out = std::move(result);
  return true;
}

}  // namespace cwlf
