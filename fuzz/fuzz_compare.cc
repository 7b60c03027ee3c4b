// libFuzzer target: the proof engine (core/proof) against the evaluator.
// The input is pattern A, a line break, pattern B, a line break, then
// events (one per line). Fails when
//  - a witness's verdicts are not the ones it claims;
//  - an event contradicts the claimed relation (e.g. A matches and B does not
//    under `narrower` or `equivalent`);
//  - compare(B, A) is not the mirror of compare(A, B), or compare(A, A) is
//    decided as anything but `equivalent`.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cwlf/proof.h"
#include "cwlf/evaluate.h"
#include "cwlf/events.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_compare: %s\n%s\n", what, detail.c_str());
  std::abort();
}

bool contradicts(cwlf::Relation r, bool a, bool b) {
  switch (r) {
    case cwlf::Relation::Equivalent: return a != b;
    case cwlf::Relation::Narrower: return a && !b;
    case cwlf::Relation::Broader: return b && !a;
    case cwlf::Relation::Disjoint: return a && b;
    default: return false;
  }
}

cwlf::Relation mirror(cwlf::Relation r) {
  if (r == cwlf::Relation::Narrower) return cwlf::Relation::Broader;
  if (r == cwlf::Relation::Broader) return cwlf::Relation::Narrower;
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl1 = in.find('\n');
  if (nl1 == std::string_view::npos) return 0;
  size_t nl2 = in.find('\n', nl1 + 1);
  std::string_view ta = in.substr(0, nl1);
  std::string_view tb = in.substr(nl1 + 1, nl2 == std::string_view::npos ? std::string_view::npos : nl2 - nl1 - 1);
  std::string_view rest = nl2 == std::string_view::npos ? std::string_view{} : in.substr(nl2 + 1);
  cwlf::CompileResult ca = cwlf::compile_pattern(ta), cb = cwlf::compile_pattern(tb);
  if (!ca.pattern || !cb.pattern) return 0;
  const cwlf::Pattern &a = *ca.pattern, &b = *cb.pattern;
  cwlf::ProofOptions opts;
  opts.max_search_nodes = 20000;
  cwlf::ProofResult r = cwlf::compare_patterns(a, b, opts);
  std::string pair = std::string(ta) + "\n" + std::string(tb) + "\nclaimed " + cwlf::relation_name(r.relation);
  for (const cwlf::Witness& w : r.witnesses) {
    cwlf::Event e = cwlf::event_from_message(w.message);
    bool va = cwlf::evaluate(a, e, false).matched, vb = cwlf::evaluate(b, e, false).matched;
    if (va != w.a || vb != w.b) fail("a witness's verdicts are not the claimed ones", pair + "\n" + w.message);
    if (contradicts(r.relation, va, vb)) fail("a witness contradicts the relation", pair + "\n" + w.message);
  }
  for (size_t at = 0; at < rest.size();) {
    size_t end = rest.find('\n', at);
    if (end == std::string_view::npos) end = rest.size();
    cwlf::Event e = cwlf::event_from_message(std::string(rest.substr(at, end - at)));
    at = end + 1;
    if (e.error || e.message.empty()) continue;
    bool va = cwlf::evaluate(a, e, false).matched, vb = cwlf::evaluate(b, e, false).matched;
    if (contradicts(r.relation, va, vb)) fail("an event contradicts the claimed relation", pair + "\n" + e.message);
  }
  cwlf::ProofResult back = cwlf::compare_patterns(b, a, opts);
  if (r.relation != cwlf::Relation::Unknown && back.relation != cwlf::Relation::Unknown &&
      back.relation != mirror(r.relation))
    fail("compare(B, A) is not the mirror of compare(A, B)", pair + "\nback: " + cwlf::relation_name(back.relation));
  cwlf::ProofResult self = cwlf::compare_patterns(a, a, opts);
  if (self.relation != cwlf::Relation::Equivalent && self.relation != cwlf::Relation::Unknown)
    fail("compare(A, A) is not equivalent", std::string(ta) + "\n" + cwlf::relation_name(self.relation));
  return 0;
}
