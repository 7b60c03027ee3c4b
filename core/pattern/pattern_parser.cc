// compile_pattern: the length check, the dispatch on the first non-blank
// character, and the lexing helpers the three families share (quoted strings,
// %regex%, comparison operators and values).
#include <cstdlib>
#include <string>
#include <utility>

#include "cwlf/i18n.h"
#include "resource_limits.h"
#include "parse_internal.h"
#include "pattern.h"

namespace cwlf {
namespace parse {

const char* const kAwsInvalidPattern = "Invalid metric filter pattern";
const char* const kAwsRegexCompile = "Failed to compile regular expression.";
// As captured from TestMetricFilter (docs/semantics.md, Parsing patterns: regex quota).
const char* const kAwsTooManyRegexes =
    "Your input has exceeded the maximum of 2 regular expressions per filter pattern";
// Captured from TestMetricFilter only up to "the m"; the rest is inferred (docs/semantics.md).
const char* const kAwsTooManyWildcards =
    "Your filter pattern has a JSON path selector that exceeds the maximum number of wildcards";

std::string aws_invalid_chars(std::string_view term) {
  std::string s = "Invalid character(s) in term '";
  s.append(term.data(), term.size());
  s += "'";
  return s;
}

bool ParseContext::fail(const char* code, std::string aws_message, std::string message, size_t offset,
                        size_t length) {
  if (error) return false;
  if (offset > text.size()) offset = text.size();
  if (length > text.size() - offset) length = text.size() - offset;
  Diagnostic d;
  d.code = code;
  d.aws_message = std::move(aws_message);
  d.message = std::move(message);
  d.span = Span{static_cast<uint32_t>(offset), static_cast<uint32_t>(length)};
  error = std::move(d);
  return false;
}

size_t skip_space(std::string_view text, size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

size_t char_length(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  size_t n = 1;
  if (c >= 0xF0 && c <= 0xF7) n = 4;
  else if (c >= 0xE0) n = 3;
  else if (c >= 0xC0) n = 2;
  if (n > text.size() - pos) n = text.size() - pos;
  // Stop at the first byte that is not a continuation byte (malformed UTF-8).
  for (size_t i = 1; i < n; ++i) {
    unsigned char b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return i;
  }
  return n;
}

size_t utf8_sequence_length(std::string_view text, size_t pos) {
  const size_t left = text.size() - pos;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c == 0xED) n = 3, hi = 0x9F;  // no UTF-16 surrogates
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else return 0;
  if (left < n) return 0;
  const unsigned char c1 = static_cast<unsigned char>(text[pos + 1]);
  if (c1 < lo || c1 > hi) return 0;
  for (size_t i = 2; i < n; ++i)
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return 0;
  return n;
}

std::string describe_char(std::string_view text, size_t pos) {
  if (pos >= text.size()) return say("parse.char.end");
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c == '\t') return say("parse.char.tab");
  if (c == '\n') return say("parse.char.line-break");
  if (c == '\r') return say("parse.char.carriage-return");
  if (c < 0x20 || c == 0x7F) {
    static const char* hex = "0123456789ABCDEF";
    return say("parse.char.control", {{"hex", std::string{hex[c >> 4], hex[c & 15]}}});
  }
  if (c < 0x80) return std::string("'") + static_cast<char>(c) + "'";
  size_t n = char_length(text, pos);
  bool valid = n >= 2;
  if (valid) return say("parse.char.non-ascii", {{"char", std::string(text.substr(pos, n))}});
  return say("parse.char.bad-utf8");
}

std::string describe_found(std::string_view text, size_t pos) { return describe_char(text, pos); }

std::string found_or_end(std::string_view text, size_t pos) {
  if (pos >= text.size()) return say("parse.but.ends");
  return say("parse.but.found", {{"found", describe_found(text, pos)}});
}

std::string capitalized(std::string sentence) {
  if (!sentence.empty() && sentence[0] >= 'a' && sentence[0] <= 'z') sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
  return sentence;
}

bool scan_quoted(std::string_view text, size_t pos, std::string& out, size_t& end) {
  out.clear();
  size_t i = pos + 1;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      end = i + 1;
      return true;
    }
    if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  return false;
}

