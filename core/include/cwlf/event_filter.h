// Testing one message at a time against a pattern, as fast as possible: the
// hot path of `cwlf filter` (and of its benchmarks). The prefilter rules most
// events out unparsed; the rest are parsed and evaluated as everywhere else.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "evaluate.h"
#include "pattern.h"
#include "prefilter.h"

namespace cwlf {

struct FilterResult {
  bool matched = false;
  bool prefiltered = false;          // ruled out without parsing
  std::optional<Diagnostic> error;   // broken JSON: not tested (span within the message)
  std::optional<Explanation> explanation;
};

class EventFilter {
 public:
  // use_prefilter=false takes the full path for every event (the reference
  // the prefilter is checked against).
  explicit EventFilter(std::shared_ptr<const Pattern> pattern, bool use_prefilter = true);

  // `message` as CloudWatch receives it. A message that starts with `{`
  // (after blanks) is meant as JSON: if it is not valid JSON it is an error,
  // as in the page (split_events, plain lines).
  FilterResult test(std::string_view message, bool explain) const;

  const Pattern& pattern() const { return *pattern_; }
  const Prefilter& prefilter() const { return prefilter_; }

 private:
  std::shared_ptr<const Pattern> pattern_;
  Prefilter prefilter_;
};

}  // namespace cwlf
