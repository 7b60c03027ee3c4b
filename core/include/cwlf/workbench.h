// What the page's test document and `cwlf test` share about pasted events:
// which AWS tool output a paste is (and the events inside it), and each
// event's identity, by which a saved expectation finds its event again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "events.h"

namespace cwlf {

// When `pasted` (from byte `base`, after a byte-order mark) is the output of
// an AWS tool that wraps log events — `aws cloudtrail lookup-events`
// (Events[].CloudTrailEvent strings), `aws logs filter-log-events` or
// `get-log-events` (events[].message), an EventBridge event of a CloudTrail
// API call (its "detail"), or a CloudWatch Logs Insights JSON export
// (@message) — fills `out` with the events inside and returns true.
// Otherwise returns false and leaves `out` alone.
bool unwrap_aws_output(std::string_view pasted, uint32_t base, SplitResult& out);

// When `pasted`, from byte `start` (its first non-blank byte), is a CloudWatch
// Logs Insights CSV export (a header row with an `@message` field, RFC 4180
// quoting), fills `out` with one event per row (the @message, decoded) and
// returns true; a malformed row is an event with its own error. Otherwise
// returns false and leaves `out` alone. Linear in the paste's size.
bool unwrap_insights_csv(std::string_view pasted, uint32_t start, SplitResult& out);

// Content-independent of position: "eventID:<id>" when the event is a JSON
// object whose top-level string "eventID" no other event of the paste has,
// otherwise "h:" + 16 hex digits of the 64-bit FNV-1a hash of its message
// (the compacted form CloudWatch receives, so re-indenting keeps it). Events
// with the same message share an identity; an expectation then belongs to
// the first of them. One string per event, in order.
std::vector<std::string> event_identities(const std::vector<Event>& events);

// The 64-bit FNV-1a hash of `bytes`, as 16 lower-case hex digits.
std::string fnv1a64_hex(std::string_view bytes);

}  // namespace cwlf
