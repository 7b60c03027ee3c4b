#include "suite.h"

#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "caret.h"
#include "cwlf/i18n.h"
#include "cwlf/workbench.h"
#include "input_file.h"
#include "cwlf/run.h"

namespace cwlf::cli {

namespace {

// The newest format this build reads; files from older versions keep working.
constexpr int kSuiteVersion = 2;

const char* kSuiteUsage = "usage: cwlf test --suite FILE [--color|--no-color]";

std::string string_member(const rapidjson::Value& doc, const char* name, bool& ok) {
  auto it = doc.FindMember(name);
  ok = it != doc.MemberEnd() && it->value.IsString();
  return ok ? std::string(it->value.GetString(), it->value.GetStringLength()) : std::string();
}

// A key that occurs twice in one object makes a file mean different things to
// different JSON readers (the page's JSON.parse keeps the last, RapidJSON's
// FindMember the first), so such a file is refused, by the page too
// (web/suite-file.js). Walks the tree with an explicit stack: no recursion.
std::optional<std::string> duplicate_key(const rapidjson::Value& root) {
  std::vector<const rapidjson::Value*> stack{&root};
  while (!stack.empty()) {
    const rapidjson::Value* v = stack.back();
    stack.pop_back();
    if (v->IsObject()) {
      std::unordered_set<std::string_view> keys;
      for (const auto& m : v->GetObject()) {
        std::string_view key(m.name.GetString(), m.name.GetStringLength());
        if (!keys.insert(key).second) return std::string(key);
        stack.push_back(&m.value);
      }
    } else if (v->IsArray()) {
      for (const auto& e : v->GetArray()) stack.push_back(&e);
    }
  }
  return std::nullopt;
}

// The "alarm" member, read as the page reads it (web/alarm-settings.js,
// readAlarm): its shape only; AWS's rules on the values are `cwlf alarm`'s.
constexpr double kMaxAlarmCount = 10000000;

std::optional<std::string> parse_alarm(const rapidjson::Value& v, AlarmSettings& a) {
  if (!v.IsObject()) return std::string("\"alarm\" is not an object");
  a = AlarmSettings();
  a.period_seconds = 300;
  a.datapoints_to_alarm = 1;
  struct Whole { const char* name; double* into; };
  double period = 300, n = 1, m = 1;
  for (const Whole w : {Whole{"period", &period}, Whole{"evaluationPeriods", &n}, Whole{"datapointsToAlarm", &m}}) {
    auto it = v.FindMember(w.name);
    if (it == v.MemberEnd()) continue;
    const double d = it->value.IsNumber() ? it->value.GetDouble() : 0;
    if (!(d >= 1 && d <= kMaxAlarmCount && d == std::floor(d))) {
      return "\"alarm\".\"" + std::string(w.name) + "\" is not a whole number from 1 to 10000000";
    }
    *w.into = d;
  }
  a.period_seconds = static_cast<int64_t>(period);
  a.evaluation_periods = static_cast<uint32_t>(n);
  a.datapoints_to_alarm = static_cast<uint32_t>(m);
  auto threshold = v.FindMember("threshold");
  if (threshold != v.MemberEnd()) {
    if (!threshold->value.IsNumber()) return std::string("\"alarm\".\"threshold\" is not a number");
    a.threshold = threshold->value.GetDouble();
  }
  auto named = [&](const char* name, const char* names, auto lookup, auto& into) -> std::optional<std::string> {
    auto it = v.FindMember(name);
    if (it == v.MemberEnd()) return std::nullopt;
    const auto value = it->value.IsString()
                           ? lookup(std::string_view(it->value.GetString(), it->value.GetStringLength()))
                           : std::nullopt;
    if (!value) return "\"alarm\".\"" + std::string(name) + "\" is not one of " + names;
    into = *value;
    return std::nullopt;
  };
  if (auto e = named("comparison",
                     "GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold",
                     comparison_named, a.comparison))
    return e;
  if (auto e = named("statistic", "Sum, SampleCount, Average, Minimum, Maximum", statistic_named, a.statistic)) return e;
  if (auto e = named("treatMissingData", "missing, notBreaching, breaching, ignore", missing_data_named, a.missing))
    return e;
  return std::nullopt;
}

uint32_t line_of(std::string_view text, uint32_t offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

std::optional<std::string> parse_suite(std::string_view json, Suite& out) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on nesting depth
  if (doc.HasParseError()) {
    return say("cli.suite.not-json", {{"reason", rapidjson::GetParseError_En(doc.GetParseError())},
                                      {"byte", std::to_string(doc.GetErrorOffset())}});
  }
  if (!doc.IsObject()) return say("cli.suite.not-suite");
  if (auto key = duplicate_key(doc)) return say("cli.suite.duplicate-key", {{"key", *key}});
  auto kind = doc.FindMember("cwlf");
  if (kind == doc.MemberEnd() || !kind->value.IsString() || std::string_view(kind->value.GetString()) != "suite") {
    return say("cli.suite.not-suite");
  }
  auto v = doc.FindMember("v");
  if (v == doc.MemberEnd() || !v->value.IsInt()) return say("cli.suite.no-version");
  out.version = v->value.GetInt();
  if (out.version > kSuiteVersion) {
    return say("cli.suite.newer", {{"version", std::to_string(out.version)}, {"supported", std::to_string(kSuiteVersion)}});
  }
  if (out.version < 1) return say("cli.suite.bad-version", {{"version", std::to_string(out.version)}});
  bool ok = false;
  out.pattern = string_member(doc, "pattern", ok);
  if (!ok) return say("cli.suite.no-pattern");
  out.events = string_member(doc, "events", ok);
  if (!ok) return say("cli.suite.no-events");
  out.expectations.clear();
  auto list = doc.FindMember("expectations");
  if (list != doc.MemberEnd()) {
    if (!list->value.IsArray()) return say("cli.suite.expectations-not-list");
    for (const auto& item : list->value.GetArray()) {
      if (!item.IsObject()) return say("cli.suite.expectation-not-object");
      auto event = item.FindMember("event");
      auto identity = item.FindMember("id");
      const bool has_id = out.version >= 2 && identity != item.MemberEnd();
      const bool has_number = event != item.MemberEnd() && event->value.IsUint() && event->value.GetUint() >= 1;
      // Version 2: an expectation for an event that was gone when saved has its identity only.
      if (!has_number && !(has_id && event == item.MemberEnd())) {
        return say("cli.suite.no-event");
      }
      const uint32_t n = has_number ? event->value.GetUint() : 0;
      auto expect = item.FindMember("expect");
      const std::string_view e = expect != item.MemberEnd() && expect->value.IsString()
                                     ? std::string_view(expect->value.GetString(), expect->value.GetStringLength())
                                     : std::string_view();
      if (e != "match" && e != "no-match") {
        return say("cli.suite.bad-expect", {{"event", n ? std::to_string(n) : say("cli.suite.no-number")}});
      }
      std::string id;
      if (has_id) {
        if (!identity->value.IsString() || identity->value.GetStringLength() == 0) {
          return say("cli.suite.bad-id", {{"event", std::to_string(n)}});
        }
        id.assign(identity->value.GetString(), identity->value.GetStringLength());
      }
      out.expectations.push_back({n, e == "match", std::move(id)});
    }
  }
  out.alarm.reset();
  auto alarm = doc.FindMember("alarm");
  if (alarm != doc.MemberEnd()) {
    AlarmSettings a;
    if (auto e = parse_alarm(alarm->value, a)) return e;
    out.alarm = a;
  }
  return std::nullopt;
}

int cmd_test_suite(const std::vector<std::string>& args) {
  std::string path;
  bool color = isatty(1);
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--suite" && i + 1 < args.size() && path.empty()) path = args[++i];
    else if (args[i] == "--color") color = true;
    else if (args[i] == "--no-color") color = false;
    else {
      std::cerr << "cwlf: unexpected argument " << args[i] << "\n" << kSuiteUsage << "\n";
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << "cwlf: --suite needs a FILE\n" << kSuiteUsage << "\n";
    return 2;
  }
  std::string text, read_error;
  if (!read_input(path, text, read_error)) {
    std::cerr << "cwlf: " << read_error << "\n";
    return 2;
  }
  Suite suite;
  if (auto error = parse_suite(text, suite)) {
    std::cerr << "cwlf: " << say("cli.suite.cannot-run", {{"path", path}, {"why", *error}}) << "\n";
    return 2;
  }
  TestRun run = run_test(suite.pattern, suite.events, RunOptions{RunOptions::Explain::None, 0});
  if (!run.compiled.pattern) {
    std::cerr << "cwlf: " << say("cli.suite.invalid-pattern", {{"path", path}}) << "\n"
              << "InvalidParameterException: " << run.compiled.error->aws_message << "\n"
              << caret_diagnostic(suite.pattern, *run.compiled.error);
    return 2;
  }
  const char* green = color ? "\x1b[32m" : "";
  const char* red = color ? "\x1b[31m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const size_t n = run.input.events.size();
  std::cout << say(n == 1 ? "cli.suite.header.one" : "cli.suite.header.other",
                   {{"path", path}, {"count", std::to_string(n)}, {"matched", std::to_string(run.matched)}})
            << "\n";
  // Version 2: expectations find their events by identity (the first event with it).
  std::unordered_map<std::string, size_t> by_identity;
  const std::vector<std::string> identities = cwlf::event_identities(run.input.events);
  for (size_t k = 0; k < identities.size(); ++k) by_identity.emplace(identities[k], k);
  size_t holding = 0;
  for (const SuiteExpectation& e : suite.expectations) {
    size_t i = e.event - 1;
    if (!e.id.empty()) {
      auto found = by_identity.find(e.id);
      i = found == by_identity.end() ? SIZE_MAX : found->second;
    }
    const std::string want = say(e.match ? "cli.suite.should-match" : "cli.suite.should-not-match");
    std::ostringstream line;
    bool holds = false;
    if (i == SIZE_MAX) {
      const std::string which = e.event ? say("cli.suite.event", {{"event", std::to_string(e.event)}})
                                        : say("cli.suite.an-event");
      line << say("cli.suite.gone", {{"which", which}, {"want", want}, {"id", e.id}});
    } else if (i >= n) {
      line << say("cli.suite.no-such-event", {{"event", std::to_string(e.event)}, {"want", want}, {"count", std::to_string(n)}});
    } else {
      const bool matched = i < run.results.size() && run.results[i].matched;
      holds = matched == e.match;
      const Span& span = run.input.events[i].span;
      const uint32_t from = line_of(suite.events, span.offset);
      const uint32_t to = line_of(suite.events, span.offset + (span.length ? span.length - 1 : 0));
      const std::string where = from == to ? say("cli.line", {{"line", std::to_string(from)}})
                                           : say("cli.lines", {{"from", std::to_string(from)}, {"to", std::to_string(to)}});
      line << say("cli.suite.expectation", {{"event", std::to_string(i + 1)}, {"where", where}, {"want", want},
                                           {"got", say(matched ? "cli.suite.matches" : "cli.suite.does-not-match")}});
      if (run.input.events[i].error) line << " (" << run.input.events[i].error->message << ")";
    }
    holding += holds;
    std::cout << (holds ? green : red) << (holds ? "  ok    " : "  FAIL  ") << reset << line.str() << "\n";
  }
  const bool all = holding == suite.expectations.size();
  if (suite.expectations.empty()) {
    std::cout << say("cli.suite.no-expectations") << "\n";
  } else {
    std::cout << (all ? green : red)
              << say("cli.suite.summary", {{"holding", std::to_string(holding)}, {"total", std::to_string(suite.expectations.size())}})
              << reset << "\n";
  }
  return all ? 0 : 1;
}

}  // namespace cwlf::cli
