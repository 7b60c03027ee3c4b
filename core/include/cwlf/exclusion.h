// The exclusion builder: "do not alert on this principal". From one
// CloudTrail event, picks the field that names who made the call for its
// identity type (AssumedRole: the role behind the session; IAMUser: the user
// name; Root; AWSService: invokedBy) and wraps the current JSON pattern A as
// {(<selector> != <value>) && (A)}, then says which *other* identities the
// new clause silently drops: a `!=` on a field an event lacks is false
// (observed; docs/semantics.md), so e.g. a role exclusion also drops every IAM user's event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events.h"

namespace cwlf {

struct Exclusion {
  std::optional<std::string> error;  // why no exclusion can be built (then nothing else is set)
  std::string identity_type;         // userIdentity.type of the event, e.g. "AssumedRole"
  std::string selector;              // e.g. $.userIdentity.sessionContext.sessionIssuer.userName
  std::string value;                 // e.g. cm-policymaintainer
  std::string pattern;               // {(<selector> != <value>) && (A)}
  // The same exclusion that keeps events lacking the field:
  // {(<selector> != <value> || <selector> NOT EXISTS) && (A)}; empty when
  // every identity has the field (Root's clause tests $.userIdentity.type).
  std::string keeping_pattern;
  std::string drops;                 // plain sentence: which identity types the clause silently drops
  // Pasted events that A matches, that are not by this principal, and that
  // `pattern` no longer matches (0-based), with their identity types.
  std::vector<uint32_t> dropped;
  std::vector<std::string> dropped_types;
};

// `by_arn`: for AssumedRole, name the role by sessionIssuer.arn instead of
// its userName (unique across accounts). `events` may be null.
Exclusion build_exclusion(std::string_view pattern, const Event& event, const SplitResult* events, bool by_arn = false);

}  // namespace cwlf
