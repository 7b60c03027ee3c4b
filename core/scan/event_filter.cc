#include "event_filter.h"

#include "cwlf/i18n.h"
#include "resource_limits.h"

namespace cwlf {

EventFilter::EventFilter(std::shared_ptr<const Pattern> pattern, bool use_prefilter)
    : pattern_(std::move(pattern)), prefilter_(use_prefilter ? Prefilter(*pattern_) : Prefilter()) {}

FilterResult EventFilter::test(std::string_view message, bool explain) const {
  FilterResult out;
  if (message.size() > kMaxEventBytes) {
    out.error = Diagnostic{"event-too-large", "",
                           say("events.too-large.filter"),
                           Span{0, static_cast<uint32_t>(message.size())}};
    return out;
  }
  if (!prefilter_.may_match(message)) {
    out.prefiltered = true;
    return out;
  }
  Event ev;
  ev.span = Span{0, static_cast<uint32_t>(message.size())};
  ev.message.assign(message.data(), message.size());
  size_t f = 0;
  while (f < message.size() && (message[f] == ' ' || message[f] == '\t')) ++f;
  if (f < message.size() && message[f] == '{') {
    JsonParseResult r = parse_json(ev.message);
    if (r.error) {
      out.error = r.error;
      return out;
    }
    if (!r.doc.nodes.empty() && r.doc.nodes[0].type == JsonType::Object) ev.json = std::move(r.doc);
  }
  EventResult r = evaluate(*pattern_, ev, explain);
  out.matched = r.matched;
  out.explanation = std::move(r.explanation);
  return out;
}

}  // namespace cwlf
