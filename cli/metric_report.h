// `cwlf test --metric-value V [--default-value D] [--dimension NAME=REF ...]`:
// what the metric filter would publish for each event (core/metric_filter.h).
#pragma once

#include <string>

#include "cwlf/metric_filter.h"
#include "cwlf/run.h"

namespace cwlf::cli {

// Applies one metric option (--metric-value, --default-value, --dimension)
// to `metric`; false with `error` set for a malformed one.
bool metric_option(const std::string& option, const std::string& value, MetricDefinition& metric, std::string& error);

// The per-event report, or the validation error (then `ok` is false).
std::string metric_report(const TestRun& run, const MetricDefinition& metric, bool& ok);

}  // namespace cwlf::cli