bool parse_regex(ParseContext& ctx, size_t pos, int& regex_index, std::string& body, size_t& end) {
  std::string_view text = ctx.text;
  size_t close = text.find('%', pos + 1);
  if (close == std::string_view::npos) {
    return ctx.fail("unterminated-regex", aws_invalid_chars(text.substr(pos)),
                    say("parse.regex.unterminated"), pos,
                    text.size() - pos);
  }
  body.assign(text.substr(pos + 1, close - pos - 1));
  if (body.empty()) {
    return ctx.fail("empty-regex", kAwsInvalidPattern,
                    say("parse.regex.empty"),
                    pos, 2);
  }
  if (ctx.pattern.regexes.size() >= kMaxRegexesPerPattern) {
    return ctx.fail("too-many-regexes", kAwsTooManyRegexes,
                    say("parse.regex.too-many"),
                    pos, close + 1 - pos);
  }
  Regex::CompileResult compiled = Regex::compile(body);
  if (!compiled.regex) {
    RegexError e;
    if (compiled.error) e = *compiled.error;
    size_t off = e.offset <= body.size() ? e.offset : body.size();
    size_t len = e.length <= body.size() - off ? e.length : body.size() - off;
    size_t at = pos + 1 + off;
    switch (e.code) {
      case RegexError::Code::InvalidCharacter: {
        if (len == 0) len = char_length(text, at);
        std::string msg;
        char c = ctx.at(at);
        if (c == '(' || c == ')') {
          const char* escape = c == '(' ? "\\x28" : "\\x29";  // outside say(): the catalogue test reads its arguments
          msg = say("parse.regex.group", {{"char", std::string(1, c)}, {"escape", escape}});
        } else if (!e.message.empty()) {
          msg = e.message;
        } else {
          msg = say("parse.regex.not-accepted", {{"char", describe_char(text, at)}});
        }
        return ctx.fail("regex-invalid-character", aws_invalid_chars(text.substr(pos, at + len - pos)), msg,
                        at, len);
      }
      case RegexError::Code::Syntax:
        return ctx.fail("regex-syntax", kAwsRegexCompile,
                        e.message.empty() ? say("parse.regex.malformed") : e.message, at, len);
      case RegexError::Code::TooLarge:
        return ctx.fail("regex-too-large", "",
                        e.message.empty() ? say("parse.regex.too-large") : e.message,
                        at, len);
      case RegexError::Code::Unsupported:
        return ctx.fail("regex-unsupported", "",
                        e.message.empty() ? say("parse.regex.unsupported") : e.message,
                        at, len);
    }
    return ctx.fail("regex-syntax", kAwsRegexCompile, say("parse.regex.malformed"), at, len);
  }
  regex_index = static_cast<int>(ctx.pattern.regexes.size());
  ctx.pattern.regexes.push_back(std::move(*compiled.regex));
  end = close + 1;
  return true;
}

bool parse_compare_op(ParseContext& ctx, size_t& pos, CompareOp& op, Span& op_span) {
  size_t start = pos;
  char c = ctx.at(pos);
  char n = ctx.at(pos + 1);
  size_t len = 1;
  switch (c) {
    case '=':
      if (n == '=') {
        return ctx.fail("double-equals", kAwsInvalidPattern,
                        say("parse.op.double-equals"), start,
                        ctx.at(pos + 2) == '=' ? 3 : 2);
      }
      if (n == '<' || n == '>') {
        return ctx.fail("unknown-operator", kAwsInvalidPattern,
                        say("parse.op.equals-then", {{"char", std::string(1, n)}}), start, 2);
      }
      op = CompareOp::Eq;
      break;
    case '!':
      if (n != '=') {
        return ctx.fail("negation-not-supported", kAwsInvalidPattern,
                        say("parse.op.bang"),
                        start, 1);
      }
      if (ctx.at(pos + 2) == '=') {
        return ctx.fail("double-equals", kAwsInvalidPattern,
                        say("parse.op.bang-double"), start, 3);
      }
      op = CompareOp::Ne;
      len = 2;
      break;
    case '<':
      if (n == '>') {
        return ctx.fail("unknown-operator", kAwsInvalidPattern,
                        say("parse.op.angle"), start, 2);
      }
      if (n == '=') {
        op = CompareOp::Le;
        len = 2;
      } else {
        op = CompareOp::Lt;
      }
      break;
    case '>':
      if (n == '=') {
        op = CompareOp::Ge;
        len = 2;
      } else {
        op = CompareOp::Gt;
      }
      break;
    default:
      return ctx.fail("expected-operator", kAwsInvalidPattern,
                      say("parse.op.expected", {{"found", describe_found(ctx.text, pos)}}),
                      pos, char_length(ctx.text, pos));
  }
  op_span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(len)};
  pos += len;
  return true;
}

namespace {

// Characters of an unquoted value. AWS documents that strings with anything
// but letters, digits and `_` must be quoted, yet its own examples use `.`,
// `*` and `-` unquoted (123.123.*, *UnauthorizedOperation,
// cm-policymaintainer), and numbers need `+`/`-`/`.`. Everything else
// (`@ : / $ \` ...) must be quoted; the 2020 syntax page names `@`, `$` and `\` explicitly.
bool is_bare_value_char(char c) {
  return is_alnum(c) || c == '_' || c == '.' || c == '*' || c == '-' || c == '+';
}

bool is_digits(std::string_view s, size_t& i) {
  size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i > start;
}

// [+-]? digits ( . digits )? ( [eE] [+-]? digits )?
bool is_number_literal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (!is_digits(s, i)) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!is_digits(s, i)) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!is_digits(s, i)) return false;
  }
  return i == s.size();
}

