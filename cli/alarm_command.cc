// `cwlf alarm`: replays events through a metric filter and a CloudWatch
// alarm (core/include/cwlf/alarm.h) and prints the datapoints per period and
// each interval the alarm would have spent in ALARM.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "caret.h"
#include "cwlf/alarm.h"
#include "cwlf/i18n.h"
#include "cwlf/scanner.h"
#include "input_reader.h"
#include "cwlf/pattern.h"

namespace cwlf::cli {

const char* kAlarmUsage =
    "  cwlf alarm PATTERN PATH... --period S --threshold N [--comparison C] [--statistic S]\n"
    "        [--evaluation-periods N] [--datapoints-to-alarm M] [--treat-missing-data T]\n"
    "        [--metric-value V] [--default-value D] [--time-field $.path] [--json]\n"
    "      Would this alarm have fired on these events, when, and with which events? Replays them\n"
    "      in time order (eventTime; else timestamp, in ms; or --time-field) through the metric\n"
    "      filter and the alarm (periods aligned to the epoch, UTC; M out of N; missing data as\n"
    "      AWS treats it). C: GreaterThanOrEqualToThreshold (default), GreaterThanThreshold,\n"
    "      LessThanThreshold, LessThanOrEqualToThreshold; S: Sum (default), SampleCount, Average,\n"
    "      Minimum, Maximum; T: missing (default), notBreaching, breaching, ignore.\n"
    "      Exit status: 0 the alarm fired, 1 it never did, 2 invalid arguments or unreadable input.\n";

namespace {

int usage(const std::string& why) {
  std::cerr << "cwlf: " << why << "\n\nusage:\n" << kAlarmUsage;
  return 2;
}

bool whole_number(const std::string& s, uint64_t max, uint64_t& out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoull(s);
  return out <= max;
}

std::string number_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void print_json(const AlarmReplayResult& r, const AlarmSettings& a) {
  std::string out = "{\"matched\": " + std::to_string(r.matched) + ", \"eventsWithoutTime\": " +
                    std::to_string(r.without_time) + ", \"datapoints\": [";
  for (size_t i = 0; i < r.datapoints.size(); ++i) {
    const PeriodStats& p = r.datapoints[i];
    out += (i ? ", " : "") + std::string("{\"timestamp\": ") + json_string(format_utc_time(p.start_ms)) +
           ", \"value\": " + number_text(statistic_value(p, a.statistic)) + ", \"count\": " +
           std::to_string(p.events) + "}";
  }
  out += "], \"alarms\": [";
  for (size_t i = 0; i < r.history.alarms.size(); ++i) {
    const AlarmInterval& x = r.history.alarms[i];
    out += (i ? ", " : "") + std::string("{\"start\": ") + json_string(format_utc_time(x.start_ms)) +
           ", \"end\": " + json_string(format_utc_time(x.end_ms)) + ", \"events\": " + std::to_string(x.events) +
           ", \"open\": " + (x.open ? "true" : "false") + "}";
  }
  out += "]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// `s` padded with spaces to `width` columns, on the left or the right; a
// full-width character (Japanese headings) takes two columns.
std::string pad(const std::string& s, size_t width, bool left) {
  size_t columns = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    columns += c >= 0xE1 ? 2 : 1;  // U+1000 and above: CJK, kana, full-width forms
  }
  if (columns >= width) return s;
  const std::string fill(width - columns, ' ');
  return left ? s + fill : fill + s;
}

void print_human(const AlarmReplayResult& r, const AlarmSettings& a) {
  const std::string without =
      r.without_time ? say("cli.alarm.without-time", {{"count", std::to_string(r.without_time)}}) : std::string();
  std::printf("%s\n\n", say("cli.alarm.header", {{"matched", std::to_string(r.matched)}, {"without", without},
                                                 {"statistic", name_of(a.statistic)},
                                                 {"period", std::to_string(a.period_seconds)},
                                                 {"comparison", name_of(a.comparison)},
                                                 {"threshold", number_text(a.threshold)}, {"m", std::to_string(a.m())},
                                                 {"n", std::to_string(a.evaluation_periods)},
                                                 {"missing", name_of(a.missing)}}).c_str());
  std::printf("%s %s %s\n", pad(say("cli.alarm.column.period"), 22, true).c_str(),
              pad(say("cli.alarm.column.value"), 12, false).c_str(), pad(say("cli.alarm.column.events"), 8, false).c_str());
  const std::string breaching = "  " + say("cli.alarm.breaching");
  for (const PeriodStats& p : r.datapoints)
    std::printf("%-22s %12s %8llu%s\n", format_utc_time(p.start_ms).c_str(),
                number_text(statistic_value(p, a.statistic)).c_str(), static_cast<unsigned long long>(p.events),
                breaches(statistic_value(p, a.statistic), a) ? breaching.c_str() : "");
  std::printf("\n");
  if (r.history.alarms.empty()) std::printf("%s\n", say("cli.alarm.never").c_str());
  for (const AlarmInterval& x : r.history.alarms)
    std::printf("%s\n", say("cli.alarm.interval", {{"from", format_utc_time(x.start_ms)}, {"to", format_utc_time(x.end_ms)},
                                                  {"still", x.open ? say("cli.alarm.still") : std::string()},
                                                  {"count", std::to_string(x.events)}}).c_str());
}

}  // namespace

int cmd_alarm(const std::vector<std::string>& args) {
  AlarmSettings alarm;
  MetricDefinition metric;
  std::string time_field;
  bool json = false, have_period = false, have_threshold = false;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
      continue;
    }
    if (a.rfind("--", 0) != 0) {
      positional.push_back(a);
      continue;
    }
    if (i + 1 >= args.size()) return usage(a + " takes a value");
    const std::string& v = args[++i];
    uint64_t n = 0;
    if (a == "--period") {
      if (!whole_number(v, 604800, n)) return usage("--period takes a number of seconds");
      alarm.period_seconds = static_cast<int64_t>(n);
      have_period = true;
    } else if (a == "--threshold") {
      char* end = nullptr;
      alarm.threshold = std::strtod(v.c_str(), &end);
      if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(alarm.threshold))
        return usage("--threshold takes a number");
      have_threshold = true;
    } else if (a == "--evaluation-periods") {
      if (!whole_number(v, 100000, n) || n == 0) return usage("--evaluation-periods takes a number from 1");
      alarm.evaluation_periods = static_cast<uint32_t>(n);
    } else if (a == "--datapoints-to-alarm") {
      if (!whole_number(v, 100000, n) || n == 0) return usage("--datapoints-to-alarm takes a number from 1");
      alarm.datapoints_to_alarm = static_cast<uint32_t>(n);
    } else if (a == "--comparison" || a == "--comparison-operator") {
      const auto c = comparison_named(v);
      if (!c) return usage("unknown comparison " + v);
      alarm.comparison = *c;
    } else if (a == "--statistic") {
      const auto s = statistic_named(v);
      if (!s) return usage("unknown statistic " + v);
      alarm.statistic = *s;
    } else if (a == "--treat-missing-data") {
      const auto m = missing_data_named(v);
      if (!m) return usage("unknown missing-data treatment " + v);
      alarm.missing = *m;
    } else if (a == "--metric-value") {
      metric.value = v;
    } else if (a == "--default-value") {
      metric.default_value = v;
    } else if (a == "--time-field") {
      if (v.rfind("$.", 0) != 0 || v.size() < 3) return usage("--time-field takes $.name or $.a.b");
      time_field = v;
    } else {
      return usage("unknown option " + a);
    }
  }
  if (positional.size() < 2) return usage("alarm takes PATTERN PATH...");
  if (!have_period || !have_threshold) return usage("alarm needs --period and --threshold");
  if (std::optional<std::string> e = validate_alarm(alarm)) return usage(*e);
  CompileResult compiled = compile_pattern(positional[0]);
  if (!compiled.pattern) {
    std::cerr << "InvalidParameterException: " << compiled.error->aws_message << "\n"
              << caret_diagnostic(positional[0], *compiled.error);
    return 2;
  }
  if (std::optional<std::string> e = validate_metric(*compiled.pattern, metric))
    return usage("invalid metric transformation: " + *e);

  AlarmReplay replay(compiled.pattern, metric, alarm, time_field);
  auto filter = std::make_shared<const EventFilter>(compiled.pattern);
  std::vector<std::string> files;
  bool ok = list_inputs(std::vector<std::string>(positional.begin() + 1, positional.end()), files);
  for (const std::string& name : files) {
    int fd = name == "-" ? 0 : ::open(name.c_str(), O_RDONLY);
    if (fd < 0) {
      std::cerr << "cwlf: " << say("cli.cannot-read", {{"path", name}, {"reason", std::strerror(errno)}}) << "\n";
      ok = false;
      continue;
    }
    ScanOptions options;
    // A default value is published in minutes with events but no match: then
    // every event's time is needed, none may be skipped.
    options.every_event = replay.needs_every_event();
    options.skip_lines = options.skip_records = !options.every_event;
    Scanner scanner(filter, options, [&](const ScannedEvent& ev) {
      if (ev.error) {
        replay.add_error();
        return;
      }
      replay.add(ev.message);
    });
    const std::string error = read_input(fd, [&](std::string_view chunk) { scanner.feed(chunk); });
    scanner.finish();
    if (fd != 0) ::close(fd);
    if (!error.empty()) {
      std::cerr << "cwlf: " << name << ": " << error << "\n";
      ok = false;
    }
  }
  const AlarmReplayResult result = replay.finish();
  if (result.error) {
    std::cerr << "cwlf: " << *result.error << "\n";
    return 2;
  }
  if (json)
    print_json(result, alarm);
  else
    print_human(result, alarm);
  std::fflush(stdout);
  if (!ok) return 2;
  return result.history.alarms.empty() ? 1 : 0;
}

}  // namespace cwlf::cli
