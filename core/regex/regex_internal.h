// Private to the regex engine (regex*.cc): the alphabet, the parsed form, the
// Thompson NFA program, the lazy DFA and the Pike VM. Nothing outside
// core/regex*.cc includes this header; the public contract is regex.h.
//
// The alphabet. Java matches over code points, and every code point a cwlf
// regex can name is at most U+00FF (the body is ASCII; `\xhh` reaches U+00FF),
// so the engines run over 258 symbols:
//   0..255       the code point U+0000..U+00FF (one byte if ASCII, two in UTF-8 otherwise)
//   kSymOther    any other code point, and any byte that is not part of valid UTF-8
//   kSymLineSep  U+2028 / U+2029, which Java's `.` and `$` treat as line terminators
// The text is cut into characters left to right: a well-formed UTF-8 sequence
// is one character, any other byte is a character by itself. That cut can also
// be made right to left (see decode_backward), which the reverse DFA needs.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "regex.h"

namespace cwlf {
namespace regex_internal {

constexpr int kSymOther = 256;
constexpr int kSymLineSep = 257;
constexpr int kNumSymbols = 258;
using SymSet = std::bitset<kNumSymbols>;

// Length of the well-formed UTF-8 sequence starting at s[i] (1..4), or 0 if
// none starts there (stray continuation byte, overlong form, surrogate, ...).
size_t utf8_sequence_length(std::string_view s, size_t i);

struct Decoded {
  int symbol;
  uint32_t length;  // bytes
};
// The character starting at s[i] (i < s.size()).
Decoded decode_forward(std::string_view s, size_t i);
// The character ending at s[p] (0 < p <= s.size()); the same cut as decode_forward.
Decoded decode_backward(std::string_view s, size_t p);

// Where Java's non-MULTILINE `$` matches besides the end of the text: just
// before a line terminator that ends the text ("\r\n", "\n", "\r", U+0085,
// U+2028, U+2029). Returns npos if the text does not end with one.
size_t final_terminator_position(std::string_view s);

// ---- Parsed form: top-level branches of quantified atoms ----

struct Item {
  enum class Kind : uint8_t { Set, Begin, End };
  Kind kind = Kind::Set;
  SymSet set;  // Kind::Set: the symbols this atom consumes (one character)
  uint32_t min = 1;
  uint32_t max = 1;  // kInfinite for unbounded
  bool lazy = false;
  uint32_t offset = 0;  // source span of atom + quantifier, for TooLarge
  uint32_t length = 0;
};
constexpr uint32_t kInfinite = UINT32_MAX;

struct Ast {
  std::vector<std::vector<Item>> branches;
};

// Allow-list check, then syntax. Exactly one of the results is meaningful:
// returns true and fills `ast`, or returns false and fills `error`.
bool parse_regex(std::string_view body, Ast* ast, RegexError* error);

// ---- Program ----

enum class Op : uint8_t { Char, Split, Jmp, Match, Begin, End };

struct Inst {
  Op op = Op::Match;
  uint32_t x = 0;  // Char/Jmp/Begin/End: next; Split: preferred branch
  uint32_t y = 0;  // Split: other branch; Char: index into Prog::sets
};

struct Prog {
  std::vector<Inst> insts;
  std::vector<SymSet> sets;              // distinct character sets
  uint16_t symbol_class[kNumSymbols]{};  // symbols no set tells apart share a class
  std::vector<int> class_representative;
  int num_classes = 0;
  uint32_t start = 0;
};

// Compiles `ast` (reversed: every branch read right to left, for the reverse
// DFA). Returns false with a TooLarge error if the program would exceed
// kMaxRegexProgram instructions.
bool compile_program(const Ast& ast, bool reversed, Prog* prog, RegexError* error);

// ---- Lazy DFA (regex_dfa.cc) ----

class LazyDfa {
 public:
  explicit LazyDfa(const Prog* prog);
  // Unanchored search, left to right; stops at the first position where a match ends.
  bool search(std::string_view text);
  // With the reversed program: scans right to left and returns the smallest
  // position where some match starts, or -1.
  int64_t leftmost_start(std::string_view text);

 private:
  struct Ctx {
    bool begin;
    bool end;
  };
  struct SparseSet {
    std::vector<uint32_t> dense, sparse;
    uint32_t size = 0;
    void init(size_t n) {
      dense.assign(n, 0);
      sparse.assign(n, 0);
      size = 0;
    }
    bool contains(uint32_t i) const { return sparse[i] < size && dense[sparse[i]] == i; }
    void insert(uint32_t i) {
      sparse[i] = size;
      dense[size++] = i;
    }
    void clear() { size = 0; }
  };

  void closure(const uint32_t* roots, size_t count, Ctx ctx);  // into visited_
  std::u16string state_key_from_visited() const;
  int32_t intern(const std::u16string& key);
  void clear_cache();
  int32_t start_state();
  int32_t step(int32_t state, int cls);  // cached, normal context
  int32_t step_special(int32_t state, int cls, Ctx ctx, bool* matched);
  bool matches_special(int32_t state, Ctx ctx);
  int32_t next_from_visited(int cls);  // kernel of visited_ on class cls, closed, interned

  const Prog* prog_;
  SparseSet visited_;
  std::vector<uint32_t> stack_;
  std::vector<uint32_t> kernel_;
  std::unordered_map<std::u16string, int32_t> index_;
  std::vector<const std::u16string*> keys_;
  std::vector<uint8_t> is_match_;
  std::vector<int32_t> trans_;
  size_t memory_ = 0;
  uint64_t generation_ = 0;  // bumped when the cache is cleared
};

// ---- Pike VM (regex_pike.cc) ----

// The end of the leftmost-first (Java priority) match that starts at `start`,
// or -1 if no match starts there.
int64_t pike_match_end(const Prog& prog, std::string_view text, size_t start);

}  // namespace regex_internal
}  // namespace cwlf
