// walk_tree() over a pattern's expression tree (&&, || and conditions of JSON
// patterns and of space-delimited fields). Nodes are indices into
// Pattern::nodes; an index out of range has no children.
#pragma once

#include <vector>

#include "pattern.h"
#include "tree_walk.h"

namespace cwlf::detail {

template <typename Visitor>
void walk_expr(const Pattern& p, uint32_t root, Visitor& visitor) {
  static const std::vector<uint32_t> kNone;
  const size_t size = p.nodes.size();
  // The visitor never sees an index out of range (a defence: the parser makes none).
  struct InRange {
    Visitor& visitor;
    size_t size;
    bool enter(uint32_t node, uint32_t parent) { return node < size && visitor.enter(node, parent); }
    bool after(uint32_t node, uint32_t child) { return child >= size || visitor.after(node, child); }
    void leave(uint32_t node) {
      if (node < size) visitor.leave(node);
    }
  } guarded{visitor, size};
  auto operands = [&p, size](uint32_t node) -> const std::vector<uint32_t>& {
    return node < size ? p.nodes[node].operands : kNone;
  };
  if (root < size) walk_tree(root, operands, guarded);
}

}  // namespace cwlf::detail
