// cwlf's public API: the umbrella header, in the order a log event travels.
// cli/, wasm/, fuzz/ and bench/ include only headers of this folder (through
// the `cwlf_core` CMake target); everything else in core/ is private to its
// stage. Each section names the header that declares it.
#pragma once

// ---- Vocabulary: spans, diagnostics (errors as values), limits -------------
#include "diagnostic.h"       // Span, Diagnostic: every error, with its position
#include "diagnostic_codes.h" // every code a Diagnostic or a warning carries, with its meaning
#include "resource_limits.h"  // every size a user controls, and its limit
#include "i18n.h"             // the languages cwlf speaks: say(), the message catalogues

// ---- Patterns: compile once, inspect, print ---------------------------------
#include "regex.h"            // the %regex% dialect (RE2-like automata, linear time)
#include "pattern.h"          // compile_pattern(): text -> Pattern or Diagnostic
#include "pattern_print.h"    // the normalised pattern, explicit parentheses
#include "selectors.h"        // the JSON fields a pattern reads

// ---- Events: from pasted text or a stream to messages ------------------------
#include "json_doc.h"         // the JSON reader events are parsed with (no recursion)
#include "events.h"           // split_events(): a paste -> events, each with its span
#include "event_stream.h"     // EventStream: the same, chunk by chunk, bounded memory

// ---- Verdicts: one event at a time ------------------------------------------
#include "evaluate.h"         // evaluate(): verdict, explanation tree, extracted values
#include "run.h"              // run_test(): a pattern over a paste
#include "lint.h"             // pitfall warnings with one-click fixes
#include "result_names.h"     // the result schema's enum names
#include "result_json.h"      // the one JSON writer of results (CLI and wasm)

// ---- Scanning many events fast -----------------------------------------------
#include "literal_search.h"   // substring search used by the scans
#include "prefilter.h"        // literals every match must contain
#include "needle_set.h"       // several literals in one pass
#include "event_filter.h"     // EventFilter: prefilter + evaluate per event
#include "candidate_scan.h"   // CandidateScan: bulk scan of JSON Lines chunks

// ---- Features built on verdicts ----------------------------------------------
#include "metric_filter.h"    // what a metric filter publishes per event
#include "exclusion.h"        // "Exclude this principal": the safe rewrite
#include "cloudtrail.h"       // a CloudTrail record's principal and headline, for people
