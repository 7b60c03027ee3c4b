// The lazily built DFA. A state is the sorted set of program counters reached
// after following every split and jump (the epsilon closure), keeping the
// consuming instructions, Match, and the anchors as unfollowed markers.
//
// Anchors depend only on the position: `^` holds at 0, `$` at the end and just
// before a final line terminator. Everywhere else neither holds, so states and
// their transitions are computed for that "normal" context and cached. At the
// (at most three) special positions the closure is re-run from the state with
// the anchors that hold there, uncached.
//
// The search is unanchored: every state also holds the closure of the start.
// The cache is bounded; when full it is cleared and rebuilt as the scan goes on,
// so each character costs at most one closure (linear in the program).
#include <algorithm>

#include "regex_internal.h"

namespace cwlf {
namespace regex_internal {
namespace {

constexpr size_t kMaxStates = 10000;
constexpr size_t kMemoryBudget = 8u << 20;  // bytes of state sets and transition rows
constexpr size_t kStateOverhead = 96;       // map node, key header, bookkeeping

}  // namespace

LazyDfa::LazyDfa(const Prog* prog) : prog_(prog) {
  visited_.init(prog->insts.size());
  stack_.reserve(prog->insts.size());
}

void LazyDfa::closure(const uint32_t* roots, size_t count, Ctx ctx) {
  visited_.clear();
  stack_.clear();
  for (size_t k = count; k-- > 0;) stack_.push_back(roots[k]);
  while (!stack_.empty()) {
    const uint32_t pc = stack_.back();
    stack_.pop_back();
    if (visited_.contains(pc)) continue;
    visited_.insert(pc);
    const Inst& inst = prog_->insts[pc];
    switch (inst.op) {
      case Op::Split:
        stack_.push_back(inst.y);
        stack_.push_back(inst.x);
        break;
      case Op::Jmp:
        stack_.push_back(inst.x);
        break;
      case Op::Begin:
        if (ctx.begin) stack_.push_back(inst.x);
        break;
      case Op::End:
        if (ctx.end) stack_.push_back(inst.x);
        break;
      case Op::Char:
      case Op::Match:
        break;
    }
  }
}

std::u16string LazyDfa::state_key_from_visited() const {
  std::u16string key;
  key.reserve(visited_.size);
  auto keep = [&](uint32_t pc) {
    const Op op = prog_->insts[pc].op;
    return op != Op::Split && op != Op::Jmp;
  };
  if (static_cast<size_t>(visited_.size) * 16 >= prog_->insts.size()) {
    // Dense: walking the program in order is cheaper than sorting.
    for (uint32_t pc = 0; pc < prog_->insts.size(); ++pc) {
      if (visited_.contains(pc) && keep(pc)) key.push_back(static_cast<char16_t>(pc));
    }
    return key;
  }
  for (uint32_t k = 0; k < visited_.size; ++k) {
    if (keep(visited_.dense[k])) key.push_back(static_cast<char16_t>(visited_.dense[k]));
  }
  std::sort(key.begin(), key.end());
  return key;
}

void LazyDfa::clear_cache() {
  index_.clear();
  keys_.clear();
  is_match_.clear();
  trans_.clear();
  memory_ = 0;
  ++generation_;
}

int32_t LazyDfa::intern(const std::u16string& key) {
  auto found = index_.find(key);
  if (found != index_.end()) return found->second;
  const int32_t id = static_cast<int32_t>(keys_.size());
  auto it = index_.emplace(key, id).first;
  keys_.push_back(&it->first);
  bool match = false;
  for (char16_t pc : key) match = match || prog_->insts[pc].op == Op::Match;
  is_match_.push_back(match ? 1 : 0);
  trans_.resize(trans_.size() + static_cast<size_t>(prog_->num_classes), -1);
  memory_ += key.size() * sizeof(char16_t) + static_cast<size_t>(prog_->num_classes) * sizeof(int32_t) +
             kStateOverhead;
  return id;
}

int32_t LazyDfa::start_state() {
  const uint32_t root = prog_->start;
  closure(&root, 1, Ctx{false, false});
  return intern(state_key_from_visited());
}

// visited_ holds a closure; take the consuming instructions that accept the
// class, add the start (unanchored search), close, intern. May clear the cache.
int32_t LazyDfa::next_from_visited(int cls) {
  const int rep = prog_->class_representative[static_cast<size_t>(cls)];
  kernel_.clear();
  for (uint32_t k = 0; k < visited_.size; ++k) {
    const Inst& inst = prog_->insts[visited_.dense[k]];
    if (inst.op == Op::Char && prog_->sets[inst.y].test(static_cast<size_t>(rep))) kernel_.push_back(inst.x);
  }
  kernel_.push_back(prog_->start);
  closure(kernel_.data(), kernel_.size(), Ctx{false, false});
  std::u16string key = state_key_from_visited();
  if (index_.find(key) == index_.end() && (keys_.size() >= kMaxStates || memory_ > kMemoryBudget)) {
    clear_cache();
  }
  return intern(key);
}

int32_t LazyDfa::step(int32_t state, int cls) {
  const size_t slot = static_cast<size_t>(state) * static_cast<size_t>(prog_->num_classes) + static_cast<size_t>(cls);
  if (trans_[slot] >= 0) return trans_[slot];
  // A state is already closed for the normal context: its pcs are the closure.
  const std::u16string& key = *keys_[static_cast<size_t>(state)];
  visited_.clear();
  for (char16_t pc : key) visited_.insert(pc);
  const uint64_t generation = generation_;
  const int32_t next = next_from_visited(cls);
  if (generation != generation_) {
    return next;  // the cache was cleared, `state` with it: the edge is not cached
  }
  trans_[slot] = next;
  return next;
}

bool LazyDfa::matches_special(int32_t state, Ctx ctx) {
  const std::u16string& key = *keys_[static_cast<size_t>(state)];
  kernel_.assign(key.begin(), key.end());
  closure(kernel_.data(), kernel_.size(), ctx);
  for (uint32_t k = 0; k < visited_.size; ++k) {
    if (prog_->insts[visited_.dense[k]].op == Op::Match) return true;
  }
  return false;
}

int32_t LazyDfa::step_special(int32_t state, int cls, Ctx ctx, bool* matched) {
  *matched = matches_special(state, ctx);  // leaves the closure in visited_
  return next_from_visited(cls);
}

bool LazyDfa::search(std::string_view text) {
  const size_t n = text.size();
  const size_t before_terminator = final_terminator_position(text);
  int32_t state = start_state();
  size_t p = 0;
  for (;;) {
    const bool special = p == 0 || p == n || p == before_terminator;
    const Ctx ctx{p == 0, p == n || p == before_terminator};
    if (p == n) return is_match_[static_cast<size_t>(state)] || matches_special(state, ctx);
    const unsigned char b = static_cast<unsigned char>(text[p]);
    Decoded d = b < 0x80 ? Decoded{b, 1} : decode_forward(text, p);
    const int cls = prog_->symbol_class[d.symbol];
    if (special) {
      bool matched = false;
      state = step_special(state, cls, ctx, &matched);
      if (matched) return true;
    } else {
      if (is_match_[static_cast<size_t>(state)]) return true;
      state = step(state, cls);
    }
    p += d.length;
  }
}

int64_t LazyDfa::leftmost_start(std::string_view text) {
  const size_t n = text.size();
  const size_t before_terminator = final_terminator_position(text);
  int32_t state = start_state();
  int64_t best = -1;
  size_t p = n;
  for (;;) {
    const bool special = p == 0 || p == n || p == before_terminator;
    const Ctx ctx{p == 0, p == n || p == before_terminator};
    if (p == 0) {
      if (is_match_[static_cast<size_t>(state)] || matches_special(state, ctx)) best = 0;
      return best;
    }
    const Decoded d = decode_backward(text, p);
    const int cls = prog_->symbol_class[d.symbol];
    if (special) {
      bool matched = false;
      state = step_special(state, cls, ctx, &matched);
      if (matched) best = static_cast<int64_t>(p);
    } else {
      if (is_match_[static_cast<size_t>(state)]) best = static_cast<int64_t>(p);
      state = step(state, cls);
    }
    p -= d.length;
  }
}

}  // namespace regex_internal
}  // namespace cwlf