bool is_value_end(const ParseContext& ctx, size_t pos, ValueContext vc) {
  if (ctx.at_end(pos)) return true;
  char c = ctx.text[pos];
  if (is_space(c) || c == ')' || c == '&' || c == '|') return true;
  if (vc == ValueContext::Json) return c == '}';
  return c == ',' || c == ']';
}

// A value position that holds no value: end, closer, or a logical operator.
bool is_missing_value(const ParseContext& ctx, size_t pos, ValueContext vc) {
  if (ctx.at_end(pos)) return true;
  char c = ctx.text[pos];
  if (c == ')' || (c == '&' && ctx.at(pos + 1) == '&') || (c == '|' && ctx.at(pos + 1) == '|')) return true;
  if (vc == ValueContext::Json) return c == '}';
  return c == ',' || c == ']';
}

// The run of non-blank text at `pos` up to a closer, for "write it as \"...\"" hints.
std::string_view token_at(const ParseContext& ctx, size_t pos, ValueContext vc) {
  size_t i = pos;
  while (i < ctx.size()) {
    char c = ctx.text[i];
    if (is_space(c) || c == ')' || (vc == ValueContext::Json ? c == '}' : (c == ',' || c == ']'))) break;
    if ((c == '&' && ctx.at(i + 1) == '&') || (c == '|' && ctx.at(i + 1) == '|')) break;
    ++i;
  }
  return ctx.text.substr(pos, i - pos);
}

void set_string_value(Value& v, std::string text) {
  if (text == "*") {
    v.kind = ValueKind::AnyValue;
    v.text.clear();
    return;
  }
  v.kind = ValueKind::String;
  if (!text.empty() && text.front() == '*') {
    v.prefix_wildcard = true;
    text.erase(0, 1);
  }
  if (!text.empty() && text.back() == '*') {
    v.suffix_wildcard = true;
    text.pop_back();
  }
  v.text = std::move(text);
}

std::string describe_value(const Value& v) {
  switch (v.kind) {
    case ValueKind::Regex: return say("parse.kind.regex");
    case ValueKind::AnyValue: return say("parse.kind.any");
    case ValueKind::Number: return say("parse.kind.number");
    case ValueKind::String:
      if (v.prefix_wildcard || v.suffix_wildcard) return say("parse.kind.wildcard-string");
      return say(v.quoted ? "parse.kind.quoted" : "parse.kind.string");
  }
  return say("parse.kind.string");
}

}  // namespace

bool parse_value(ParseContext& ctx, size_t& pos, CompareOp op, Span op_span, ValueContext vc, Value& value) {
  std::string_view text = ctx.text;
  pos = skip_space(text, pos);
  const size_t start = pos;
  const std::string op_text = compare_op_text(op);
  value = Value{};
  if (is_missing_value(ctx, pos, vc)) {
    bool eof = ctx.at_end(pos);
    return ctx.fail("missing-value", kAwsInvalidPattern,
                    say("parse.value.missing", {{"op", op_text}, {"rest", found_or_end(text, pos)}}),
                    eof ? text.size() : pos, eof ? 0 : char_length(text, pos));
  }
  char c = text[pos];
  size_t end = pos;
  bool bare = false;
  if (c == '"') {
    std::string s;
    if (!scan_quoted(text, pos, s, end)) {
      return ctx.fail("unterminated-quote", kAwsInvalidPattern,
                      say("parse.value.unterminated-quote"), start,
                      text.size() - start);
    }
    value.quoted = true;
    set_string_value(value, std::move(s));
  } else if (c == '%') {
    if (op != CompareOp::Eq && op != CompareOp::Ne) {
      return ctx.fail("relational-needs-number", kAwsInvalidPattern,
                      say("parse.value.regex-relational", {{"op", op_text}}),
                      op_span.offset, op_span.length);
    }
    std::string body;
    int index = -1;
    if (!parse_regex(ctx, pos, index, body, end)) return false;
    value.kind = ValueKind::Regex;
    value.text = std::move(body);
    value.regex = index;
  } else if (is_operator_start(c)) {
    size_t n = 1;
    while (is_operator_start(ctx.at(pos + n))) ++n;
    return ctx.fail("unexpected-operator", kAwsInvalidPattern,
                    say("parse.value.another-operator", {{"op", op_text}, {"found", std::string(text.substr(pos, n))}}),
                    pos, n);
  } else {
    bare = true;
    while (end < text.size() && is_bare_value_char(text[end])) ++end;
    std::string raw(text.substr(pos, end - pos));
    if (!raw.empty() && is_number_literal(raw)) {
      value.kind = ValueKind::Number;
      value.text = raw;
      value.number = std::strtod(raw.c_str(), nullptr);
    } else {
      if (vc == ValueContext::Json && raw == "null" && is_value_end(ctx, end, vc)) {
        return ctx.fail("null-literal", kAwsInvalidPattern,
                        say("parse.value.null"), pos, 4);
      }
      set_string_value(value, std::move(raw));
    }
  }
  if (!is_value_end(ctx, end, vc)) {
    if (bare) {
      std::string_view token = token_at(ctx, start, vc);
      return ctx.fail("invalid-value-character", kAwsInvalidPattern,
                      capitalized(say("parse.value.bad-char", {{"char", describe_char(text, end)}, {"token", std::string(token)}})),
                      end, char_length(text, end));
    }
    return ctx.fail("missing-space-after-value", kAwsInvalidPattern,
                    say("parse.value.missing-space",
                        {{"closers", say(vc == ValueContext::Json ? "parse.closers.json" : "parse.closers.fields")},
                         {"found", describe_found(text, end)}}),
                    end, char_length(text, end));
  }
  value.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)};
  if (op != CompareOp::Eq && op != CompareOp::Ne && value.kind != ValueKind::Number) {
    return ctx.fail("relational-needs-number", kAwsInvalidPattern,
                    value.quoted && value.kind == ValueKind::String && is_number_literal(value.text) &&
                            !value.prefix_wildcard && !value.suffix_wildcard
                        ? say("parse.value.relational-quoted-number",
                              {{"op", op_text}, {"kind", describe_value(value)}, {"number", value.text}})
                        : say("parse.value.relational-text", {{"op", op_text}, {"kind", describe_value(value)}}),
                    start, end - start);
  }
  pos = end;
  return true;
}

}  // namespace parse

