#include "selectors.h"

namespace cwlf {

std::vector<ReadField> fields_read(const Pattern& pattern) {
  std::vector<ReadField> out;
  if (pattern.family != PatternFamily::Json) return out;
  // Pattern::nodes is flat, so a loop over it sees every condition (no recursion).
  for (const ExprNode& node : pattern.nodes) {
    if (node.kind != ExprKind::Condition) continue;
    const Span& span = node.selector.span;
    ReadField field;
    if (span.offset <= pattern.text.size()) field.text = pattern.text.substr(span.offset, span.length);
    field.steps = node.selector.steps;
    out.push_back(std::move(field));
  }
  return out;
}

}  // namespace cwlf
