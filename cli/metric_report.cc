// The metric section of `cwlf test` (metric_report.h).
#include "metric_report.h"

#include <cstdio>

namespace cwlf::cli {

bool metric_option(const std::string& option, const std::string& value, MetricDefinition& metric, std::string& error) {
  if (option == "--metric-value") {
    metric.value = value;
  } else if (option == "--default-value") {
    metric.default_value = value;
  } else if (option == "--dimension") {
    const size_t eq = value.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = "--dimension takes NAME=REFERENCE, e.g. --dimension EventName=$.eventName";
      return false;
    }
    metric.dimensions.emplace_back(value.substr(0, eq), value.substr(eq + 1));
  } else {
    error = "unknown metric option " + option;
    return false;
  }
  return true;
}

std::string metric_report(const TestRun& run, const MetricDefinition& metric, bool& ok) {
  ok = true;
  if (!run.compiled.pattern) return "";
  if (std::optional<std::string> error = validate_metric(*run.compiled.pattern, metric)) {
    ok = false;
    return "Invalid metric transformation: " + *error + "\n";
  }
  std::string out = "\nMetric (value " + metric.value;
  if (metric.default_value) out += ", default " + *metric.default_value;
  for (const auto& [name, ref] : metric.dimensions) out += ", dimension " + name + "=" + ref;
  out += "):\n";
  double total = 0;
  size_t points = 0;
  for (size_t i = 0; i < run.input.events.size() && i < run.results.size(); ++i) {
    const Datapoint d = metric_for_event(*run.compiled.pattern, metric, run.input.events[i], run.results[i]);
    out += "  Event " + std::to_string(i + 1) + ": ";
    if (d.kind == Datapoint::Kind::Value) {
      out += "publishes " + d.value_text;
      for (const auto& [name, value] : d.dimensions) out += " [" + name + "=" + value + "]";
      if (!d.note.empty()) out += " (" + d.note + ")";
      total += d.value;
      ++points;
    } else if (d.kind == Datapoint::Kind::Default) {
      out += "default " + d.value_text + " (" + d.note + ")";
    } else {
      out += "nothing (" + d.note + ")";
    }
    out += "\n";
  }
  char sum[64];
  std::snprintf(sum, sizeof sum, "%g", total);
  out += "  " + std::to_string(points) + (points == 1 ? " datapoint, sum " : " datapoints, sum ") + sum + "\n";
  return out;
}

}  // namespace cwlf::cli
