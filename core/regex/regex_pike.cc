// The Pike VM: simulates the program with one thread per instruction, in
// priority order, so that the match it reports is the one Java's backtracking
// would report (leftmost-first). Used only to find where a match ends once the
// reverse DFA has found where the leftmost match starts. O(text x program).
#include <vector>

#include "regex_internal.h"

namespace cwlf {
namespace regex_internal {
namespace {

struct ThreadList {
  std::vector<uint32_t> pcs;  // consuming instructions and Match, in priority order
  std::vector<uint32_t> mark;  // generation stamp per instruction (dedup)
  uint32_t generation = 1;
  void reset() {
    pcs.clear();
    ++generation;
  }
};

// Adds pc and what it reaches without consuming, depth first in priority
// order, with an explicit stack.
void add_thread(const Prog& prog, ThreadList* list, std::vector<uint32_t>* stack, uint32_t pc, bool at_begin,
                bool at_end) {
  const Op op = prog.insts[pc].op;
  if (op == Op::Char || op == Op::Match) {  // the common case needs no stack
    if (list->mark[pc] != list->generation) {
      list->mark[pc] = list->generation;
      list->pcs.push_back(pc);
    }
    return;
  }
  stack->clear();
  stack->push_back(pc);
  while (!stack->empty()) {
    const uint32_t cur = stack->back();
    stack->pop_back();
    if (list->mark[cur] == list->generation) continue;
    list->mark[cur] = list->generation;
    const Inst& inst = prog.insts[cur];
    switch (inst.op) {
      case Op::Split:
        stack->push_back(inst.y);
        stack->push_back(inst.x);
        break;
      case Op::Jmp:
        stack->push_back(inst.x);
        break;
      case Op::Begin:
        if (at_begin) stack->push_back(inst.x);
        break;
      case Op::End:
        if (at_end) stack->push_back(inst.x);
        break;
      case Op::Char:
      case Op::Match:
        list->pcs.push_back(cur);
        break;
    }
  }
}

}  // namespace

int64_t pike_match_end(const Prog& prog, std::string_view text, size_t start) {
  const size_t n = text.size();
  const size_t before_terminator = final_terminator_position(text);
  auto at_end = [&](size_t p) { return p == n || p == before_terminator; };
  ThreadList cur, next;
  cur.mark.assign(prog.insts.size(), 0);
  next.mark.assign(prog.insts.size(), 0);
  std::vector<uint32_t> stack;
  add_thread(prog, &cur, &stack, prog.start, start == 0, at_end(start));
  int64_t matched = -1;
  size_t p = start;
  while (!cur.pcs.empty()) {
    Decoded d{0, 0};
    if (p < n) {
      const unsigned char b = static_cast<unsigned char>(text[p]);
      d = b < 0x80 ? Decoded{b, 1} : decode_forward(text, p);
    }
    next.reset();
    for (uint32_t pc : cur.pcs) {
      const Inst& inst = prog.insts[pc];
      if (inst.op == Op::Match) {
        matched = static_cast<int64_t>(p);
        break;  // lower-priority threads lose to this match
      }
      if (p < n && prog.sets[inst.y].test(static_cast<size_t>(d.symbol))) {
        add_thread(prog, &next, &stack, inst.x, false, at_end(p + d.length));
      }
    }
    if (p >= n) break;
    std::swap(cur, next);
    p += d.length;
  }
  return matched;
}

}  // namespace regex_internal
}  // namespace cwlf
