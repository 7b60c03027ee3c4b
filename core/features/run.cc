// A test run: compile, split, evaluate — the whole job of both shells.
#include "run.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace cwlf {

void test_events(TestRun& run, const RunOptions& options) {
  run.results.clear();
  run.matched = run.unmatched = run.errors = 0;
  for (const Event& e : run.input.events)
    if (e.error) ++run.errors;
  if (!run.compiled.pattern) return;
  const Pattern& p = *run.compiled.pattern;
  run.results.reserve(run.input.events.size());
  for (size_t i = 0; i < run.input.events.size(); ++i) {
    const Event& e = run.input.events[i];
    bool explain = options.explain == RunOptions::Explain::All ||
                   (options.explain == RunOptions::Explain::One && options.explain_index == i);
    run.results.push_back(evaluate(p, e, explain));
    if (!e.error) ++(run.results.back().matched ? run.matched : run.unmatched);
  }
}

TestRun run_test(std::string_view pattern, std::string_view pasted, const RunOptions& options) {
  TestRun run;
  run.compiled = compile_pattern(pattern);
  run.input = split_events(pasted);
  test_events(run, options);
  return run;
}

MetricFilterTest test_metric_filter(std::string_view pattern, const std::vector<std::string>& messages) {
  MetricFilterTest out;
  CompileResult compiled = compile_pattern(pattern);
  if (!compiled.pattern) {
    out.error = compiled.error;
    return out;
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("matches");
  w.StartArray();
  for (size_t i = 0; i < messages.size(); ++i) {
    Event e = event_from_message(messages[i]);
    EventResult r = evaluate(*compiled.pattern, e, false);
    if (!r.matched) continue;
    w.StartObject();
    w.Key("eventNumber");
    w.Uint64(i);
    w.Key("eventMessage");
    w.String(messages[i].data(), static_cast<rapidjson::SizeType>(messages[i].size()));
    w.Key("extractedValues");
    w.StartObject();
    for (const auto& [k, v] : r.extracted) {
      w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
      w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.response_json.assign(buf.GetString(), buf.GetSize());
  return out;
}

}  // namespace cwlf
