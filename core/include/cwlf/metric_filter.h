// Metric filter emulation: what a metric filter with this pattern would
// publish for each event (docs/semantics.md, Metric filters). A metric transformation has a
// metric value (`1`, `$.field` for JSON patterns, `$name` or `$N` for
// space-delimited ones), an optional default value, and up to 3 dimensions
// whose values are field references. AWS's validation is applied first,
// with its wording where it is known.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evaluate.h"
#include "events.h"
#include "pattern.h"

namespace cwlf {

struct MetricDefinition {
  std::string value = "1";                                  // metricValue
  std::optional<std::string> default_value;                 // defaultValue, as typed
  std::vector<std::pair<std::string, std::string>> dimensions;  // name -> field reference
};

// nullopt when AWS would accept the transformation with this pattern; else
// why not (AWS's words when known, then cwlf's explanation).
std::optional<std::string> validate_metric(const Pattern& pattern, const MetricDefinition& metric);

struct Datapoint {
  enum class Kind : uint8_t {
    Value,    // the event matched: `value` is published (with `dimensions`)
    Default,  // no match: the default value counts for the minute (if nothing else matched in it)
    None,     // nothing is published for this event
  } kind = Kind::None;
  double value = 0;
  std::string value_text;  // the value as published, e.g. "1", "512"
  std::vector<std::pair<std::string, std::string>> dimensions;  // those found in the event
  std::string note;  // plain sentence: why none, which dimension is missing, ...
};

// For an event already evaluated (`result`); `metric` must be valid.
Datapoint metric_for_event(const Pattern& pattern, const MetricDefinition& metric, const Event& event,
                           const EventResult& result);

}  // namespace cwlf
