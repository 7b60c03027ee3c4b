// Small helpers of the pattern AST (pattern.h).
#include "pattern.h"

namespace cwlf {

bool Selector::has_wildcard() const {
  for (const SelectorStep& s : steps)
    if (s.kind == StepKind::Wildcard) return true;
  return false;
}

const char* family_name(PatternFamily f) {
  switch (f) {
    case PatternFamily::MatchAll: return "match-all";
    case PatternFamily::Terms: return "terms";
    case PatternFamily::Json: return "json";
    case PatternFamily::Delimited: return "space-delimited";
  }
  return "unknown";
}

const char* compare_op_text(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Gt: return ">";
    case CompareOp::Le: return "<=";
    case CompareOp::Ge: return ">=";
  }
  return "?";
}

}  // namespace cwlf
