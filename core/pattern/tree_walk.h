// The one walker of cwlf's trees (the pattern's expression tree, the
// explanation tree): depth first, children in order, with an explicit stack,
// because a tree's depth follows the user's pattern and must never become
// the depth of the C++ call stack.
//
// The visitor has three hooks:
//   bool enter(node, parent)   before the children; false: do not visit them
//                              (parent is kNoParent for the root)
//   bool after(node, child)    after each child; false: skip the remaining children
//   void leave(node)           after the children (always, also when enter said false)
#pragma once

#include <cstdint>
#include <vector>

namespace cwlf::detail {

constexpr uint32_t kNoParent = UINT32_MAX;

// `children(node)` returns the node's children (a container of uint32_t).
template <typename Children, typename Visitor>
void walk_tree(uint32_t root, const Children& children, Visitor& visitor) {
  struct Frame {
    uint32_t node;
    uint32_t next;  // the next child to visit
    bool open;      // children still to be visited
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0, visitor.enter(root, kNoParent)});
  while (!stack.empty()) {
    const Frame top = stack.back();
    const auto& kids = children(top.node);
    if (top.open && top.next < kids.size()) {
      const uint32_t child = kids[top.next];
      stack.back().next++;
      stack.push_back({child, 0, visitor.enter(child, top.node)});
      continue;
    }
    visitor.leave(top.node);
    stack.pop_back();
    if (!stack.empty() && !visitor.after(stack.back().node, top.node)) stack.back().open = false;
  }
}

// A visitor's hooks that do nothing, to inherit from.
struct TreeVisitor {
  bool enter(uint32_t, uint32_t) { return true; }
  bool after(uint32_t, uint32_t) { return true; }
  void leave(uint32_t) {}
};

}  // namespace cwlf::detail
