// The one JSON writer of test results (result_json.h), shared by the CLI and
// the wasm API so that their answers cannot drift apart. Enum names come from
// one table (result_names.h, family_name, input_format_name).
#include "result_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "radar.h"
#include "result_names.h"

namespace cwlf {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

class ResultWriter {
 public:
  explicit ResultWriter(const ResultJsonOptions& options) : options_(options), w_(buf_) {}

  std::string take() { return std::string(buf_.GetString(), buf_.GetSize()); }

  void compiled(const CompileResult& c) {
    w_.StartObject();
    w_.Key("ok");
    w_.Bool(c.pattern != nullptr && !c.error);
    w_.Key("family");
    if (c.pattern) str(family_name(c.pattern->family)); else w_.Null();
    w_.Key("error");
    if (c.error) diagnostic(*c.error, options_.pattern_offsets); else w_.Null();
    w_.EndObject();
  }

  void run(const TestRun& run, const std::vector<Warning>& warnings) {
    w_.StartObject();
    w_.Key("pattern");
    compiled(run.compiled);
    w_.Key("format");
    str(input_format_name(run.input.format));
    w_.Key("counts");
    w_.StartObject();
    w_.Key("matched");
    w_.Uint(run.matched);
    w_.Key("unmatched");
    w_.Uint(run.unmatched);
    w_.Key("errors");
    w_.Uint(run.errors);
    w_.EndObject();
    w_.Key("events");
    w_.StartArray();
    for (size_t i = 0; i < run.input.events.size(); ++i)
      event(static_cast<uint32_t>(i), run.input.events[i], i < run.results.size() ? &run.results[i] : nullptr);
    w_.EndArray();
    w_.Key("warnings");
    this->warnings(warnings);
    w_.Key("radar");
    radar(run);
    w_.EndObject();
  }

