// The silent-miss radar and scope leaks: what an alarm pattern lets slip, and
// what it catches by accident, told per event (docs/semantics.md, "The
// silent-miss radar and scope leaks").
//
// Silent misses. A JSON pattern whose top level is an `&&` chain is read as
// the alarm's *core* (the conjuncts that say what to alert on) and its
// *exclusions* (the conjuncts made only of `!=` and `NOT EXISTS` conditions,
// e.g. `$.userIdentity.sessionContext.sessionIssuer.userName != x`). For an
// event the pattern does not match, every conjunct is evaluated (no
// short-circuit): when the core matches, an exclusion dropped the event.
// When a `!=` of that exclusion found its field missing or holding no
// string or number (null, a boolean, an object, an array) the drop is
// *silent*: the exclusion meant to drop one principal and dropped a whole
// kind of caller (IAM users and root for a sessionIssuer field). Otherwise
// the event has the excluded value: *excluded*, as meant.
//
// Scope leaks. When a JSON pattern tests `$.eventName` but never
// `$.eventSource`, a matching event whose eventSource is not the service the
// pattern's event names belong to (e.g. `acm-pca.amazonaws.com`'s
// DeletePolicy firing an IAM alarm) matched only because the service was
// never named. The expected service is the one most of the pattern's
// `$.eventName = name` literals belong to in a table of well-known CloudTrail
// event names (the CIS benchmark's alarms); when none is in the table, the
// eventSource most of the matching events have.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "evaluate.h"
#include "events.h"
#include "pattern.h"

namespace cwlf {

enum class DropKind : uint8_t {
  None,      // not dropped by an exclusion: the core does not match either (or the event matches)
  Silent,    // the core matches; an exclusion's `!=` found its field missing, or no string/number there
  Excluded,  // the core matches; the event has the excluded value (the exclusion did what it says)
};

struct Drop {
  DropKind kind = DropKind::None;
  std::string exclusion;  // the exclusion that dropped it, as written (e.g. `($.a != x)`)
  std::string field;      // the selector it tested, as written
  Found found = Found::NotApplicable;  // what that selector found (Silent: Missing, Null, Boolean, Object, Array)
  std::string found_text;  // the value found, as text (Excluded), or ""
  std::string reason;      // one sentence, e.g. "Would alert, but dropped by `…`: `…` is missing."
};

// One pattern's radar: built once, then asked about event after event.
class Radar {
 public:
  explicit Radar(std::shared_ptr<const Pattern> pattern);

  // The pattern has both a core and at least one exclusion (a JSON pattern
  // whose top-level `&&` chain has both kinds of conjunct).
  bool active() const { return core_ != nullptr; }
  // The core, as a pattern of its own (nullptr when not active): a scanner of
  // big files runs it, and tests the whole pattern only on its matches.
  std::shared_ptr<const Pattern> core() const { return core_; }
  // The exclusions as written, in order.
  const std::vector<std::string>& exclusions() const { return exclusion_text_; }

  // Why the pattern does not match `event` (call only for events it does not
  // match): DropKind::None unless the core matches.
  Drop check(const Event& event) const;
  // Same, when the caller already knows that the core matches.
  Drop classify(const Event& event) const;

  // Scope: the pattern tests `$.eventName` and never `$.eventSource`.
  bool scope_open() const { return scope_open_; }
  // The eventSource the pattern's event names belong to, from the table;
  // "" when none of them is in it.
  const std::string& table_source() const { return table_source_; }

 private:
  std::shared_ptr<const Pattern> pattern_;
  std::shared_ptr<const Pattern> core_;
  std::vector<std::shared_ptr<const Pattern>> exclusions_;  // each rooted at one exclusion conjunct
  std::vector<std::string> exclusion_text_;
  bool scope_open_ = false;
  std::string table_source_;
};

// The eventSource of a CloudTrail event name in the table of well-known
// names (IAM policy changes, CloudTrail, sign-in, EC2 networking: the CIS
// alarms' names), or nullptr.
const char* known_event_source(std::string_view event_name);

// A scope leak of a matching event: its eventSource differs from `expected`.
struct ScopeLeak {
  std::string event_name;
  std::string event_source;  // what the event has
  std::string expected;      // what the pattern's event names belong to
  std::string reason;        // one sentence
};

// The userIdentity.type of a CloudTrail event ("IAMUser", "Root", …), or
// "(none)".
std::string identity_type_of(const Event& event);

// The radar over pasted events and their verdicts (results: one per event,
// as run_test gives them).
struct RadarReport {
  bool active = false;           // silent misses can be told (Radar::active)
  bool scope_open = false;       // scope leaks can be told (Radar::scope_open)
  std::string expected_source;   // for scope leaks ("" when it could not be told)
  bool expected_from_table = false;
  std::vector<std::string> exclusions;
  std::vector<std::pair<uint32_t, Drop>> drops;        // no-match events an exclusion dropped, by index
  std::vector<std::pair<uint32_t, ScopeLeak>> leaks;   // matching events from another service, by index
};

RadarReport radar_events(const Radar& radar, const std::vector<Event>& events,
                         const std::vector<EventResult>& results);

}  // namespace cwlf
