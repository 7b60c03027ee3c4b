// The value classes of the selectors two JSON patterns read.
//
// For each selector (by its steps), every condition of either pattern on it
// is collected; the selector's possible values are cut into classes that
// every one of those conditions treats alike: missing, null, true, false,
// an object, an array (with or without a null element), one string per
// region of the string literals' languages (core/proof/string_regions), and
// numbers: one per region of those languages that holds JSON numbers, plus
// every numeric literal, a value between each two and beyond both ends, each
// in a spelling that no exact string literal names. The classes of one
// selector are deduplicated by what the conditions say of them.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "eval_internal.h"
#include "events.h"
#include "proof_internal.h"
#include "string_regions.h"

namespace cwlf::proof {

namespace {

constexpr size_t kMaxRegionStates = 20000;

std::string step_key(const std::vector<SelectorStep>& steps) {
  std::string k;
  for (const SelectorStep& s : steps) {
    if (s.kind == StepKind::Member) k += "." + std::to_string(s.name.size()) + ":" + s.name;
    else if (s.kind == StepKind::Index) k += "[" + std::to_string(s.index) + "]";
    else k += "*";
  }
  return k;
}

bool is_prefix(const std::vector<SelectorStep>& p, const std::vector<SelectorStep>& q) {
  if (p.size() >= q.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i].kind != q[i].kind) return false;
    if (p[i].kind == StepKind::Member && p[i].name != q[i].name) return false;
    if (p[i].kind == StepKind::Index && p[i].index != q[i].index) return false;
  }
  return true;
}

