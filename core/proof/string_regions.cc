// String regions for the proof engine: a breadth-first walk over the product
// of one automaton per atom, recording the first (so shortest) string that
// reaches each combination of accepting atoms.
//
// Each atom runs as a Thompson NFA over the regex engine's alphabet (code
// points U+0000..U+00FF, "other", and the line separators; see
// core/regex_internal.h), simulated as sets of program counters. A %regex%
// uses the regex engine's own parsed program with search semantics (the
// start is re-entered at every position) and Java's `$` (end of text, or
// before a final line terminator); the literal kinds get a small program of
// their own whose end is the strict end of the text; the JSON number grammar
// is a hand-written DFA. Nothing recurses: closures use explicit stacks.
#include "string_regions.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

#include "regex_internal.h"

namespace cwlf::proof {

namespace {

using regex_internal::Inst;
using regex_internal::kNumSymbols;
using regex_internal::kSymLineSep;
using regex_internal::kSymOther;
using regex_internal::Op;
using regex_internal::Prog;
using regex_internal::SymSet;

bool is_terminator(int sym) { return sym == '\n' || sym == '\r' || sym == 0x85 || sym == kSymLineSep; }

// The JSON number grammar as a DFA: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
constexpr uint32_t kNumDead = 9;
uint32_t number_step(uint32_t s, int c) {
  bool digit = c >= '0' && c <= '9';
  switch (s) {
    case 0: return c == '-' ? 1 : c == '0' ? 2 : digit ? 3 : kNumDead;
    case 1: return c == '0' ? 2 : digit ? 3 : kNumDead;
    case 2: return c == '.' ? 4 : (c == 'e' || c == 'E') ? 6 : kNumDead;
    case 3: return digit ? 3 : c == '.' ? 4 : (c == 'e' || c == 'E') ? 6 : kNumDead;
    case 4: return digit ? 5 : kNumDead;
    case 5: return digit ? 5 : (c == 'e' || c == 'E') ? 6 : kNumDead;
    case 6: return (c == '+' || c == '-') ? 7 : digit ? 8 : kNumDead;
    case 7:
    case 8: return digit ? 8 : kNumDead;
    default: return kNumDead;
  }
}
bool number_accepts(uint32_t s) { return s == 2 || s == 3 || s == 5 || s == 8; }

struct Machine {
  bool number = false;  // the JSON number DFA instead of a program
  bool java_end = false;
  Prog prog;
  // Scratch space of closure(), kept to avoid an allocation per step.
  mutable std::vector<uint32_t> seen;
  mutable uint32_t stamp = 0;
  mutable std::vector<uint32_t> stack;
};

struct AtomState {
  std::vector<uint32_t> pcs;  // threads blocked at Char, Begin, End or Match (sorted); the DFA state for numbers
  bool matched = false;       // a match has ended somewhere already (search semantics)
  bool pend = false;          // `$` held just before the final terminator that was just read
  bool pend_cr = false;       // `$` held just before a `\r` that was just read
  bool at_start = true;
};

// Follows Split/Jmp (and Begin/End where the context allows) from `roots`.
void closure(const Machine& m, const std::vector<uint32_t>& roots, bool begin, bool end, std::vector<uint32_t>& out,
             bool& reached_match) {
  const Prog& p = m.prog;
  if (m.seen.size() != p.insts.size() || m.stamp == UINT32_MAX) {
    m.seen.assign(p.insts.size(), 0);
    m.stamp = 0;
  }
  uint32_t stamp = ++m.stamp;
  std::vector<uint32_t>& seen = m.seen;
  std::vector<uint32_t>& stack = m.stack;
  stack.assign(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    uint32_t pc = stack.back();
    stack.pop_back();
    if (pc >= p.insts.size() || seen[pc] == stamp) continue;
    seen[pc] = stamp;
    const Inst& in = p.insts[pc];
    switch (in.op) {
      case Op::Split:
        stack.push_back(in.y);
        stack.push_back(in.x);
        break;
      case Op::Jmp: stack.push_back(in.x); break;
      case Op::Begin:
        if (begin) stack.push_back(in.x);
        else out.push_back(pc);
        break;
      case Op::End:
        if (end) stack.push_back(in.x);
        else out.push_back(pc);
        break;
      case Op::Match:
        reached_match = true;
        out.push_back(pc);
        break;
      case Op::Char: out.push_back(pc); break;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// Would `$` (or the strict end) hold here, leading to a match?
bool end_matches(const Machine& m, const AtomState& s) {
  std::vector<uint32_t> roots, out;
  for (uint32_t pc : s.pcs)
    if (m.prog.insts[pc].op == Op::End) roots.push_back(pc);
  if (roots.empty()) return false;
  bool hit = false;
  closure(m, roots, s.at_start, true, out, hit);
  return hit;
}

AtomState start_state(const Machine& m) {
  AtomState s;
  if (m.number) {
    s.pcs = {0};
    return s;
  }
  closure(m, {m.prog.start}, true, false, s.pcs, s.matched);
  if (s.matched) s.pcs.clear();
  return s;
}

AtomState step(const Machine& m, const AtomState& s, int sym) {
  AtomState n;
  n.at_start = false;
  if (m.number) {
    n.pcs = {number_step(s.pcs[0], sym)};
    return n;
  }
  if (s.matched) {  // a search that has matched stays matched: nothing more to track
    n.matched = true;
    return n;
  }
  bool e_here = m.java_end && end_matches(m, s);
  std::vector<uint32_t> kernel;
  for (uint32_t pc : s.pcs) {
    const Inst& in = m.prog.insts[pc];
    if (in.op == Op::Char && m.prog.sets[in.y][static_cast<size_t>(sym)]) kernel.push_back(in.x);
  }
  kernel.push_back(m.prog.start);  // unanchored search: a match may start at every position
  bool hit = false;
  closure(m, kernel, false, false, n.pcs, hit);
  n.matched = hit;
  if (hit) {
    n.pcs.clear();
    return n;
  }
  n.pend = m.java_end && ((is_terminator(sym) && e_here) || (sym == '\n' && s.pend_cr));
  n.pend_cr = m.java_end && sym == '\r' && e_here;
  return n;
}

bool accepts(const Machine& m, const AtomState& s) {
  if (m.number) return number_accepts(s.pcs[0]);
  return s.matched || s.pend || end_matches(m, s);
}

// The code points of a literal; false when one falls outside what the
// alphabet tells apart (above U+00FF, or bytes that are not UTF-8).
bool literal_symbols(std::string_view text, std::vector<int>& out) {
  bool exact = true;
  for (size_t i = 0; i < text.size();) {
    regex_internal::Decoded d = regex_internal::decode_forward(text, i);
    if (d.symbol == kSymOther || d.symbol == kSymLineSep) exact = false;
    out.push_back(d.symbol);
    i += d.length ? d.length : 1;
  }
  return exact;
}

bool build_machine(const StringAtom& a, Machine& m, std::string& why) {
  if (a.kind == StringAtom::Kind::JsonNumber) {
    m.number = true;
    return true;
  }
  if (a.kind == StringAtom::Kind::Regex) {
    regex_internal::Ast ast;
    RegexError err;
    if (!regex_internal::parse_regex(a.text, &ast, &err) ||
        !regex_internal::compile_program(ast, false, &m.prog, &err)) {
      why = "the regular expression %" + a.text + "% could not be compiled";
      return false;
    }
    m.java_end = true;
    return true;
  }
  std::vector<int> syms;
  bool exact = literal_symbols(a.text, syms);
  if (!exact) why = "the value \"" + a.text + "\" has characters above U+00FF, which the proof does not tell apart";
  Prog& p = m.prog;
  auto add = [&](Op op, uint32_t y = 0) {
    Inst in;
    in.op = op;
    in.x = static_cast<uint32_t>(p.insts.size() + 1);
    in.y = y;
    p.insts.push_back(in);
  };
  bool anchored_start = a.kind == StringAtom::Kind::Exact || a.kind == StringAtom::Kind::Prefix;
  bool anchored_end = a.kind == StringAtom::Kind::Exact || a.kind == StringAtom::Kind::Suffix;
  if (anchored_start) add(Op::Begin);
  for (int s : syms) {
    SymSet set;
    set.set(static_cast<size_t>(s));
    p.sets.push_back(set);
    add(Op::Char, static_cast<uint32_t>(p.sets.size() - 1));
  }
  if (anchored_end) add(Op::End);
  add(Op::Match);
  p.start = 0;
  return exact;
}

void append_symbol(std::string& out, int sym) {
  if (sym < 0x80) {
    out += static_cast<char>(sym);
  } else if (sym < 0x100) {
    out += static_cast<char>(0xC0 | (sym >> 6));
    out += static_cast<char>(0x80 | (sym & 0x3F));
  } else if (sym == kSymOther) {
    out += "\xC4\x80";  // U+0100
  } else {
    out += "\xE2\x80\xA8";  // U+2028
  }
}

// One symbol per class of symbols that no atom tells apart, preferring
// letters and digits so that witnesses read well.
std::vector<int> alphabet(const std::vector<Machine>& ms) {
  std::vector<SymSet> sets;
  for (const Machine& m : ms) {
    if (m.number) {
      for (int c : {int{'-'}, int{'+'}, int{'.'}, int{'e'}, int{'E'}, int{'0'}}) {
        SymSet s;
        s.set(static_cast<size_t>(c));
        sets.push_back(s);
      }
      SymSet d;
      for (int c = '1'; c <= '9'; ++c) d.set(static_cast<size_t>(c));
      sets.push_back(d);
    }
    for (const SymSet& s : m.prog.sets) sets.push_back(s);
  }
  for (int c : {int{'\n'}, int{'\r'}, 0x85, kSymLineSep}) {
    SymSet s;
    s.set(static_cast<size_t>(c));
    sets.push_back(s);
  }
  std::vector<int> order;
  for (int c = 'a'; c <= 'z'; ++c) order.push_back(c);
  for (int c = 'A'; c <= 'Z'; ++c) order.push_back(c);
  for (int c = '0'; c <= '9'; ++c) order.push_back(c);
  for (int c = 32; c < 127; ++c) order.push_back(c);
  for (int c = 0; c < kNumSymbols; ++c) order.push_back(c);
  std::unordered_map<std::string, int> rep;
  std::vector<int> out;
  for (int c : order) {
    std::string sig(sets.size(), '0');
    for (size_t i = 0; i < sets.size(); ++i)
      if (sets[i][static_cast<size_t>(c)]) sig[i] = '1';
    if (rep.emplace(sig, c).second) out.push_back(c);
  }
  return out;
}

void append_key(std::string& key, const AtomState& s) {
  for (uint32_t pc : s.pcs) key.append(reinterpret_cast<const char*>(&pc), sizeof pc);
  key += static_cast<char>(s.matched | (s.pend << 1) | (s.pend_cr << 2) | (s.at_start << 3));
  key += '\xff';
}

}  // namespace

RegionResult string_regions(const std::vector<StringAtom>& all_atoms, size_t max_states,
                            const std::function<bool(const Region&)>& enough) {
  // Identical atoms share one automaton; `which` maps each atom to it.
  std::vector<StringAtom> atoms;
  std::vector<size_t> which;
  for (const StringAtom& a : all_atoms) {
    size_t i = 0;
    while (i < atoms.size() && !(atoms[i].kind == a.kind && atoms[i].text == a.text)) ++i;
    if (i == atoms.size()) atoms.push_back(a);
    which.push_back(i);
  }
  RegionResult r;
  std::vector<Machine> ms(atoms.size());
  bool exact = true;
  for (size_t i = 0; i < atoms.size(); ++i) {
    std::string why;
    if (!build_machine(atoms[i], ms[i], why)) {
      exact = false;
      if (r.incomplete_reason.empty()) r.incomplete_reason = why;
      if (atoms[i].kind == StringAtom::Kind::Regex) return r;
    }
  }
  std::vector<int> syms = alphabet(ms);

  // Each atom's automaton is turned into a DFA lazily: its states are
  // interned once, their transitions and acceptance cached, so the product
  // walk only looks up small integers.
  struct AtomDfa {
    std::vector<AtomState> states;
    std::unordered_map<std::string, int32_t> ids;
    std::vector<int32_t> trans;  // states x syms, -1 not computed yet
    std::vector<uint8_t> accepting;
  };
  std::vector<AtomDfa> dfas(ms.size());
  auto intern = [&](size_t i, AtomState st) {
    std::string k;
    append_key(k, st);
    auto it = dfas[i].ids.find(k);
    if (it != dfas[i].ids.end()) return it->second;
    int32_t id = static_cast<int32_t>(dfas[i].states.size());
    dfas[i].ids.emplace(std::move(k), id);
    dfas[i].accepting.push_back(accepts(ms[i], st));
    dfas[i].states.push_back(std::move(st));
    dfas[i].trans.resize(dfas[i].trans.size() + syms.size(), -1);
    return id;
  };
  auto next_state = [&](size_t i, int32_t from, size_t sym_index) {
    int32_t t = dfas[i].trans[static_cast<size_t>(from) * syms.size() + sym_index];
    if (t >= 0) return t;
    AtomState st = step(ms[i], dfas[i].states[static_cast<size_t>(from)], syms[sym_index]);
    t = intern(i, std::move(st));
    dfas[i].trans[static_cast<size_t>(from) * syms.size() + sym_index] = t;
    return t;
  };

  struct Node {
    std::vector<int32_t> states;
    uint32_t parent;
    int sym;
  };
  std::vector<Node> nodes;
  std::unordered_map<std::string, uint32_t> seen;
  std::unordered_map<std::string, size_t> region_of;
  auto key_of = [](const std::vector<int32_t>& st) {
    return std::string(reinterpret_cast<const char*>(st.data()), st.size() * sizeof(int32_t));
  };
  auto witness_of = [&](uint32_t n) {
    std::vector<int> path;
    for (uint32_t i = n; nodes[i].parent != UINT32_MAX; i = nodes[i].parent) path.push_back(nodes[i].sym);
    std::string w;
    for (size_t i = path.size(); i-- > 0;) append_symbol(w, path[i]);
    return w;
  };
  std::vector<int32_t> first;
  for (size_t i = 0; i < ms.size(); ++i) first.push_back(intern(i, start_state(ms[i])));
  seen.emplace(key_of(first), 0);
  nodes.push_back({std::move(first), UINT32_MAX, 0});
  bool truncated = false;
  std::vector<int32_t> next(ms.size());
  for (uint32_t at = 0; at < nodes.size(); ++at) {
    std::string sig(ms.size(), '0');
    for (size_t i = 0; i < ms.size(); ++i)
      if (dfas[i].accepting[static_cast<size_t>(nodes[at].states[i])]) sig[i] = '1';
    if (region_of.emplace(sig, r.regions.size()).second) {
      std::vector<bool> per_atom;
      for (size_t w : which) per_atom.push_back(sig[w] == '1');
      r.regions.push_back({per_atom, witness_of(at)});
      if (enough && enough(r.regions.back())) {
        r.incomplete_reason = "stopped early";
        return r;  // complete stays false
      }
    }
    for (size_t si = 0; si < syms.size(); ++si) {
      for (size_t i = 0; i < ms.size(); ++i) next[i] = next_state(i, nodes[at].states[i], si);
      std::string k = key_of(next);
      if (seen.count(k)) continue;
      if (nodes.size() >= max_states) {
        truncated = true;
        continue;
      }
      seen.emplace(std::move(k), static_cast<uint32_t>(nodes.size()));
      nodes.push_back({next, at, syms[si]});
    }
  }
  if (truncated && r.incomplete_reason.empty())
    r.incomplete_reason = "the values' automata have more than " + std::to_string(max_states) + " combined states";
  r.complete = exact && !truncated;
  return r;
}

bool atom_accepts(const StringAtom& atom, std::string_view text) {
  Machine m;
  std::string why;
  build_machine(atom, m, why);
  if (atom.kind == StringAtom::Kind::Regex && m.prog.insts.empty()) return false;
  AtomState s = start_state(m);
  for (size_t i = 0; i < text.size();) {
    regex_internal::Decoded d = regex_internal::decode_forward(text, i);
    s = step(m, s, d.symbol);
    i += d.length ? d.length : 1;
  }
  return accepts(m, s);
}

}  // namespace cwlf::proof
