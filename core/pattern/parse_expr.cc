// Boolean expressions of conditions: `&&` binds tighter than `||`,
// parentheses group. Shared by JSON patterns and by the conditions on one
// field of a space-delimited pattern.
//
// The parser is a loop over an explicit stack of open parentheses (no
// recursion), alternating between "expect a condition or '('" and "expect
// '&&', '||', ')' or the end". Each stack frame collects the operands of the
// current `&&` chain and the finished `&&` chains of its `||`.
//
// Shape of the result: chains are n-ary (`a && b && c` is one And node);
// a parenthesised group keeps its own node, whose span is widened to include
// the parentheses (`(a && b) && c` is And[And[a, b], c]); parentheses around a
// single condition only widen that condition's span.
#include <string>
#include <utility>
#include <vector>

#include "cwlf/i18n.h"
#include "parse_internal.h"

namespace cwlf {
namespace parse {

namespace {

struct Frame {
  size_t open = 0;                 // offset of '(' (unused for the outermost frame)
  std::vector<uint32_t> ors;       // finished && chains
  std::vector<uint32_t> ands;      // the current && chain
};

uint32_t make_group(Pattern& p, ExprKind kind, std::vector<uint32_t>& operands) {
  if (operands.size() == 1) return operands[0];
  ExprNode node;
  node.kind = kind;
  const Span first = p.nodes[operands.front()].span;
  const Span last = p.nodes[operands.back()].span;
  node.span = Span{first.offset, last.end() - first.offset};
  node.operands = std::move(operands);
  p.nodes.push_back(std::move(node));
  return static_cast<uint32_t>(p.nodes.size() - 1);
}

// Closes the current && chain of a frame.
void close_chain(Pattern& p, Frame& f) {
  std::vector<uint32_t> ands = std::move(f.ands);
  f.ands.clear();
  f.ors.push_back(make_group(p, ExprKind::And, ands));
}

uint32_t close_frame(Pattern& p, Frame& f) {
  close_chain(p, f);
  std::vector<uint32_t> ors = std::move(f.ors);
  f.ors.clear();
  return make_group(p, ExprKind::Or, ors);
}

bool word_is(std::string_view word, const char* upper) {
  std::string_view u(upper);
  if (word.size() != u.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != u[i]) return false;
  }
  return true;
}

}  // namespace

bool parse_expression(ParseContext& ctx, ConditionSyntax& syntax, size_t& pos, uint32_t& root) {
  std::string_view text = ctx.text;
  std::vector<Frame> stack(1);
  bool expect_operand = true;
  // The last '(' , '&&' or '||' read, for "nothing after it" messages.
  size_t last_token = std::string_view::npos;
  size_t last_token_len = 0;
  bool last_was_open = false;

  while (true) {
    pos = skip_space(text, pos);
    const bool eof = ctx.at_end(pos);
    const char c = ctx.at(pos);
    if (expect_operand) {
      if (c == '(') {
        Frame f;
        f.open = pos;
        stack.push_back(std::move(f));
        last_token = pos;
        last_token_len = 1;
        last_was_open = true;
        ++pos;
        continue;
      }
      if (eof || c == ')' || syntax.ends_expression(ctx, pos) || (c == '&' && ctx.at(pos + 1) == '&') ||
          (c == '|' && ctx.at(pos + 1) == '|')) {
        const std::string found = found_or_end(text, pos);
        if (last_token == std::string_view::npos) {
          return ctx.fail("missing-condition", kAwsInvalidPattern,
                          say("parse.expr.condition-expected", {{"rest", found}}), eof ? text.size() : pos,
                          eof ? 0 : char_length(text, pos));
        }
        if (last_was_open && c == ')') {
          return ctx.fail("empty-parentheses", kAwsInvalidPattern,
                          say("parse.expr.empty-parentheses"), last_token, pos + 1 - last_token);
        }
        std::string after(text.substr(last_token, last_token_len));
        return ctx.fail("missing-condition", kAwsInvalidPattern,
                        say("parse.expr.condition-after", {{"after", after}, {"rest", found}}),
                        eof ? text.size() : pos, eof ? 0 : char_length(text, pos));
      }
      if (c == '!') {
        return ctx.fail("negation-not-supported", kAwsInvalidPattern,
                        say("parse.expr.negation"),
                        pos, 1);
      }
      uint32_t node = 0;
      if (!syntax.parse_condition(ctx, pos, node)) return false;
      stack.back().ands.push_back(node);
      expect_operand = false;
      continue;
    }

    // Expect '&&', '||', ')' or the end.
    if (c == '&' && ctx.at(pos + 1) == '&') {
      last_token = pos;
      last_token_len = 2;
      last_was_open = false;
      pos += 2;
      expect_operand = true;
      continue;
    }
    if (c == '|' && ctx.at(pos + 1) == '|') {
      close_chain(ctx.pattern, stack.back());
      last_token = pos;
      last_token_len = 2;
      last_was_open = false;
      pos += 2;
      expect_operand = true;
      continue;
    }
    if (c == ')') {
      if (stack.size() == 1) {
        return ctx.fail("unbalanced-parenthesis", kAwsInvalidPattern,
                        say("parse.expr.unbalanced"), pos, 1);
      }
      Frame f = std::move(stack.back());
      stack.pop_back();
      uint32_t node = close_frame(ctx.pattern, f);
      ctx.pattern.nodes[node].span = Span{static_cast<uint32_t>(f.open), static_cast<uint32_t>(pos + 1 - f.open)};
      stack.back().ands.push_back(node);
      ++pos;
      continue;
    }
    if (eof || syntax.ends_expression(ctx, pos)) {
      if (stack.size() > 1) {
        return ctx.fail("unclosed-parenthesis", kAwsInvalidPattern,
                        say("parse.expr.unclosed", {{"found", describe_found(text, pos)}}),
                        stack.back().open, 1);
      }
      root = close_frame(ctx.pattern, stack[0]);
      return true;
    }
    if (c == '&' || c == '|') {
      return ctx.fail("single-logical-operator", kAwsInvalidPattern,
                      say("parse.expr.single-operator", {{"op", std::string(1, c)}}), pos, 1);
    }
    if (c == '(') {
      return ctx.fail("expected-logical-operator", kAwsInvalidPattern,
                      say("parse.expr.operator-before-parenthesis"), pos, 1);
    }
    size_t w = pos;
    while (w < text.size() && (is_alnum(text[w]) || text[w] == '_')) ++w;
    std::string_view word = text.substr(pos, w - pos);
    if (word_is(word, "AND") || word_is(word, "OR")) {
      const char* symbol = word_is(word, "AND") ? "&&" : "||";
      return ctx.fail("word-operator", kAwsInvalidPattern,
                      say("parse.expr.word-operator", {{"word", std::string(word)}, {"op", symbol}}),
                      pos, word.size());
    }
    return ctx.fail("expected-logical-operator", kAwsInvalidPattern,
                    say("parse.expr.operator-expected", {{"end", syntax.end_description()}, {"found", describe_found(text, pos)}}),
                    pos, word.empty() ? char_length(text, pos) : word.size());
  }
}

}  // namespace parse
}  // namespace cwlf
