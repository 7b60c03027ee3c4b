// Pasted text split into events once and kept, and everything the page asks
// about those events: test them against a pattern (in full, or as compact
// verdicts), lint a pattern against them, build an exclusion, emulate a
// metric. Splitting (parsing every JSON event) and handing megabytes of text
// from JavaScript to C++ cost more than testing, so both the free functions
// of bindings.cc (through a one-entry cache) and the EventSet class
// (event_set_bindings.cc, held by the page's worker) keep a PastedEvents.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "cwlf/events.h"
#include "js_values.h"
#include "cwlf/run.h"

namespace cwlf_js {

class PastedEvents {
 public:
  explicit PastedEvents(std::string text);
  PastedEvents(const PastedEvents&) = delete;             // index_ views text_
  PastedEvents& operator=(const PastedEvents&) = delete;

  const std::string& text() const { return text_; }
  const cwlf::SplitResult& input() const { return input_; }
  const Utf16Index& index() const { return index_; }

  // { pattern, format, counts, events: [{ index, offset, length, message?, tested, matched, error, extracted, explanation }] }
  val test(const std::string& pattern, const cwlf::RunOptions& options, bool messages);
  // { pattern, counts, verdicts: Uint8Array, extracted: [[index, pairs]...], explained: index|-1, explanation|null }
  val verdicts(const std::string& pattern, int32_t explain);
  // [{ index, offset, length, message, error }]: what depends on the text only.
  val events() const;
  // What a list of the events shows, without the messages, in a few values
  // rather than one object per event (the page's worker, docs/api.md):
  // { offsets: Uint32Array, lengths: Uint32Array, errors: [[index, diagnostic]...],
  //   columns: JSON text of { identities: [...], titles: [...], details: [...] } }
  val listing() const;
  // The message of event `index` (as in events()), or undefined when there is none.
  val message(uint32_t index) const;
  // { warnings, normalised }
  val lint(const std::string& pattern) const;
  val exclusion(const std::string& pattern, uint32_t index, bool by_arn) const;
  val metric(const std::string& pattern, const val& definition);

 private:
  // Tests the events: the split is lent to the TestRun and taken back.
  cwlf::TestRun run(const std::string& pattern, const cwlf::RunOptions& options);
  void take_back(cwlf::TestRun& run) { input_ = std::move(run.input); }

  std::string text_;
  cwlf::SplitResult input_;
  Utf16Index index_;
};

// The values verdicts() reports per event.
enum Verdict : uint8_t { kNotTested = 0, kNoMatch = 1, kMatch = 2 };

}  // namespace cwlf_js
