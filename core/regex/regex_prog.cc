// Compiling the parsed regex to a Thompson NFA program. Counted repetition is
// expanded by copying: x{2,4} becomes x x (x (x)?)?, in a flat loop.
#include <string>
#include <unordered_map>

#include "cwlf/i18n.h"
#include "resource_limits.h"
#include "regex_internal.h"

namespace cwlf {
namespace regex_internal {
namespace {

// Instructions an item expands to.
uint64_t item_size(const Item& item) {
  if (item.kind != Item::Kind::Set) return item.min == 0 ? 0 : 1;
  const uint64_t n = item.min;
  if (item.max == kInfinite) return n == 0 ? 3 : n + 1;
  return n + 2 * (static_cast<uint64_t>(item.max) - n);
}

class Compiler {
 public:
  explicit Compiler(Prog* prog) : prog_(prog) {}

  uint32_t pc() const { return static_cast<uint32_t>(prog_->insts.size()); }
  void push(Op op, uint32_t x, uint32_t y = 0) { prog_->insts.push_back(Inst{op, x, y}); }

  uint32_t set_index(const SymSet& set) {
    auto [it, inserted] = set_ids_.emplace(set.to_string(), static_cast<uint32_t>(prog_->sets.size()));
    if (inserted) prog_->sets.push_back(set);
    return it->second;
  }

  void emit(const Item& item) {
    if (item.kind != Item::Kind::Set) {
      // Anchors are zero-width: x{0,..} is empty, any other count is x itself.
      if (item.min > 0) push(item.kind == Item::Kind::Begin ? Op::Begin : Op::End, pc() + 1);
      return;
    }
    const uint32_t set = set_index(item.set);
    for (uint32_t k = 0; k < item.min; ++k) push(Op::Char, pc() + 1, set);
    if (item.max == kInfinite) {
      if (item.min == 0) {  // L: split L+1, L+3; L+1: char; L+2: jmp L
        const uint32_t loop = pc();
        if (item.lazy) push(Op::Split, loop + 3, loop + 1);
        else push(Op::Split, loop + 1, loop + 3);
        push(Op::Char, loop + 2, set);
        push(Op::Jmp, loop);
      } else {  // the last copy loops back
        const uint32_t last = pc() - 1;
        if (item.lazy) push(Op::Split, pc() + 1, last);
        else push(Op::Split, last, pc() + 1);
      }
      return;
    }
    const uint32_t optional = item.max - item.min;
    const uint32_t first_split = pc();
    for (uint32_t k = 0; k < optional; ++k) {
      push(Op::Split, 0, 0);  // patched below
      push(Op::Char, pc() + 1, set);
    }
    const uint32_t end = pc();
    for (uint32_t k = 0; k < optional; ++k) {
      Inst& split = prog_->insts[first_split + 2 * k];
      const uint32_t body = first_split + 2 * k + 1;
      split.x = item.lazy ? end : body;
      split.y = item.lazy ? body : end;
    }
  }

 private:
  Prog* prog_;
  std::unordered_map<std::string, uint32_t> set_ids_;
};

// Symbols that no set tells apart share a class (the DFA's columns).
void compute_classes(Prog* prog) {
  std::unordered_map<std::string, int> ids;
  prog->class_representative.clear();
  for (int sym = 0; sym < kNumSymbols; ++sym) {
    std::string signature(prog->sets.size(), '0');
    for (size_t k = 0; k < prog->sets.size(); ++k) {
      if (prog->sets[k].test(static_cast<size_t>(sym))) signature[k] = '1';
    }
    auto [it, inserted] = ids.emplace(signature, static_cast<int>(ids.size()));
    if (inserted) prog->class_representative.push_back(sym);
    prog->symbol_class[sym] = static_cast<uint16_t>(it->second);
  }
  prog->num_classes = static_cast<int>(ids.size());
}

}  // namespace

static_assert(kMaxRegexProgram < 60000, "DFA states store program counters as 16-bit values");

bool compile_program(const Ast& ast, bool reversed, Prog* prog, RegexError* error) {
  // Size first, so that nothing large is ever allocated.
  uint64_t total = ast.branches.size() * 2;  // splits and matches
  for (const auto& branch : ast.branches) {
    for (const Item& item : branch) {
      total += item_size(item);
      if (total > kMaxRegexProgram) {
        error->code = RegexError::Code::TooLarge;
        error->offset = item.offset;
        error->length = item.length;
        error->message = say("regex.program-too-large", {{"max", std::to_string(kMaxRegexProgram)}});
        return false;
      }
    }
  }
  *prog = Prog();
  prog->insts.reserve(static_cast<size_t>(total));
  Compiler c(prog);
  // Alternation: a chain of splits, then each branch ending in its own Match.
  const size_t nb = ast.branches.size();
  const uint32_t chain = c.pc();
  for (size_t b = 0; b + 1 < nb; ++b) c.push(Op::Split, 0, 0);
  for (size_t b = 0; b < nb; ++b) {
    const uint32_t begin = c.pc();
    if (b + 1 < nb) prog->insts[chain + b].x = begin;
    if (b > 0) {
      // The split before this branch falls through to it (or to the next split).
      prog->insts[chain + b - 1].y = (b + 1 < nb) ? chain + static_cast<uint32_t>(b) : begin;
    }
    const auto& items = ast.branches[b];
    if (reversed) {
      for (size_t k = items.size(); k-- > 0;) c.emit(items[k]);
    } else {
      for (const Item& item : items) c.emit(item);
    }
    c.push(Op::Match, 0);
  }
  prog->start = chain;
  compute_classes(prog);
  return true;
}

}  // namespace regex_internal
}  // namespace cwlf
