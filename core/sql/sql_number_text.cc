// Can a text comparison be true for a decimal JSON number's spelling?
//
// DuckDB and Trino read a JSON number as a value and write it back in their
// own spelling (1.50 -> 1.5, 1e3 -> 1000.0), while cwlf compares the text as
// written in the event. Integers keep their spelling (but for -0), so a
// string or regex literal is translated exactly when no spelling with a
// fraction or an exponent can satisfy it: "123.123.*" (two dots) or
// %^192\.168\.% cannot, "4*" or %\d% can, and those are refused.
//
// The question is answered on the literal's parsed form: a walk of the
// literal's atoms over the automaton of JSON number spellings, tracking
// whether a `.` or an exponent has been seen. The literal may match any
// substring (unless anchored by `^`/`$`, or by the absence of a `*`).
#include <bitset>

#include "regex_internal.h"  // the regex stage's parsed form (sql links that stage)
#include "sql_internal.h"

namespace cwlf::sql_detail {

namespace ri = regex_internal;

namespace {

// JSON number spellings: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
// States: 0 start, 1 after '-', 2 leading 0, 3 integer digits, 4 after '.',
// 5 fraction digits, 6 after e/E, 7 after the exponent's sign, 8 exponent digits.
constexpr int kStates = 9;
constexpr int kDead = -1;

int number_step(int q, int c) {
  bool digit = c >= '0' && c <= '9';
  switch (q) {
    case 0: return c == '-' ? 1 : c == '0' ? 2 : digit ? 3 : kDead;
    case 1: return c == '0' ? 2 : digit ? 3 : kDead;
    case 2: return c == '.' ? 4 : (c == 'e' || c == 'E') ? 6 : kDead;
    case 3: return digit ? 3 : c == '.' ? 4 : (c == 'e' || c == 'E') ? 6 : kDead;
    case 4: return digit ? 5 : kDead;
    case 5: return digit ? 5 : (c == 'e' || c == 'E') ? 6 : kDead;
    case 6: return (c == '+' || c == '-') ? 7 : digit ? 8 : kDead;
    case 7:
    case 8: return digit ? 8 : kDead;
  }
  return kDead;
}

// States 4..8 are reached only through a `.` or an exponent: the state alone
// tells a decimal spelling from an integer one.
bool decimal_end(int q) { return q == 5 || q == 8; }

using States = std::bitset<kStates>;

States step_set(const States& from, const ri::SymSet& set) {
  States out;
  for (int q = 0; q < kStates; ++q) {
    if (!from.test(static_cast<size_t>(q))) continue;
    for (int c : {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'e', 'E', '+', '-'})
      if (set.test(static_cast<size_t>(c))) {
        int r = number_step(q, c);
        if (r != kDead) out.set(static_cast<size_t>(r));
      }
  }
  return out;
}

// One branch: a run of atoms, possibly anchored.
bool branch_may_match_decimal(const std::vector<ri::Item>& items) {
  bool begin = !items.empty() && items.front().kind == ri::Item::Kind::Begin;
  States cur;
  if (begin) cur.set(0);
  else cur.set();  // every state is reachable from the start
  bool end = false;
  for (const ri::Item& it : items) {
    if (it.kind == ri::Item::Kind::Begin) {
      if (&it != &items.front()) cur &= States().set(0);  // `^` later: only before anything was read
      continue;
    }
    if (it.kind == ri::Item::Kind::End) {
      end = true;
      continue;
    }
    if (end) return false;  // atoms after `$` never match a number (it has no line terminator)
    for (uint32_t i = 0; i < it.min && cur.any(); ++i) cur = step_set(cur, it.set);
    States reach = cur;
    for (uint32_t i = it.min; i < it.max && cur.any(); ++i) {
      cur = step_set(cur, it.set);
      States grown = reach | cur;
      if (grown == reach) break;  // nothing new: further repetitions add nothing
      reach = grown;
    }
    cur = reach;
    if (cur.none()) return false;
  }
  if (!end) return cur.any();  // any live state can be completed into a decimal spelling
  for (int q = 0; q < kStates; ++q)
    if (cur.test(static_cast<size_t>(q)) && decimal_end(q)) return true;
  return false;
}

}  // namespace

bool may_match_decimal_spelling(const Pattern& p, const Value& v) {
  ri::Ast ast;
  if (v.kind == ValueKind::Regex) {
    if (v.regex < 0 || static_cast<size_t>(v.regex) >= p.regexes.size()) return true;
    RegexError err;
    if (!ri::parse_regex(p.regexes[static_cast<size_t>(v.regex)].body(), &ast, &err)) return true;
  } else {
    std::vector<ri::Item> items;
    if (!v.prefix_wildcard) items.push_back(ri::Item{ri::Item::Kind::Begin, {}, 1, 1, false, 0, 0});
    for (unsigned char ch : v.text) {
      ri::Item it;
      it.set.set(ch < 0x80 ? ch : ri::kSymOther);
      items.push_back(it);
    }
    if (!v.suffix_wildcard) items.push_back(ri::Item{ri::Item::Kind::End, {}, 1, 1, false, 0, 0});
    ast.branches.push_back(std::move(items));
  }
  for (const std::vector<ri::Item>& b : ast.branches)
    if (branch_may_match_decimal(b)) return true;
  return false;
}

}  // namespace cwlf::sql_detail
