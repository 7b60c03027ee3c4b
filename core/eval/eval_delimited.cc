// Evaluating a space-delimited pattern `[ ... ]` (docs/semantics.md, Space-delimited patterns).
//
// The message is split on runs of spaces and tabs; a token that starts with
// `"` or `[` runs to the matching `"` or `]` (an unterminated one is an
// ordinary character) and is reported without its delimiters. Fields take
// tokens by position. Without `...`, surplus tokens are absorbed, raw, into
// the last field; with `...`, the fields before it take the first tokens, the
// fields after it the last ones, and `...` the rest. Fewer tokens than
// fields: no match.
#include <string>

#include "cwlf/i18n.h"
#include "eval_internal.h"

namespace cwlf::detail {

namespace {

struct Token {
  Span value;  // without delimiters, in the message
  Span raw;    // with delimiters
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::vector<Token> tokenize(std::string_view m) {
  std::vector<Token> out;
  size_t i = 0, n = m.size();
  while (true) {
    while (i < n && is_blank(m[i])) ++i;
    if (i >= n) break;
    size_t start = i;
    char open = m[i];
    char close = open == '"' ? '"' : open == '[' ? ']' : 0;
    if (close) {
      size_t end = m.find(close, i + 1);
      if (end != std::string_view::npos) {
        out.push_back({Span{static_cast<uint32_t>(start + 1), static_cast<uint32_t>(end - start - 1)},
                       Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end + 1 - start)}});
        i = end + 1;
        continue;
      }
    }
    while (i < n && !is_blank(m[i])) ++i;
    Span s{static_cast<uint32_t>(start), static_cast<uint32_t>(i - start)};
    out.push_back({s, s});
  }
  return out;
}

// A field's place among the tokens once aligned.
struct Placement {
  Span value;          // in the message
  uint32_t first = 0;  // first token index (1-based position = first + 1)
  uint32_t count = 0;  // tokens taken
};

}  // namespace

size_t delimited_token_count(std::string_view message) { return tokenize(message).size(); }

namespace {

std::string field_key(const Field& f, uint32_t position) {
  return f.kind == FieldKind::Named ? "$" + f.name : "$" + std::to_string(position);
}

}  // namespace

