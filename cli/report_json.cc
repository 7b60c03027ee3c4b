// `cwlf test --json`: the whole result, machine-readable. Offsets are bytes
// (the wasm API gives the same data with JavaScript string indices).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cwlf/lint.h"
#include "report.h"

namespace cwlf::cli {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void diagnostic(Writer& w, const Diagnostic& d) {
  w.StartObject();
  w.Key("code");
  str(w, d.code);
  w.Key("awsMessage");
  str(w, d.aws_message);
  w.Key("message");
  str(w, d.message);
  w.Key("offset");
  w.Uint(d.span.offset);
  w.Key("length");
  w.Uint(d.span.length);
  w.EndObject();
}

void explanation(Writer& w, const Explanation& x) {
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (const ExplainNode& n : x.nodes) {
    w.StartObject();
    w.Key("kind");
    str(w, explain_kind_name(n.kind));
    w.Key("outcome");
    str(w, outcome_name(n.outcome));
    w.Key("decisive");
    w.Bool(n.decisive);
    w.Key("patternOffset");
    w.Uint(n.pattern_span.offset);
    w.Key("patternLength");
    w.Uint(n.pattern_span.length);
    w.Key("found");
    if (n.found == Found::NotApplicable)
      w.Null();
    else
      str(w, found_name(n.found));
    w.Key("foundText");
    str(w, n.found_text);
    w.Key("eventOffset");
    if (n.event_span) w.Uint(n.event_span->offset); else w.Null();
    w.Key("eventLength");
    if (n.event_span) w.Uint(n.event_span->length); else w.Null();
    w.Key("reason");
    str(w, n.reason);
    w.Key("children");
    w.StartArray();
    for (uint32_t c : n.children) w.Uint(c);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string json_report(const TestRun& run, std::string_view pattern, std::string_view) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("pattern");
  w.StartObject();
  w.Key("ok");
  w.Bool(run.compiled.pattern != nullptr);
  w.Key("family");
  if (run.compiled.pattern) str(w, family_name(run.compiled.pattern->family)); else w.Null();
  w.Key("error");
  if (run.compiled.error) diagnostic(w, *run.compiled.error); else w.Null();
  w.EndObject();
  w.Key("format");
  str(w, input_format_name(run.input.format));
  w.Key("counts");
  w.StartObject();
  w.Key("matched");
  w.Uint(run.matched);
  w.Key("unmatched");
  w.Uint(run.unmatched);
  w.Key("errors");
  w.Uint(run.errors);
  w.EndObject();
  w.Key("events");
  w.StartArray();
  for (size_t i = 0; i < run.input.events.size(); ++i) {
    const Event& e = run.input.events[i];
    const EventResult* r = i < run.results.size() ? &run.results[i] : nullptr;
    w.StartObject();
    w.Key("index");
    w.Uint(static_cast<unsigned>(i));
    w.Key("offset");
    w.Uint(e.span.offset);
    w.Key("length");
    w.Uint(e.span.length);
    w.Key("message");
    str(w, e.message);
    w.Key("tested");
    w.Bool(r && r->tested);
    w.Key("matched");
    w.Bool(r && r->matched);
    w.Key("error");
    if (e.error) diagnostic(w, *e.error); else w.Null();
    w.Key("extracted");
    w.StartArray();
    if (r)
      for (const auto& [k, v] : r->extracted) {
        w.StartArray();
        str(w, k);
        str(w, v);
        w.EndArray();
      }
    w.EndArray();
    w.Key("explanation");
    if (r && r->explanation) explanation(w, *r->explanation); else w.Null();
    w.EndObject();
  }
  w.EndArray();
  // The pitfall warnings (core/lint.h), offsets in bytes of the pattern.
  w.Key("warnings");
  w.StartArray();
  for (const Warning& warning : lint(pattern, run.compiled, run.compiled.pattern ? &run.input : nullptr)) {
    w.StartObject();
    w.Key("code");
    str(w, warning.code);
    w.Key("message");
    str(w, warning.message);
    w.Key("offset");
    w.Uint(warning.span.offset);
    w.Key("length");
    w.Uint(warning.span.length);
    w.Key("fixes");
    w.StartArray();
    for (const LintFix& f : warning.fixes) {
      w.StartObject();
      w.Key("label");
      str(w, f.label);
      w.Key("pattern");
      str(w, f.pattern);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace cwlf::cli