  // The silent-miss radar and scope leaks of a run (cwlf/radar.h), or null
  // when the pattern is invalid.
  void radar(const TestRun& run) {
    if (!run.compiled.pattern) {
      w_.Null();
      return;
    }
    const Radar radar(run.compiled.pattern);
    const RadarReport r = radar_events(radar, run.input.events, run.results);
    w_.StartObject();
    w_.Key("active");
    w_.Bool(r.active);
    w_.Key("scopeOpen");
    w_.Bool(r.scope_open);
    w_.Key("expectedSource");
    str(r.expected_source);
    w_.Key("expectedFromTable");
    w_.Bool(r.expected_from_table);
    w_.Key("exclusions");
    w_.StartArray();
    for (const std::string& e : r.exclusions) str(e);
    w_.EndArray();
    w_.Key("drops");
    w_.StartArray();
    for (const auto& [index, d] : r.drops) {
      w_.StartObject();
      w_.Key("index");
      w_.Uint(index);
      w_.Key("kind");
      str(d.kind == DropKind::Silent ? "silent" : "excluded");
      w_.Key("exclusion");
      str(d.exclusion);
      w_.Key("field");
      str(d.field);
      w_.Key("found");
      if (const char* found = found_name(d.found)) str(found); else w_.Null();
      w_.Key("foundText");
      str(d.found_text);
      w_.Key("reason");
      str(d.reason);
      w_.Key("identityType");
      str(identity_type_of(run.input.events[index]));
      w_.EndObject();
    }
    w_.EndArray();
    w_.Key("leaks");
    w_.StartArray();
    for (const auto& [index, l] : r.leaks) {
      w_.StartObject();
      w_.Key("index");
      w_.Uint(index);
      w_.Key("eventName");
      str(l.event_name);
      w_.Key("eventSource");
      str(l.event_source);
      w_.Key("expected");
      str(l.expected);
      w_.Key("reason");
      str(l.reason);
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

  void diagnostic(const Diagnostic& d, const OffsetMap& map) {
    w_.StartObject();
    w_.Key("code");
    str(d.code);
    w_.Key("awsMessage");  // null: CloudWatch would not complain
    if (d.aws_message.empty()) w_.Null(); else str(d.aws_message);
    w_.Key("message");
    str(d.message);
    span(d.span, map);
    w_.EndObject();
  }

  void explanation(const Explanation& x) {
    w_.StartObject();
    w_.Key("nodes");
    w_.StartArray();
    for (const ExplainNode& n : x.nodes) {
      w_.StartObject();
      w_.Key("kind");
      str(explain_kind_name(n.kind));
      w_.Key("outcome");
      str(outcome_name(n.outcome));
      w_.Key("decisive");
      w_.Bool(n.decisive);
      span(n.pattern_span, options_.pattern_offsets, "patternOffset", "patternLength");
      const char* found = found_name(n.found);
      w_.Key("found");  // null for nodes that read nothing, and then no text either
      if (found) str(found); else w_.Null();
      w_.Key("foundText");
      if (found) str(n.found_text); else w_.Null();
      if (n.event_span) {
        span(*n.event_span, options_.pasted_offsets, "eventOffset", "eventLength");
      } else {
        w_.Key("eventOffset");
        w_.Null();
        w_.Key("eventLength");
        w_.Null();
      }
      w_.Key("reason");
      str(n.reason);
      w_.Key("children");
      w_.StartArray();
      for (uint32_t c : n.children) w_.Uint(c);
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

  void warnings(const std::vector<Warning>& list) {
    w_.StartArray();
    for (const Warning& warning : list) this->warning(warning);
    w_.EndArray();
  }

 private:
  void str(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  static uint32_t at(const OffsetMap& map, uint32_t byte) { return map ? map(byte) : byte; }

  // "offset"/"length" (or prefix + "Offset"/"Length") of a span, mapped.
  void span(const Span& s, const OffsetMap& map, const char* offset_key = "offset", const char* length_key = "length") {
    const uint32_t begin = at(map, s.offset);
    const uint32_t end = at(map, s.offset + s.length);
    w_.Key(offset_key);
    w_.Uint(begin);
    w_.Key(length_key);
    w_.Uint(end >= begin ? end - begin : 0);
  }

  void event(uint32_t index, const Event& e, const EventResult* r) {
    w_.StartObject();
    w_.Key("index");
    w_.Uint(index);
    span(e.span, options_.pasted_offsets);
    if (options_.messages) {
      w_.Key("message");
      str(e.message);
    }
    w_.Key("tested");
    w_.Bool(r && r->tested);
    w_.Key("matched");
    w_.Bool(r && r->matched);
    w_.Key("error");
    if (e.error) diagnostic(*e.error, options_.pasted_offsets); else w_.Null();
    w_.Key("extracted");
    w_.StartArray();
    if (r)
      for (const auto& [name, value] : r->extracted) {
        w_.StartArray();
        str(name);
        str(value);
        w_.EndArray();
      }
    w_.EndArray();
    w_.Key("explanation");
    if (r && r->explanation) explanation(*r->explanation); else w_.Null();
    w_.EndObject();
  }

  void warning(const Warning& warning) {
    w_.StartObject();
    w_.Key("code");
    str(warning.code);
    w_.Key("message");
    str(warning.message);
    span(warning.span, options_.pattern_offsets);
    w_.Key("fixes");
    w_.StartArray();
    for (const LintFix& f : warning.fixes) {
      w_.StartObject();
      w_.Key("label");
      str(f.label);
      w_.Key("pattern");
      str(f.pattern);
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

  const ResultJsonOptions& options_;
  rapidjson::StringBuffer buf_;
  Writer w_;
};

}  // namespace

std::string diagnostic_json(const Diagnostic& d, const OffsetMap& map) {
  const ResultJsonOptions options;
  ResultWriter w(options);
  w.diagnostic(d, map);
  return w.take();
}

std::string explanation_json(const Explanation& x, const ResultJsonOptions& options) {
  ResultWriter w(options);
  w.explanation(x);
  return w.take();
}

std::string warnings_json(const std::vector<Warning>& warnings, const ResultJsonOptions& options) {
  ResultWriter w(options);
  w.warnings(warnings);
  return w.take();
}

std::string compile_result_json(const CompileResult& compiled, const ResultJsonOptions& options) {
  ResultWriter w(options);
  w.compiled(compiled);
  return w.take();
}

std::string radar_json(const TestRun& run) {
  ResultWriter w(ResultJsonOptions{});
  w.radar(run);
  return w.take();
}

std::string test_run_json(const TestRun& run, const std::vector<Warning>& warnings, const ResultJsonOptions& options) {
  ResultWriter w(options);
  w.run(run, warnings);
  return w.take();
}

}  // namespace cwlf
