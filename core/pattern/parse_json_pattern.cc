// JSON patterns: `{ <conditions joined by && and ||> }`.
//
//   condition := selector ( op value | IS (NULL|TRUE|FALSE) | NOT EXISTS )
//   selector  := '$' step+
//   step      := '.' name | '.*' | ".['" key "']" | '[' digits ']' | '[*]'
//
// Choices where AWS is silent (see the report to docs/semantics.md):
//  * property names after '.' are [A-Za-z0-9_-]+ (the documented set); any
//    other key needs the bracket form .['key'], whose key is any text without
//    a single quote (no escapes);
//  * an index or [*] must follow a property or another index, as documented
//    ("must follow a property"), so $[0], $[*] and $['x'] are rejected, and
//    the bracket key form needs its dot: .['key'];
//  * no whitespace inside a selector;
//  * keywords IS, NULL, TRUE, FALSE, NOT, EXISTS are uppercase only;
//  * `$` alone (no step) is rejected: the root is always an object, which a
//    condition can never match.
#include <string>
#include <utility>

#include "cwlf/i18n.h"
#include "resource_limits.h"
#include "parse_internal.h"

namespace cwlf {
namespace parse {

namespace {

Span span_of(size_t start, size_t end) {
  return Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)};
}

bool word_equals_ci(std::string_view word, std::string_view upper) {
  if (word.size() != upper.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

size_t word_end(std::string_view text, size_t pos) {
  while (pos < text.size() && (is_alnum(text[pos]) || text[pos] == '_')) ++pos;
  return pos;
}

bool is_condition_end(const ParseContext& ctx, size_t pos) {
  if (ctx.at_end(pos)) return true;
  char c = ctx.text[pos];
  return is_space(c) || c == ')' || c == '}' || c == '&' || c == '|';
}

bool parse_selector(ParseContext& ctx, size_t& pos, Selector& sel) {
  std::string_view text = ctx.text;
  const size_t start = pos;
  ++pos;  // '$'
  size_t wildcards = 0;
  size_t second_wildcard = 0;
  while (true) {
    const char c = ctx.at(pos);
    SelectorStep step;
    size_t step_start = pos;
    if (c == '.') {
      const char n = ctx.at(pos + 1);
      if (n == '.') {
        return ctx.fail("recursive-descent", kAwsInvalidPattern,
                        say("parse.selector.recursive-descent"),
                        pos, 2);
      }
      if (n == '*') {
        step.kind = StepKind::Wildcard;
        pos += 2;
      } else if (n == '[') {
        if (ctx.at(pos + 2) != '\'') {
          return ctx.fail("invalid-bracket-key", kAwsInvalidPattern,
                          say("parse.selector.bracket-key", {{"found", describe_found(text, pos + 2)}}),
                          pos + 2, char_length(text, pos + 2));
        }
        size_t close = text.find('\'', pos + 3);
        if (close == std::string_view::npos) {
          return ctx.fail("unterminated-bracket-key", kAwsInvalidPattern,
                          say("parse.selector.bracket-key-unterminated"), pos + 1,
                          text.size() - pos - 1);
        }
        if (close == pos + 3) {
          return ctx.fail("empty-key", kAwsInvalidPattern, say("parse.selector.empty-key"),
                          pos + 1, 4);
        }
        if (ctx.at(close + 1) != ']') {
          return ctx.fail("unterminated-bracket-key", kAwsInvalidPattern,
                          say("parse.selector.bracket-key-close", {{"found", describe_found(text, close + 1)}}),
                          close + 1, char_length(text, close + 1));
        }
        step.kind = StepKind::Member;
        step.name.assign(text.substr(pos + 3, close - pos - 3));
        pos = close + 2;
      } else if (is_name_char(n)) {
        size_t e = pos + 1;
        while (e < text.size() && is_name_char(text[e])) ++e;
        step.kind = StepKind::Member;
        step.name.assign(text.substr(pos + 1, e - pos - 1));
        pos = e;
      } else {
        return ctx.fail("missing-property-name", kAwsInvalidPattern,
                        say("parse.selector.property-name", {{"found", describe_found(text, pos + 1)}}),
                        ctx.at_end(pos + 1) ? pos : pos + 1, ctx.at_end(pos + 1) ? 1 : char_length(text, pos + 1));
      }
    } else if (c == '[') {
      const char n = ctx.at(pos + 1);
      if (sel.steps.empty()) {
        return ctx.fail("index-without-property", kAwsInvalidPattern,
                        say(n == '\'' ? "parse.selector.key-after-root" : "parse.selector.index-after-root"),
                        pos, 1);
      }
      if (n == '*') {
        if (ctx.at(pos + 2) != ']') {
          return ctx.fail("invalid-index", kAwsInvalidPattern,
                          say("parse.selector.wildcard-close", {{"found", describe_found(text, pos + 2)}}), pos + 2,
                          char_length(text, pos + 2));
        }
        step.kind = StepKind::Wildcard;
        pos += 3;
      } else if (n == '\'') {
        return ctx.fail("bracket-key-without-dot", kAwsInvalidPattern,
                        say("parse.selector.key-without-dot"), pos, 1);
      } else if (n == '-' || n == ':') {
        size_t close = text.find(']', pos);
        size_t len = close == std::string_view::npos ? 2 : close + 1 - pos;
        if (n == '-') {
          return ctx.fail("negative-index", kAwsInvalidPattern,
                          say("parse.selector.negative-index"),
                          pos, len);
        }
        return ctx.fail("array-slice", kAwsInvalidPattern, say("parse.selector.slice"),
                        pos, len);
      } else if (is_digit(n)) {
        size_t e = pos + 1;
        uint64_t value = 0;
        bool too_large = false;
        while (e < text.size() && is_digit(text[e])) {
          value = value * 10 + static_cast<uint64_t>(text[e] - '0');
          if (value > UINT32_MAX) {
            too_large = true;
            value = UINT32_MAX;
          }
          ++e;
        }
        if (ctx.at(e) == ':') {
          size_t close = text.find(']', e);
          return ctx.fail("array-slice", kAwsInvalidPattern, say("parse.selector.slice"),
                          pos, close == std::string_view::npos ? e + 1 - pos : close + 1 - pos);
        }
        if (ctx.at(e) != ']') {
          return ctx.fail("invalid-index", kAwsInvalidPattern,
                          say("parse.selector.index-close", {{"found", describe_found(text, e)}}), e,
                          ctx.at_end(e) ? 0 : char_length(text, e));
        }
        if (too_large) {
          return ctx.fail("index-too-large", kAwsInvalidPattern,
                          say("parse.selector.index-too-large"), pos, e + 1 - pos);
        }
        step.kind = StepKind::Index;
        step.index = static_cast<uint32_t>(value);
        pos = e + 1;
      } else {
        return ctx.fail("invalid-index", kAwsInvalidPattern,
                        say("parse.selector.index-expected", {{"found", describe_found(text, pos + 1)}}),
                        ctx.at_end(pos + 1) ? pos : pos + 1, ctx.at_end(pos + 1) ? 1 : char_length(text, pos + 1));
      }
    } else {
      break;
    }
    step.span = span_of(step_start, pos);
    if (step.kind == StepKind::Wildcard && ++wildcards == 2) second_wildcard = sel.steps.size();
    sel.steps.push_back(std::move(step));
  }
  sel.span = span_of(start, pos);
  if (sel.steps.empty()) {
    return ctx.fail("empty-selector", kAwsInvalidPattern,
                    say("parse.selector.empty", {{"found", describe_found(text, pos)}}),
                    start, 1);
  }
  if (wildcards > 1) {
    const Span s = sel.steps[second_wildcard].span;
    return ctx.fail("too-many-wildcards-in-selector", kAwsTooManyWildcards,
                    say("parse.selector.wildcards", {{"count", std::to_string(wildcards)}}),
                    s.offset, s.length);
  }
  if (wildcards == 1 && ++ctx.wildcard_selectors > kMaxWildcardSelectors) {
    return ctx.fail("too-many-wildcard-selectors", kAwsInvalidPattern,
                    say("parse.selector.wildcard-selectors", {{"number", std::to_string(ctx.wildcard_selectors)}}),
                    sel.span.offset, sel.span.length);
  }
  // What may follow a selector: blanks, an operator, or the end of the condition.
  const char c = ctx.at(pos);
  if (!ctx.at_end(pos) && !is_space(c) && !is_operator_start(c) && c != ')' && c != '}' && c != '&' && c != '|') {
    const SelectorStep& last = sel.steps.back();
    bool plain_name = last.kind == StepKind::Member && text[last.span.offset + 1] != '[';
    return ctx.fail("invalid-selector-character", kAwsInvalidPattern,
                    plain_name ? say("parse.selector.bad-name-char", {{"char", describe_char(text, pos)}})
                               : say("parse.selector.operator-expected", {{"found", describe_found(text, pos)}}),
                    pos, char_length(text, pos));
  }
  return true;
}

class JsonSyntax : public ConditionSyntax {
 public:
  bool ends_expression(const ParseContext& ctx, size_t pos) const override { return ctx.at(pos) == '}'; }
  std::string end_description() const override { return say("parse.end.json"); }

  bool parse_condition(ParseContext& ctx, size_t& pos, uint32_t& node_index) override {
    std::string_view text = ctx.text;
    const size_t start = pos;
    const char c = text[pos];
    if (c == '"') {
      return ctx.fail("eventbridge-style", kAwsInvalidPattern,
                      say("parse.json.eventbridge"),
                      pos, 1);
    }
    if (c != '$') {
      size_t e = word_end(text, pos);
      if (e > pos) {
        std::string word(text.substr(pos, e - pos));
        return ctx.fail("selector-without-dollar", kAwsInvalidPattern,
                        say("parse.json.selector-without-dollar", {{"word", word}}),
                        pos, e - pos);
      }
      return ctx.fail("expected-selector", kAwsInvalidPattern,
                      say("parse.json.condition-expected", {{"found", describe_found(text, pos)}}),
                      pos, char_length(text, pos));
    }
    ExprNode node;
    node.kind = ExprKind::Condition;
    if (!parse_selector(ctx, pos, node.selector)) return false;
    pos = skip_space(text, pos);
    const char o = ctx.at(pos);
    if (is_operator_start(o)) {
      node.condition = ConditionKind::Compare;
      if (!parse_compare_op(ctx, pos, node.op, node.op_span)) return false;
      if (!parse_value(ctx, pos, node.op, node.op_span, ValueContext::Json, node.value)) return false;
    } else if (is_alpha(o)) {
      if (!parse_keyword(ctx, pos, node)) return false;
    } else {
      return ctx.fail("expected-operator", kAwsInvalidPattern,
                      say("parse.json.operator-expected", {{"rest", found_or_end(text, pos)}}),
                      ctx.at_end(pos) ? text.size() : pos, ctx.at_end(pos) ? 0 : char_length(text, pos));
    }
    node.span = span_of(start, pos);
    ctx.pattern.nodes.push_back(std::move(node));
    node_index = static_cast<uint32_t>(ctx.pattern.nodes.size() - 1);
    return true;
  }

 private:
  static bool parse_keyword(ParseContext& ctx, size_t& pos, ExprNode& node) {
    std::string_view text = ctx.text;
    const size_t kw = pos;
    size_t e = word_end(text, pos);
    std::string_view word = text.substr(pos, e - pos);
    if (word == "IS" || word == "NOT") {
      const bool is = word == "IS";
      size_t p2 = skip_space(text, e);
      size_t e2 = word_end(text, p2);
      std::string_view word2 = text.substr(p2, e2 - p2);
      if (p2 == e || word2.empty()) {
        return ctx.fail("expected-keyword", kAwsInvalidPattern,
                        say(is ? "parse.json.after-is" : "parse.json.after-not", {{"rest", found_or_end(text, p2)}}),
                        ctx.at_end(p2) ? text.size() : p2, ctx.at_end(p2) ? 0 : (word2.empty() ? char_length(text, p2) : word2.size()));
      }
      if (is) {
        if (word2 == "NULL") node.condition = ConditionKind::IsNull;
        else if (word2 == "TRUE") node.condition = ConditionKind::IsTrue;
        else if (word2 == "FALSE") node.condition = ConditionKind::IsFalse;
        else if (word2 == "NOT") {
          size_t p3 = skip_space(text, e2);
          size_t e3 = word_end(text, p3);
          return ctx.fail("is-not-not-supported", kAwsInvalidPattern,
                          say("parse.json.is-not"),
                          kw, (e3 > p3 ? e3 : e2) - kw);
        } else if (word_equals_ci(word2, "NULL") || word_equals_ci(word2, "TRUE") || word_equals_ci(word2, "FALSE")) {
          return ctx.fail("keyword-case", kAwsInvalidPattern,
                          say("parse.json.keyword-case", {{"keyword", "IS " + upper(word2)}}), p2, word2.size());
        } else {
          return ctx.fail("expected-keyword", kAwsInvalidPattern,
                          say("parse.json.after-is", {{"rest", quoted_found(word2)}}), p2,
                          word2.size());
        }
      } else {
        if (word2 == "EXISTS") {
          node.condition = ConditionKind::NotExists;
        } else if (word_equals_ci(word2, "EXISTS")) {
          return ctx.fail("keyword-case", kAwsInvalidPattern, say("parse.json.keyword-case", {{"keyword", "NOT EXISTS"}}),
                          p2, word2.size());
        } else {
          return ctx.fail("expected-keyword", kAwsInvalidPattern,
                          say("parse.json.after-not", {{"rest", quoted_found(word2)}}), p2, word2.size());
        }
      }
      if (!is_condition_end(ctx, e2)) {
        return ctx.fail("expected-logical-operator", kAwsInvalidPattern,
                        say("parse.json.after-keyword", {{"word", std::string(word2)}, {"found", describe_found(text, e2)}}),
                        e2, char_length(text, e2));
      }
      node.op_span = span_of(kw, e2);
      pos = e2;
      return true;
    }
    if (word == "EXISTS") {
      return ctx.fail("exists-not-supported", kAwsInvalidPattern,
                      say("parse.json.exists"),
                      kw, word.size());
    }
    if (word_equals_ci(word, "IS") || word_equals_ci(word, "NOT") || word_equals_ci(word, "EXISTS")) {
      return ctx.fail("keyword-case", kAwsInvalidPattern,
                      say("parse.json.keyword-case", {{"keyword", upper(word)}}), kw, word.size());
    }
    return ctx.fail("expected-operator", kAwsInvalidPattern,
                    say("parse.json.operator-expected", {{"rest", quoted_found(word)}}),
                    kw, word.size());
  }

  // "found 'word'", the end of "..., but X." for a word read whole.
  static std::string quoted_found(std::string_view word) {
    return say("parse.but.found", {{"found", "'" + std::string(word) + "'"}});
  }

  static std::string upper(std::string_view w) {
    std::string s(w);
    for (char& c : s)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
  }
};

}  // namespace

bool parse_json_pattern(ParseContext& ctx, size_t pos) {
  std::string_view text = ctx.text;
  // CloudWatch's first check, before any parsing.
  size_t last = text.size();
  while (last > pos && is_space(text[last - 1])) --last;
  if (last - 1 == pos || text[last - 1] != '}') {
    return ctx.fail("missing-closing-brace", "If a filter pattern starts with '{' it must end with '}'",
                    say("parse.json.unclosed"), last, 0);
  }
  size_t p = skip_space(text, pos + 1);
  if (ctx.at(p) == '}') {
    return ctx.fail("empty-json-pattern", kAwsInvalidPattern,
                    say("parse.json.empty"), pos,
                    p + 1 - pos);
  }
  JsonSyntax syntax;
  uint32_t root = 0;
  if (!parse_expression(ctx, syntax, p, root)) return false;
  if (ctx.at(p) != '}') {
    return ctx.fail("missing-closing-brace", "If a filter pattern starts with '{' it must end with '}'",
                    say("parse.json.close-expected"), text.size(), 0);
  }
  size_t after = skip_space(text, p + 1);
  if (after < text.size()) {
    return ctx.fail("text-after-json", kAwsInvalidPattern,
                    say("parse.json.text-after"),
                    after, text.size() - after);
  }
  ctx.pattern.root = root;
  return true;
}

}  // namespace parse
}  // namespace cwlf