// The shortest spelling of `v` that reads back as `v`.
std::string spell(double v) {
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

// Spellings of `v`: the shortest, then others, so that one of them differs
// from every exact string literal (there are infinitely many).
std::vector<std::string> spellings(double v) {
  std::string s = spell(v);
  std::vector<std::string> out{s};
  bool has_dot = s.find('.') != std::string::npos, has_e = s.find('e') != std::string::npos;
  if (!has_dot && !has_e) out.push_back(s + ".0");
  if (has_dot && !has_e) out.push_back(s + "0");
  if (!has_e) out.push_back(s + "e0");
  // The same value with its digits shifted: other first digits, for wildcards and regexes.
  for (const auto& [shifted, exp] : {std::pair<double, const char*>{v / 10, "e1"}, {v * 10, "e-1"}}) {
    std::string t = spell(shifted);
    if (v != 0 && !has_e && t.find('e') == std::string::npos) out.push_back(t + exp);
  }
  return out;
}

// The selector's value in the sample, as a candidate.
std::optional<Candidate> sample_value(const JsonDoc& doc, const std::vector<SelectorStep>& steps) {
  uint32_t n = 0;
  for (const SelectorStep& s : steps) {
    n = s.kind == StepKind::Member ? doc.member(n, s.name) : doc.element(n, s.index);
    if (n == kNoNode) return Candidate{Candidate::Kind::Missing, "", true};
  }
  const JsonNode& node = doc.nodes[n];
  Candidate c;
  c.from_sample = true;
  switch (node.type) {
    case JsonType::Null: c.kind = Candidate::Kind::Null; break;
    case JsonType::True: c.kind = Candidate::Kind::True; break;
    case JsonType::False: c.kind = Candidate::Kind::False; break;
    case JsonType::Number: c.kind = Candidate::Kind::Number, c.text = std::string(doc.text(node)); break;
    case JsonType::String: c.kind = Candidate::Kind::String, c.text = std::string(doc.text(node)); break;
    case JsonType::Object: c.kind = Candidate::Kind::Object; break;
    case JsonType::Array: {
      c.kind = Candidate::Kind::Array;
      for (uint32_t ch = node.first_child; ch != kNoNode; ch = doc.nodes[ch].next_sibling)
        if (doc.nodes[ch].type == JsonType::Null) c.kind = Candidate::Kind::ArrayWithNull;
      break;
    }
  }
  return c;
}

// The candidate kinds' shapes as far as deeper selectors care.
int shape(Candidate::Kind k) {
  switch (k) {
    case Candidate::Kind::Missing: return 0;
    case Candidate::Kind::Object: return 2;
    case Candidate::Kind::Array:
    case Candidate::Kind::ArrayWithNull: return 3;
    default: return 1;
  }
}

void add_values(SelectorSpace& sel, const Space& space) {
  std::vector<StringAtom> atoms;
  std::vector<double> numbers;
  bool pattern_atoms = false;
  for (const CondRef& c : sel.conds) {
    const Pattern& p = *space.patterns[c.pattern];
    const ExprNode& n = p.nodes[c.node];
    if (n.condition != ConditionKind::Compare) continue;
    const Value& v = n.value;
    switch (v.kind) {
      case ValueKind::AnyValue: break;
      case ValueKind::Number:
        numbers.push_back(v.number);
        if (n.op == CompareOp::Eq || n.op == CompareOp::Ne) {
          atoms.push_back({StringAtom::Kind::Exact, v.text});
        }
        break;
      case ValueKind::Regex:
        pattern_atoms = true;
        if (v.regex >= 0 && static_cast<size_t>(v.regex) < p.regexes.size())
          atoms.push_back({StringAtom::Kind::Regex, p.regexes[static_cast<size_t>(v.regex)].body()});
        break;
      case ValueKind::String: {
        StringAtom::Kind k = v.prefix_wildcard && v.suffix_wildcard ? StringAtom::Kind::Contains
                             : v.prefix_wildcard                    ? StringAtom::Kind::Suffix
                             : v.suffix_wildcard                    ? StringAtom::Kind::Prefix
                                                                    : StringAtom::Kind::Exact;
        if (k != StringAtom::Kind::Exact) pattern_atoms = true;
        atoms.push_back({k, v.text});
        break;
      }
    }
  }
  atoms.push_back({StringAtom::Kind::JsonNumber, ""});
  RegionResult regions = string_regions(atoms, kMaxRegionStates);
  if (!regions.complete) {
    sel.complete = false;
    sel.incomplete_reason = "the string values of " + sel.shown + ": " + regions.incomplete_reason;
  }
  std::vector<Candidate>& out = sel.candidates;
  for (const Region& r : regions.regions) out.push_back({Candidate::Kind::String, r.witness});
  out.push_back({Candidate::Kind::Missing, ""});
  for (const Region& r : regions.regions)
    if (r.accepts.back()) out.push_back({Candidate::Kind::Number, r.witness});
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::vector<double> reps;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (!std::isfinite(numbers[i])) continue;
    reps.push_back(numbers[i]);
    if (i + 1 < numbers.size() && std::isfinite(numbers[i + 1])) {
      double mid = numbers[i] / 2 + numbers[i + 1] / 2;
      if (mid != numbers[i] && mid != numbers[i + 1]) reps.push_back(mid);
    }
  }
  if (!reps.empty()) {
    // Beyond both ends, even where +1 is absorbed (1e308 + 1 == 1e308).
    double lo = std::floor(reps.front()) - 1, hi = std::ceil(reps.back()) + 1;
    if (lo >= reps.front()) lo = std::nextafter(reps.front(), -INFINITY);
    if (hi <= reps.back()) hi = std::nextafter(reps.back(), INFINITY);
    for (double v : {lo, hi})
      if (std::isfinite(v)) reps.push_back(v);
  }
  for (double v : reps) {
    std::vector<std::string> sp = spellings(v);
    for (const std::string& t : sp) out.push_back({Candidate::Kind::Number, t});
  }
  if (!numbers.empty() && pattern_atoms && sel.complete) {
    sel.complete = false;
    sel.incomplete_reason = sel.shown +
                            " is compared both with numbers and with wildcard or regex text; the proof does not "
                            "combine numeric intervals with text patterns over a number's spelling";
  }
  // Numbers too large for a double read as infinities.
  if (!numbers.empty()) {
    out.push_back({Candidate::Kind::Number, "1e999"});
    out.push_back({Candidate::Kind::Number, "-1e999"});
  }
  for (Candidate::Kind k : {Candidate::Kind::Null, Candidate::Kind::True, Candidate::Kind::False,
                            Candidate::Kind::Object, Candidate::Kind::Array, Candidate::Kind::ArrayWithNull})
    out.push_back({k, ""});
}

}  // namespace

