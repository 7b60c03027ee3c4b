// Ruling events out before parsing them.
//
// Most events in a day of CloudTrail do not match a given filter pattern,
// and parsing every one of them costs far more than the test itself. From the
// pattern we derive literals that any matching event must contain, and an
// event whose message lacks them is rejected with a byte search, unparsed.
//
// The rule: the prefilter may only say "cannot match" when that is certain,
// so it never changes a verdict (tests/unit/prefilter_test.cpp checks this,
// prefilter on vs off, over the corpus and random events; fuzz/fuzz_evaluate.cc
// too). Where the bytes of the message need not contain the value, no literal
// is derived and the full path decides:
//   - numeric literals (`= 1` matches `1.0`), `!=`, `<`, `>`, NOT EXISTS,
//     IS NULL/TRUE/FALSE, `*` alone, regexes;
//   - JSON string values containing `"`, `\`, `/` or control characters
//     (they have short escapes in JSON: `\/` is `/`);
//   - a JSON event that contains `\u` anywhere (any character may be
//     written as \uXXXX), so such events always take the full path.
// Text terms and space-delimited fields match the raw message, so escapes do
// not matter there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "literal_search.h"
#include "pattern.h"

namespace cwlf {

// One clause: at least one of its literals occurs in any matching message.
class LiteralAlternatives {
 public:
  explicit LiteralAlternatives(std::vector<std::string> literals);
  bool found_in(std::string_view message) const;
  const std::vector<std::string>& literals() const { return literals_; }
  // A message holding one of the literals holds one of these (the anchor, or
  // the literals themselves): what a scan over many messages looks for.
  std::vector<std::string> search_texts() const;

 private:
  std::vector<std::string> literals_;
  std::vector<Needle> needles_;  // one per literal (when there is no anchor)
  // A substring common to every literal (e.g. "Policy" in the 16 event names
  // of the IAM policy-change filter): one search for it, then each literal is
  // checked around each place it occurs.
  std::optional<Needle> anchor_;
  std::vector<size_t> anchor_at_;  // where anchor_ first occurs in each literal
};

class Prefilter {
 public:
  Prefilter() = default;  // rules nothing out
  explicit Prefilter(const Pattern& pattern);

  // false: the pattern cannot match this message (certain). true: maybe.
  bool may_match(std::string_view message) const;

  // Whether anything can be ruled out at all.
  bool active() const { return !clauses_.empty(); }
  const std::vector<LiteralAlternatives>& clauses() const { return clauses_; }

  // Literals of which every message that may_match() accepts contains one
  // (the first clause's, and `\u` for a JSON pattern), so that a text in which
  // none occurs holds no such message; empty when nothing can be ruled out.
  std::vector<std::string> scan_texts() const;

 private:
  std::vector<LiteralAlternatives> clauses_;  // every one must hold
  bool json_ = false;  // JSON pattern: values may be written with \u escapes
};

}  // namespace cwlf