CompileResult compile_pattern(std::string_view text) {
  CompileResult result;
  // Length first: CloudWatch counts characters (code points), not bytes. A
  // byte that is not part of valid UTF-8 counts as one character here and is
  // reported just after, when the length is fine.
  uint32_t chars = 0;
  size_t over = std::string_view::npos;     // where the first character over the limit starts
  size_t bad_utf8 = std::string_view::npos;  // the first byte that is not valid UTF-8
  for (size_t i = 0; i < text.size();) {
    size_t n = parse::utf8_sequence_length(text, i);
    if (n == 0) {
      if (bad_utf8 == std::string_view::npos) bad_utf8 = i;
      n = 1;
    }
    if (++chars == kMaxPatternChars + 1) over = i;
    i += n;
  }
  if (over != std::string_view::npos) {
    Diagnostic d;
    d.code = "pattern-too-long";
    d.aws_message = "Member must have length less than or equal to 1024";
    d.message = say("parse.too-long", {{"count", std::to_string(chars)}});
    d.span = Span{static_cast<uint32_t>(over), static_cast<uint32_t>(text.size() - over)};
    result.error = std::move(d);
    return result;
  }
  if (bad_utf8 != std::string_view::npos) {
    static const char* hex = "0123456789ABCDEF";
    unsigned char b = static_cast<unsigned char>(text[bad_utf8]);
    Diagnostic d;
    d.code = "invalid-utf8";
    d.aws_message = "";  // such text cannot even be sent to CloudWatch
    d.message = say("parse.invalid-utf8", {{"hex", std::string{hex[b >> 4], hex[b & 15]}}});
    d.span = Span{static_cast<uint32_t>(bad_utf8), 1};
    result.error = std::move(d);
    return result;
  }
  auto pattern = std::make_shared<Pattern>();
  pattern->text = std::string(text);
  parse::ParseContext ctx(pattern->text, *pattern);
  size_t pos = parse::skip_space(ctx.text, 0);
  bool ok = true;
  if (pos >= ctx.size()) {
    pattern->family = PatternFamily::MatchAll;
  } else if (ctx.text[pos] == '{') {
    pattern->family = PatternFamily::Json;
    ok = parse::parse_json_pattern(ctx, pos);
  } else if (ctx.text[pos] == '[') {
    pattern->family = PatternFamily::Delimited;
    ok = parse::parse_delimited(ctx, pos);
  } else {
    pattern->family = PatternFamily::Terms;
    ok = parse::parse_terms(ctx, pos);
  }
  if (!ok || ctx.error) {
    if (ctx.error) {
      result.error = std::move(ctx.error);
    } else {
      Diagnostic d;
      d.code = "internal-error";
      d.aws_message = parse::kAwsInvalidPattern;
      d.message = say("parse.internal-error");
      result.error = std::move(d);
    }
    return result;
  }
  result.pattern = std::move(pattern);
  return result;
}

}  // namespace cwlf
