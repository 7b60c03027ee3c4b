// Text-term patterns: blank-separated terms, each optionally prefixed by `?`
// (optional) or `-` (excluded); a term is a bare word, a "quoted phrase" or a
// %regex%.
//
// The unquoted-term character set (docs/semantics.md, "Unquoted terms", has
// the evidence for each rule):
//   accepted: ASCII letters, digits and  _ . # = , ; + ~ ' [ ] < > !
//   `-` inside a bare term: accepted, and read as AWS reads it: it ends the
//     term and starts an excluded one (`ORDER-ITEM-1` is ORDER -ITEM -1, so
//     it never matches a message containing ORDER-ITEM-1; lint warns).
//   rejected as AWS rejects them: `*` and `:` (Invalid character(s) in term
//     '*' / ':'), `(` and `\`, non-ASCII characters (term '<char>'), and
//     `@` and `/` (an unquoted e-mail address or path is refused with
//     AWS's generic Invalid metric filter pattern).
//   rejected by choice: every other character with a meaning somewhere in
//     filter syntax: `"` inside a term, `%` `?` after the start,
//     `{ } ) | & $ ^` and the backquote, control characters.
// AWS quotes only the offending character for an unquoted term (`ERR*` ->
// '*'), the text from the opening quote to the end for an unterminated quote
// (`"ERROR` -> '"ERROR'), and the regex from its `%` up to the offending
// character.
#include <string>
#include <utility>

#include "cwlf/i18n.h"
#include "parse_internal.h"

namespace cwlf {
namespace parse {

namespace {

bool is_term_char(char c) {
  if (is_alnum(c)) return true;
  switch (c) {
    case '_': case '.': case '#': case '=': case ',': case ';':
    case '+': case '~': case '\'': case '[': case ']': case '<': case '>': case '!':
      return true;
    default:
      return false;
  }
}

bool is_term_end(const ParseContext& ctx, size_t pos) { return ctx.at_end(pos) || is_space(ctx.text[pos]); }

Span span_of(size_t start, size_t end) {
  return Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)};
}

// The whole blank-delimited word at `start`, for hints.
std::string_view word_at(std::string_view text, size_t start) {
  size_t e = start;
  while (e < text.size() && !is_space(text[e])) ++e;
  return text.substr(start, e - start);
}

std::string quote_hint(std::string_view word) {
  std::string s = "\"";
  for (char c : word) {
    if (c == '"' || c == '\\') s += '\\';
    s += c;
  }
  s += '"';
  return s;
}

bool bad_term_char(ParseContext& ctx, size_t word_start, size_t pos) {
  std::string_view text = ctx.text;
  const size_t len = char_length(text, pos);
  const std::string aws = aws_invalid_chars(text.substr(pos, len));
  const std::string_view word = word_at(text, word_start);
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  const bool prefixed = text[word_start] == '?' || text[word_start] == '-';
  // The quoted form to suggest: a ?/- prefix stays outside the quotes.
  const std::string quoted = prefixed ? std::string(word.substr(0, 1)) + quote_hint(word.substr(1)) : quote_hint(word);
  if ((c == '?' || c == '-') && prefixed && pos == word_start + 1) {
    return ctx.fail("invalid-term-character", aws,
                    say("parse.term.second-prefix"), pos, len);
  }
  if (c == '*') {
    return ctx.fail("wildcard-in-term", aws,
                    say("parse.term.wildcard"),
                    pos, len);
  }
  if (c == '"') {
    return ctx.fail("quote-in-term", aws,
                    say("parse.term.quote-inside", {{"quoted", quoted}}),
                    pos, len);
  }
  if (c == '@' || c == '/') {
    return ctx.fail("invalid-term-character", kAwsInvalidPattern,
                    say("parse.term.address-or-path", {{"char", std::string(1, static_cast<char>(c))}, {"quoted", quoted}}),
                    pos, len);
  }
  if (c == ':') {
    return ctx.fail("invalid-term-character", aws,
                    say("parse.term.colon", {{"quoted", quoted}}), pos, len);
  }
  if (c >= 0x80) {
    return ctx.fail("non-ascii-in-term", aws,
                    say("parse.term.non-ascii", {{"quoted", quoted}}), pos, len);
  }
  return ctx.fail("invalid-term-character", aws,
                  say("parse.term.invalid-character", {{"char", describe_char(text, pos)}, {"quoted", quoted}}),
                  pos, len);
}

}  // namespace

bool parse_terms(ParseContext& ctx, size_t pos) {
  std::string_view text = ctx.text;
  Pattern& pat = ctx.pattern;
  while (true) {
    pos = skip_space(text, pos);
    if (ctx.at_end(pos)) return true;
    const size_t start = pos;
    Term term;
    if (text[pos] == '?') {
      term.kind = TermKind::Optional;
      ++pos;
    } else if (text[pos] == '-') {
      term.kind = TermKind::Excluded;
      ++pos;
    }
    if (is_term_end(ctx, pos)) {
      return ctx.fail("empty-term", kAwsInvalidPattern,
                      say("parse.term.empty", {{"prefix", std::string(1, text[start])}}),
                      start, 1);
    }
    const size_t body = pos;
    const char c = text[pos];
    if (c == '"') {
      if (!scan_quoted(text, pos, term.text, pos)) {
        return ctx.fail("unterminated-quote", aws_invalid_chars(text.substr(body)),
                        say("parse.term.unterminated-quote"), body,
                        text.size() - body);
      }
      term.quoted = true;
    } else if (c == '%') {
      if (!parse_regex(ctx, pos, term.regex, term.text, pos)) return false;
    } else {
      while (!is_term_end(ctx, pos)) {
        if (text[pos] == '-' && pos > body) break;  // AWS: the '-' starts an excluded term
        if (!is_term_char(text[pos])) return bad_term_char(ctx, start, pos);
        ++pos;
      }
      term.text.assign(text.substr(body, pos - body));
    }
    const bool hyphen_follows = c != '"' && c != '%' && !ctx.at_end(pos) && text[pos] == '-';
    if (!is_term_end(ctx, pos) && !hyphen_follows) {
      const bool after_quote = c == '"';
      return ctx.fail("missing-space-after-term", kAwsInvalidPattern,
                      say(after_quote ? "parse.term.space-after-quote" : "parse.term.space-after-regex",
                          {{"found", describe_found(text, pos)}}),
                      pos, char_length(text, pos));
    }
    term.span = span_of(start, pos);
    pat.terms.push_back(std::move(term));
  }
}

}  // namespace parse
}  // namespace cwlf