bool candidate_holds(const Pattern& p, const ExprNode& cond, const Candidate& c) {
  using K = Candidate::Kind;
  switch (cond.condition) {
    case ConditionKind::NotExists: return c.kind == K::Missing;
    case ConditionKind::IsNull: return c.kind == K::Null || c.kind == K::ArrayWithNull;
    case ConditionKind::IsTrue: return c.kind == K::True;
    case ConditionKind::IsFalse: return c.kind == K::False;
    case ConditionKind::Compare:
      if (c.kind != K::String && c.kind != K::Number) return false;
      return detail::compare_scalar(p, cond, c.text, c.kind == K::Number);
  }
  return false;
}

Space build_space(const Pattern& a, const Pattern& b, const std::string* sample_json) {
  Space space;
  space.patterns[0] = &a;
  space.patterns[1] = &b;
  std::map<std::string, int> index;
  std::vector<SelectorSpace> sels;
  for (int pi = 0; pi < 2; ++pi) {
    const Pattern& p = *space.patterns[pi];
    space.cond_of[pi].assign(p.nodes.size(), {-1, -1});
    for (uint32_t i = 0; i < p.nodes.size(); ++i) {
      const ExprNode& n = p.nodes[i];
      if (n.kind != ExprKind::Condition) continue;
      if (n.selector.has_wildcard()) {
        space.unsupported = "the selector `" + std::string(detail::slice(p.text, n.selector.span)) +
                            "` has a wildcard step (`[*]` or `.*`); the proof does not enumerate arrays and "
                            "objects of several elements";
        return space;
      }
      std::string key = step_key(n.selector.steps);
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, static_cast<int>(sels.size())).first;
        SelectorSpace s;
        s.steps = n.selector.steps;
        s.shown = "`" + std::string(detail::slice(p.text, n.selector.span)) + "`";
        sels.push_back(std::move(s));
      }
      sels[static_cast<size_t>(it->second)].conds.push_back({pi, i});
    }
  }
  // Shorter selectors first, so that a selector's prefixes are chosen before it.
  std::vector<size_t> order(sels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return sels[x].steps.size() < sels[y].steps.size(); });
  for (size_t i : order) space.selectors.push_back(std::move(sels[i]));

  std::optional<Event> sample;
  if (sample_json) sample = event_from_message(*sample_json);
  for (size_t si = 0; si < space.selectors.size(); ++si) {
    SelectorSpace& s = space.selectors[si];
    for (size_t pj = 0; pj < si; ++pj)
      if (is_prefix(space.selectors[pj].steps, s.steps)) s.parent = static_cast<int>(pj);
    for (size_t c = 0; c < s.conds.size(); ++c)
      space.cond_of[s.conds[c].pattern][s.conds[c].node] = {static_cast<int>(si), static_cast<int>(c)};
    std::vector<Candidate> raw;
    if (sample && sample->json)
      if (auto v = sample_value(*sample->json, s.steps)) s.candidates.push_back(*v);
    add_values(s, space);
    raw.swap(s.candidates);
    std::set<std::pair<std::vector<uint8_t>, int>> seen;
    for (Candidate& c : raw) {
      std::vector<uint8_t> t;
      for (const CondRef& r : s.conds)
        t.push_back(candidate_holds(*space.patterns[r.pattern], space.patterns[r.pattern]->nodes[r.node], c));
      if (!seen.insert({t, shape(c.kind)}).second) continue;
      s.candidates.push_back(std::move(c));
      s.truth.push_back(std::move(t));
    }
  }
  return space;
}

}  // namespace cwlf::proof
