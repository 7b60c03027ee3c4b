// Shared by the proof tests: compare two patterns and check every witness
// with the evaluator, and that compare(B, A) mirrors compare(A, B).
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "cwlf/proof.h"
#include "evaluate.h"
#include "events.h"
#include "pattern.h"

namespace cwlf::testing {

inline Relation mirrored(Relation r) {
  if (r == Relation::Narrower) return Relation::Broader;
  if (r == Relation::Broader) return Relation::Narrower;
  return r;
}

// Compares and checks; returns the result of compare(A, B).
inline ProofResult checked_compare(const std::string& a, const std::string& b, const ProofOptions& opts = {}) {
  CompileResult ca = compile_pattern(a), cb = compile_pattern(b);
  REQUIRE(ca.pattern);
  REQUIRE(cb.pattern);
  ProofResult r = compare_patterns(*ca.pattern, *cb.pattern, opts);
  for (const Witness& w : r.witnesses) {
    INFO("witness " << w.message);
    Event e = event_from_message(w.message);
    CHECK(evaluate(*ca.pattern, e, false).matched == w.a);
    CHECK(evaluate(*cb.pattern, e, false).matched == w.b);
    CHECK_FALSE(w.reason.empty());
  }
  // Each direction the relation says exists has a witness.
  bool a_only = false, b_only = false, both = false;
  for (const Witness& w : r.witnesses) {
    a_only = a_only || (w.a && !w.b);
    b_only = b_only || (!w.a && w.b);
    both = both || (w.a && w.b);
  }
  switch (r.relation) {
    case Relation::Equivalent: CHECK_FALSE((a_only || b_only)); break;
    case Relation::Narrower: CHECK((b_only && !a_only)); break;
    case Relation::Broader: CHECK((a_only && !b_only)); break;
    case Relation::Disjoint: CHECK((a_only && b_only && !both)); break;
    case Relation::Overlapping: CHECK((a_only && b_only && both)); break;
    case Relation::Unknown: CHECK_FALSE(r.unknown_reason.empty()); break;
  }
  ProofResult back = compare_patterns(*cb.pattern, *ca.pattern, opts);
  CHECK(relation_name(back.relation) == std::string(relation_name(mirrored(r.relation))));
  return r;
}

}  // namespace cwlf::testing
