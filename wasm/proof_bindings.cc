// The JavaScript face of the proof engine (core/proof, cwlf/proof.h):
//
//   comparePatterns(a, b[, sample]) -> { relation, sentence, unknownReason,
//       witnesses: [{ message, a, b, reason, aDecided, bDecided, fromSample }] }
//       or { error: { pattern: 'A'|'B', message } } when a pattern is invalid
//   summarizePattern(pattern)       -> the plain-language summary, or '' when invalid
//
// As `cwlf compare` does; every witness was checked with the evaluator.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "cwlf/proof.h"
#include "cwlf/pattern.h"

namespace {

using emscripten::val;

val compare_impl(const std::string& a, const std::string& b, const val& sample) {
  cwlf::CompileResult ca = cwlf::compile_pattern(a), cb = cwlf::compile_pattern(b);
  if (!ca.pattern || !cb.pattern) {
    val err = val::object();
    err.set("pattern", val(ca.pattern ? "B" : "A"));
    err.set("message", val((ca.pattern ? cb : ca).error->message));
    val out = val::object();
    out.set("error", err);
    return out;
  }
  cwlf::ProofOptions opts;
  if (sample.isString()) opts.sample = sample.as<std::string>();
  cwlf::ProofResult r = cwlf::compare_patterns(*ca.pattern, *cb.pattern, opts);
  val out = val::object();
  out.set("relation", val(cwlf::relation_name(r.relation)));
  out.set("sentence", val(r.sentence));
  out.set("unknownReason", val(r.unknown_reason));
  val ws = val::array();
  for (size_t i = 0; i < r.witnesses.size(); ++i) {
    const cwlf::Witness& w = r.witnesses[i];
    val o = val::object();
    o.set("message", val(w.message));
    o.set("a", w.a);
    o.set("b", w.b);
    o.set("reason", val(w.reason));
    o.set("aDecided", val(w.a_decided));
    o.set("bDecided", val(w.b_decided));
    o.set("fromSample", w.from_sample);
    ws.set(i, o);
  }
  out.set("witnesses", ws);
  return out;
}

val compare_patterns(const std::string& a, const std::string& b, const val& sample) {
  return compare_impl(a, b, sample);
}
val compare_patterns_default(const std::string& a, const std::string& b) { return compare_impl(a, b, val::undefined()); }

std::string summarize_pattern(const std::string& pattern) {
  cwlf::CompileResult c = cwlf::compile_pattern(pattern);
  return c.pattern ? cwlf::summarize_pattern(*c.pattern) : std::string();
}

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_proof) {
  // Two overloads (embind dispatches on the argument count): the sample may be left out.
  emscripten::function("comparePatterns", &compare_patterns);
  emscripten::function("comparePatterns", &compare_patterns_default);
  emscripten::function("summarizePattern", &summarize_pattern);
}