bool evaluate_delimited(const Pattern& p, const Event& e, ExplainBuilder& ex,
                        std::vector<std::pair<std::string, std::string>>* extracted) {
  std::string_view m = e.message;
  std::vector<Token> tokens = tokenize(m);
  const size_t nf = p.fields.size(), nt = tokens.size();
  size_t ellipsis = nf;
  for (size_t i = 0; i < nf; ++i)
    if (p.fields[i].kind == FieldKind::Ellipsis) ellipsis = i;
  size_t needed = ellipsis < nf ? nf - 1 : nf;

  uint32_t root = ex.add(ExplainKind::Fields, Span{0, static_cast<uint32_t>(p.text.size())}, UINT32_MAX);
  std::vector<uint32_t> explain_of(ex.enabled() ? p.nodes.size() : 0, UINT32_MAX);
  std::vector<Outcome> outcome(p.nodes.size(), Outcome::Skipped);

  if (nt < needed) {
    for (const Field& f : p.fields) {
      uint32_t idx = ex.add(ExplainKind::Field, f.span, root);
      if (ExplainNode* n = ex.at(idx)) n->reason = say("explain.fields.too-few-skipped");
      if (f.expr != UINT32_MAX) mirror_expr(p, f.expr, idx, ex, explain_of);
    }
    finish_expr(p, explain_of, outcome, ex);
    if (ExplainNode* n = ex.at(root)) {
      n->outcome = Outcome::False;
      n->found = Found::Text;
      n->found_text = say(nt == 1 ? "explain.fields.count.one" : "explain.fields.count.other", {{"count", std::to_string(nt)}});
      n->reason = say("explain.fields.too-few", {{"found", n->found_text}, {"needed", std::to_string(needed)}});
    }
    return false;
  }

  // Align fields to tokens.
  std::vector<Placement> place(nf);
  auto span_of = [&](size_t first, size_t count, bool raw_join) {
    if (count == 0) return Span{tokens.empty() ? 0u : tokens[std::min(first, nt - 1)].raw.offset, 0};
    if (count == 1 && !raw_join) return tokens[first].value;
    uint32_t from = tokens[first].raw.offset, to = tokens[first + count - 1].raw.end();
    return Span{from, to - from};
  };
  if (ellipsis < nf) {
    size_t after = nf - 1 - ellipsis;
    for (size_t i = 0; i < ellipsis; ++i) place[i] = {tokens[i].value, static_cast<uint32_t>(i), 1};
    size_t covered = nt - ellipsis - after;
    place[ellipsis] = {span_of(ellipsis, covered, true), static_cast<uint32_t>(ellipsis), static_cast<uint32_t>(covered)};
    for (size_t j = 0; j < after; ++j) {
      size_t t = nt - after + j;
      place[ellipsis + 1 + j] = {tokens[t].value, static_cast<uint32_t>(t), 1};
    }
  } else if (nf > 0) {
    for (size_t i = 0; i + 1 < nf; ++i) place[i] = {tokens[i].value, static_cast<uint32_t>(i), 1};
    size_t last = nf - 1, count = nt - last;
    place[last] = {span_of(last, count, count > 1), static_cast<uint32_t>(last), static_cast<uint32_t>(count)};
  }

  bool result = true;
  size_t failing = 0;
  for (size_t i = 0; i < nf; ++i) {
    const Field& f = p.fields[i];
    const Placement& pl = place[i];
    std::string_view value = slice(m, pl.value);
    bool ok = true;
    if (f.expr != UINT32_MAX) {
      bool numeric = is_numeric_token(value);
      uint32_t idx = ex.add(ExplainKind::Field, f.span, root);
      mirror_expr(p, f.expr, idx, ex, explain_of);
      ok = evaluate_expr(
          p, f.expr,
          [&](uint32_t c) {
            bool r = compare_scalar(p, p.nodes[c], value, numeric);
            if (ExplainNode* cn = ex.enabled() ? ex.at(explain_of[c]) : nullptr) {
              const ExprNode& cond = p.nodes[c];
              std::string tail = std::string(compare_op_text(cond.op)) + " " + std::string(slice(p.text, cond.value.span));
              cn->found = Found::Text;
              cn->found_text = cut(value);
              cn->event_span = e.source_span(pl.value);
              if (!numeric && cond.op != CompareOp::Eq && cond.op != CompareOp::Ne)
                cn->reason = say("explain.field.not-number", {{"field", quote_code(f.name, 60)}, {"value", quote_code(value)},
                                                              {"op", compare_op_text(cond.op)}, {"tail", quote_code(tail)}});
              else
                cn->reason = say("explain.field.verdict", {{"field", quote_code(f.name, 60)}, {"value", quote_code(value)},
                                                           {"tail", quote_code(tail)}, {"outcome", say(r ? "word.true" : "word.false")}});
            }
            return r;
          },
          outcome);
      if (ExplainNode* n = ex.at(idx)) {
        n->outcome = ok ? Outcome::True : Outcome::False;
        n->found = Found::Text;
        n->found_text = cut(value);
        n->event_span = e.source_span(pl.value);
        n->reason = say(ok ? "explain.field.holds" : "explain.field.fails",
                        {{"position", std::to_string(pl.first + 1)}, {"value", quote_code(value)}});
      }
    } else if (ex.enabled()) {
      uint32_t idx = ex.add(ExplainKind::Field, f.span, root);
      ExplainNode* n = ex.at(idx);
      n->outcome = Outcome::True;
      n->found = Found::Text;
      n->found_text = cut(value);
      n->event_span = e.source_span(pl.value);
      if (f.kind == FieldKind::Ellipsis)
        n->reason = pl.count == 0 ? say("explain.field.ellipsis-empty")
                                  : say("explain.field.ellipsis", {{"from", std::to_string(pl.first + 1)},
                                                                   {"to", std::to_string(pl.first + pl.count)}});
      else if (pl.count > 1)
        n->reason = say("explain.field.last-greedy",
                        {{"from", std::to_string(pl.first + 1)}, {"to", std::to_string(pl.first + pl.count)}});
      else
        n->reason = say("explain.field.no-condition", {{"position", std::to_string(pl.first + 1)}, {"value", quote_code(value)}});
    }
    if (!ok) {
      result = false;
      ++failing;
      if (!ex.enabled()) break;
    }
  }
  finish_expr(p, explain_of, outcome, ex);

  if (extracted && result) {
    for (size_t i = 0; i < nf; ++i) {
      const Field& f = p.fields[i];
      const Placement& pl = place[i];
      if (f.kind == FieldKind::Ellipsis) {
        for (uint32_t t = pl.first; t < pl.first + pl.count; ++t)
          extracted->emplace_back("$" + std::to_string(t + 1), std::string(slice(m, tokens[t].value)));
      } else {
        extracted->emplace_back(field_key(f, pl.first + 1), std::string(slice(m, pl.value)));
      }
    }
    if (nf == 0)
      for (size_t t = 0; t < nt; ++t)
        extracted->emplace_back("$" + std::to_string(t + 1), std::string(slice(m, tokens[t].value)));
  }
  if (ExplainNode* n = ex.at(root)) {
    n->outcome = result ? Outcome::True : Outcome::False;
    n->found = Found::Text;
    n->found_text = say(nt == 1 ? "explain.fields.count.one" : "explain.fields.count.other", {{"count", std::to_string(nt)}});
    if (nf == 0)
      n->reason = say("explain.fields.empty");
    else if (result)
      n->reason = say("explain.fields.all-hold", {{"count", std::to_string(nt)}});
    else
      n->reason = say(failing == 1 ? "explain.fields.failing.one" : "explain.fields.failing.other",
                      {{"count", std::to_string(failing)}});
  }
  return result;
}

}  // namespace cwlf::detail
