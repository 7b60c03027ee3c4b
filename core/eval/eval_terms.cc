// Evaluating a text-term pattern (docs/semantics.md, Text terms): each term is a
// case-sensitive substring (or unanchored regex) search in the message;
// every plain term must be present and no -term may be; ?terms form an OR,
// but are ignored altogether when the pattern has any plain or -term.
#include <string>

#include "cwlf/i18n.h"
#include "eval_internal.h"

namespace cwlf::detail {

namespace {

// Finds the term in the message; returns the match span in the message.
std::optional<Span> find_term(const Pattern& p, const Term& t, std::string_view message, bool want_span) {
  if (t.regex >= 0) {
    const Regex& re = p.regexes[static_cast<size_t>(t.regex)];
    if (!want_span) return re.search(message) ? std::optional<Span>(Span{}) : std::nullopt;
    return re.find(message);
  }
  size_t at = message.find(t.text);
  if (at == std::string_view::npos) return std::nullopt;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(t.text.size())};
}

std::string term_reason(const Term& t, bool present, const std::string& shown) {
  // One whole sentence per kind x (text or regex) x (absent or present).
  static const char* const kTermReasons[3][2][2] = {
      {{"explain.term.required.text.absent", "explain.term.required.text.present"},
       {"explain.term.required.regex.absent", "explain.term.required.regex.present"}},
      {{"explain.term.excluded.text.absent", "explain.term.excluded.text.present"},
       {"explain.term.excluded.regex.absent", "explain.term.excluded.regex.present"}},
      {{"explain.term.optional.text.absent", "explain.term.optional.text.present"},
       {"explain.term.optional.regex.absent", "explain.term.optional.regex.present"}},
  };
  const int kind = t.kind == TermKind::Required ? 0 : t.kind == TermKind::Excluded ? 1 : 2;
  return say(kTermReasons[kind][t.regex >= 0 ? 1 : 0][present ? 1 : 0], {{"term", shown}});
}

}  // namespace

bool evaluate_terms(const Pattern& p, const Event& e, ExplainBuilder& ex) {
  std::string_view message = e.message;
  bool any_plain = false;
  for (const Term& t : p.terms) any_plain = any_plain || t.kind != TermKind::Optional;

  uint32_t root = ex.add(ExplainKind::Terms, Span{0, static_cast<uint32_t>(p.text.size())}, UINT32_MAX);
  bool all_required = true;    // every plain term present, no -term present
  bool any_optional = false;   // some ?term present
  size_t failing = 0;
  for (const Term& t : p.terms) {
    uint32_t idx = ex.add(ExplainKind::Term, t.span, root);
    ExplainNode* n = ex.at(idx);
    std::string shown = quote_code(slice(p.text, t.span), 80);
    if (t.kind == TermKind::Optional && any_plain) {
      if (n) n->reason = say("explain.term.optional-ignored");
      continue;
    }
    // Without an explanation, stop at the first plain term that fails.
    if (!n && any_plain && !all_required) break;
    std::optional<Span> found = find_term(p, t, message, n != nullptr);
    bool present = found.has_value();
    bool ok = t.kind == TermKind::Excluded ? !present : present;
    if (t.kind == TermKind::Optional)
      any_optional = any_optional || present;
    else if (!ok) {
      all_required = false;
      ++failing;
    }
    if (n) {
      n->outcome = ok ? Outcome::True : Outcome::False;
      n->reason = term_reason(t, present, shown);
      if (present) {
        n->found = Found::Text;
        n->found_text = cut(message.substr(found->offset, found->length));
        n->event_span = e.source_span(*found);
      }
    }
  }
  bool result = any_plain ? all_required : any_optional;
  if (ExplainNode* n = ex.at(root)) {
    n->outcome = result ? Outcome::True : Outcome::False;
    if (any_plain)
      n->reason = result ? say("explain.terms.all-hold")
                         : say(failing == 1 ? "explain.terms.failing.one" : "explain.terms.failing.other",
                               {{"count", std::to_string(failing)}});
    else
      n->reason = say(result ? "explain.terms.optional-present" : "explain.terms.optional-absent");
  }
  return result;
}

}  // namespace cwlf::detail
