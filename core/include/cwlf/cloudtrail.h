// How cwlf names a CloudTrail record to a person: its principal ("who"), and
// the one-line headline the page's event list and file summary show. One
// definition, used by the page's worker (through EventSet.events()), the file
// reader's summary (FileScan) and the CLI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "events.h"
#include "json_doc.h"

namespace cwlf {

// How a record with no identity type (identity_type() is "": not CloudTrail,
// no userIdentity, or no non-empty string type) is labelled wherever events
// are counted by identity type (the alarm chart, the radar's silent drops).
constexpr const char* kNoIdentityType = "(none)";

// The principal of a CloudTrail record (doc node 0 an object): the role behind
// an assumed-role session (sessionIssuer.userName), else the IAM user's
// userName, "root", the AWS service (invokedBy), the last part of the ARN, the
// principalId, the identity type — the first of these the record has.
// "(no userIdentity)" when it has none.
std::string principal_of(const JsonDoc& doc);

struct EventHeadline {
  std::string title;   // CloudTrail: "eventName · principal"; otherwise the message's start
  std::string detail;  // CloudTrail: "eventSource · eventTime · errorCode" (those present); otherwise ""
};

// The headline of an event, at most `max_chars` characters in the title (with
// "…" when cut); white space folded.
EventHeadline event_headline(const Event& event, size_t max_chars = 80);

}  // namespace cwlf
