// Testing events against a compiled pattern, and saying why.
//
// The explanation is a tree that mirrors the pattern: one node per
// sub-expression (JSON conditions and &&/|| groups; text terms; delimited
// fields and their conditions), each with its span in the pattern, its
// outcome, whether it decided the verdict, what it found in the event and a
// one-sentence reason.
//
// "Decided": an && that is false is decided by its first false operand; an
// || that is true by its first true operand; otherwise by all its operands.
// The root always decides; decisiveness flows down from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "events.h"
#include "pattern.h"

namespace cwlf {

enum class Outcome : uint8_t { True, False, Skipped };  // Skipped: not evaluated (short-circuit)

// What a selector (or a field) found in the event.
enum class Found : uint8_t {
  NotApplicable,  // nodes that read nothing (&&, ||, whole-pattern nodes)
  Missing,        // the path does not exist
  Null,
  Boolean,
  Object,
  Array,
  String,
  Number,
  Text,           // text terms and delimited fields: a piece of the message
};

enum class ExplainKind : uint8_t {
  MatchAll,     // the empty pattern
  NotJson,      // a JSON pattern tested on a message that is not a JSON object
  And,
  Or,
  Condition,    // JSON condition, or a condition on a delimited field
  Terms,        // the list of text terms
  Term,
  Fields,       // a space-delimited pattern
  Field,
};

struct ExplainNode {
  ExplainKind kind = ExplainKind::Condition;
  Span pattern_span;               // in the pattern text
  Outcome outcome = Outcome::Skipped;
  bool decisive = false;
  std::vector<uint32_t> children;  // indices into Explanation::nodes
  Found found = Found::NotApplicable;
  std::string found_text;          // the value / token found, as text (may be cut for very long values)
  std::optional<Span> event_span;  // where it was found, in the pasted text
  std::string reason;              // one sentence
};

struct Explanation {
  std::vector<ExplainNode> nodes;  // nodes[0] is the root
};

struct EventResult {
  bool tested = false;   // false when the event has an error
  bool matched = false;
  // TestMetricFilter's extractedValues, in its order ($name / $N for
  // space-delimited patterns; empty otherwise).
  std::vector<std::pair<std::string, std::string>> extracted;
  std::optional<Explanation> explanation;  // when asked for
};

// Tests one event. With `explain`, also builds the explanation tree.
EventResult evaluate(const Pattern& pattern, const Event& event, bool explain);

}  // namespace cwlf
