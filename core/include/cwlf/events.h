// Turning pasted text into the log events a user means.
//
// Users paste what they have: CloudTrail events copied one after another,
// pretty-printed; a JSON array; a CloudTrail S3 file {"Records":[...]};
// JSON Lines; or plain log lines. Each event becomes the single-line message
// CloudWatch would receive (for JSON: the `jq -c` form, i.e. the same bytes
// with the whitespace outside strings removed, so key order, escapes and
// number spelling are kept), and keeps its place in the pasted text.
// A malformed event carries its own error; the others are unaffected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "json_doc.h"

namespace cwlf {

enum class InputFormat : uint8_t {
  Empty,              // nothing but whitespace
  JsonObjects,        // one or more JSON objects one after another (pretty or JSON Lines)
  JsonArray,          // [ {...}, {...} ] or [ "message", ... ]
  CloudTrailRecords,  // {"Records": [ ... ]}
  Lines,              // plain text, one event per non-empty line
  // AWS tool output with the events inside (core/workbench/unwrap_aws.cc):
  AwsLookupEvents,    // aws cloudtrail lookup-events: Events[].CloudTrailEvent strings
  AwsLogEvents,       // aws logs filter-log-events / get-log-events: events[].message
  EventBridge,        // EventBridge events of CloudTrail API calls: the "detail" record
  LogsInsights,       // CloudWatch Logs Insights JSON export: [].@message
  LogsInsightsCsv,    // CloudWatch Logs Insights CSV export: the @message column (unwrap_insights_csv.cc)
};

struct Event {
  Span span;            // the event's bytes in the pasted text
  std::string message;  // what CloudWatch receives
  // Set when `message` is a JSON object. Spans inside are offsets in `message`;
  // use source_offset() to map them to the pasted text.
  std::optional<JsonDoc> json;
  // Set when the event is malformed (e.g. broken JSON, over 1 MB): it is not
  // tested. The span is in the pasted text.
  std::optional<Diagnostic> error;

  // Maps a byte offset in `message` to the byte offset in the pasted text.
  uint32_t source_offset(uint32_t message_offset) const;
  Span source_span(Span message_span) const;

  // (message offset, source offset) pairs at each point where the mapping
  // shifts; sorted by message offset. Empty means source = span.offset + m.
  std::vector<std::pair<uint32_t, uint32_t>> offset_map;
};

struct SplitResult {
  InputFormat format = InputFormat::Empty;
  std::vector<Event> events;
};

SplitResult split_events(std::string_view pasted);

// One raw message exactly as CloudWatch receives it (no splitting, no
// compaction): `json` is set when the whole message is a JSON object. Used by
// `cwlf test-metric-filter`, whose messages are already single events.
Event event_from_message(std::string message);

const char* input_format_name(InputFormat f);

}  // namespace cwlf
