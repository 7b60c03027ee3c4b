// Parsing a regex body: the AWS allow-list check, then Java's syntax for the
// subset cwlf implements, in one flat left-to-right loop (there are no groups,
// so nothing nests and nothing recurses).
#include <algorithm>
#include <cstdio>
#include <string>

#include "cwlf/i18n.h"
#include "resource_limits.h"
#include "regex_internal.h"

namespace cwlf {
namespace regex_internal {
namespace {

bool is_allowed(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case ' ': case ':': case '_': case '#': case '=': case '@': case '/': case ';': case ',': case '-':
    case '^': case '$': case '?': case '[': case ']': case '{': case '}': case '|': case '\\':
    case '*': case '+': case '.':
      return true;
    default:
      return false;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string hex2(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", v & 0xFFu);
  return buf;
}

SymSet range_set(int lo, int hi) {
  SymSet s;
  for (int c = lo; c <= hi; ++c) s.set(static_cast<size_t>(c));
  return s;
}
SymSet digit_set() { return range_set('0', '9'); }
SymSet word_set() { return range_set('a', 'z') | range_set('A', 'Z') | range_set('0', '9') | range_set('_', '_'); }
SymSet space_set() {  // Java \s: [ \t\n\x0B\f\r]
  SymSet s = range_set('\t', '\r');
  s.set(' ');
  return s;
}
SymSet vspace_set() {  // Java \v (since 8): [\n\x0B\f\r\x85\u2028\u2029]
  SymSet s = range_set('\n', '\r');
  s.set(0x85);
  s.set(kSymLineSep);
  return s;
}
SymSet dot_set() {  // any character but Java's line terminators
  SymSet s;
  s.set();
  s.reset('\n');
  s.reset('\r');
  s.reset(0x85);
  s.reset(kSymLineSep);
  return s;
}

// What an escape stands for: one code point, or a set (\d ...).
struct Escape {
  bool is_set = false;
  int code_point = 0;
  SymSet set;
  uint32_t length = 0;  // bytes, including the backslash
};

class Parser {
 public:
  Parser(std::string_view body, RegexError* error) : s_(body), error_(error) {}

  bool run(Ast* ast) {
    ast->branches.clear();
    ast->branches.emplace_back();
    size_t i = 0;
    const size_t n = s_.size();
    while (i < n) {
      const char c = s_[i];
      if (c == '|') {
        ast->branches.emplace_back();
        ++i;
        continue;
      }
      Item item;
      item.offset = static_cast<uint32_t>(i);
      switch (c) {
        case '^':
          item.kind = Item::Kind::Begin;
          ++i;
          break;
        case '$':
          item.kind = Item::Kind::End;
          ++i;
          break;
        case '.':
          item.set = dot_set();
          ++i;
          break;
        case '[':
          if (!parse_class(&i, &item.set)) return false;
          break;
        case '\\': {
          Escape e;
          if (!parse_escape(i, /*in_class=*/false, &e)) return false;
          item.set = e.is_set ? e.set : single(e.code_point);
          i += e.length;
          break;
        }
        case '*': case '+': case '?': case '{': {
          std::string q(1, c);
          bool after_quantifier = i > 0 && is_quantifier_end(i);
          return fail(RegexError::Code::Syntax, i, 1,
                      say(after_quantifier ? "regex.quantifier-after-quantifier" : "regex.nothing-to-repeat", {{"q", q}}));
        }
        default:  // a literal, including a lone ']' or '}' as in Java
          item.set = single(static_cast<unsigned char>(c));
          ++i;
          break;
      }
      if (!parse_quantifier(&i, &item)) return false;
      item.length = static_cast<uint32_t>(i) - item.offset;
      ast->branches.back().push_back(item);
    }
    return true;
  }

 private:
  static SymSet single(int cp) {
    SymSet s;
    s.set(static_cast<size_t>(cp));
    return s;
  }

  // Whether the character before s_[i] ends a quantifier (for a clearer message).
  // At an atom position, a preceding '*', '+', '?' or '}' always ended one.
  bool is_quantifier_end(size_t i) const {
    const char p = s_[i - 1];
    return p == '*' || p == '+' || p == '?' || p == '}';
  }

  bool fail(RegexError::Code code, size_t offset, size_t length, std::string message) {
    error_->code = code;
    error_->offset = static_cast<uint32_t>(offset);
    if (offset + length > s_.size()) length = s_.size() - offset;
    error_->length = static_cast<uint32_t>(length);
    error_->message = std::move(message);
    return false;
  }

  // Reads a decimal count at *j (possibly empty). Saturates well above the limit.
  bool read_count(size_t* j, uint32_t* value) {
    bool any = false;
    uint32_t v = 0;
    while (*j < s_.size() && is_digit(s_[*j])) {
      any = true;
      if (v <= 1000000) v = v * 10 + static_cast<uint32_t>(s_[*j] - '0');
      ++*j;
    }
    *value = v;
    return any;
  }

  bool parse_quantifier(size_t* pi, Item* item) {
    size_t i = *pi;
    const size_t n = s_.size();
    if (i >= n) return true;
    const size_t q = i;
    switch (s_[i]) {
      case '*':
        item->min = 0, item->max = kInfinite, ++i;
        break;
      case '+':
        item->min = 1, item->max = kInfinite, ++i;
        break;
      case '?':
        item->min = 0, item->max = 1, ++i;
        break;
      case '{': {
        size_t j = i + 1;
        uint32_t lo = 0, hi = 0;
        const bool has_lo = read_count(&j, &lo);
        bool has_comma = false, has_hi = false;
        if (j < n && s_[j] == ',') {
          has_comma = true;
          ++j;
          has_hi = read_count(&j, &hi);
        }
        if (j >= n || s_[j] != '}' || (!has_lo && !has_hi)) {
          size_t len = j < n ? j - q + 1 : j - q;
          return fail(RegexError::Code::Syntax, q, len,
                      say("regex.repetition-syntax"));
        }
        ++j;  // past '}'
        const std::string text(s_.substr(q, j - q));
        if (lo > kMaxRegexRepeat || hi > kMaxRegexRepeat) {
          return fail(RegexError::Code::TooLarge, q, j - q,
                      say("regex.repetition-too-large", {{"repetition", text}, {"max", std::to_string(kMaxRegexRepeat)}}));
        }
        if (!has_comma) hi = lo;
        else if (!has_hi) hi = kInfinite;
        if (hi < lo) {
          return fail(RegexError::Code::Syntax, q, j - q,
                      say("regex.repetition-reversed", {{"repetition", text}}));
        }
        item->min = lo;
        item->max = hi;
        i = j;
        break;
      }
      default:
        return true;
    }
    if (i < n && s_[i] == '?') {
      item->lazy = true;
      ++i;
    } else if (i < n && s_[i] == '+') {
      return fail(RegexError::Code::Unsupported, q, i + 1 - q,
                  say("regex.possessive", {{"quantifier", std::string(s_.substr(q, i + 1 - q))},
                                           {"plain", std::string(s_.substr(q, i - q))}}));
    }
    *pi = i;
    return true;
  }

  // [...] at *pi; on success *pi is just past the closing ']'.
  bool parse_class(size_t* pi, SymSet* out) {
    const size_t open = *pi;
    const size_t n = s_.size();
    size_t i = open + 1;
    bool negate = false;
    if (i < n && s_[i] == '^') {
      negate = true;
      ++i;
    }
    SymSet set;
    bool first = true;
    for (;;) {
      if (i >= n) {
        return fail(RegexError::Code::Syntax, open, 1,
                    say("regex.class-unclosed"));
      }
      const char c = s_[i];
      if (c == ']' && !first) {
        ++i;
        break;
      }
      first = false;
      if (c == '[') {
        return fail(RegexError::Code::Unsupported, i, 1, say("regex.nested-class", {{"example", "[a[bc]]"}}));
      }
      const size_t atom_start = i;
      int lo = 0;
      if (c == '\\') {
        Escape e;
        if (!parse_escape(i, /*in_class=*/true, &e)) return false;
        i += e.length;
        if (e.is_set) {  // \d and friends; a '-' after them is a literal, as in Java
          set |= e.set;
          continue;
        }
        lo = e.code_point;
      } else {
        lo = static_cast<unsigned char>(c);
        ++i;
      }
      if (i + 1 < n && s_[i] == '-' && s_[i + 1] != ']') {
        size_t j = i + 1;
        int hi = 0;
        if (s_[j] == '\\') {
          Escape e;
          if (!parse_escape(j, /*in_class=*/true, &e)) return false;
          if (e.is_set) {
            return fail(RegexError::Code::Syntax, atom_start, j + e.length - atom_start,
                        say("regex.range-class-escape", {{"escape", std::string(s_.substr(j, e.length))}}));
          }
          hi = e.code_point;
          j += e.length;
        } else if (s_[j] == '[') {
          return fail(RegexError::Code::Unsupported, j, 1, say("regex.nested-class", {{"example", "[a-[bc]]"}}));
        } else {
          hi = static_cast<unsigned char>(s_[j]);
          ++j;
        }
        if (hi < lo) {
          const std::string text(s_.substr(atom_start, j - atom_start));
          return fail(RegexError::Code::Syntax, atom_start, j - atom_start,
                      say("regex.range-reversed", {{"range", text}}));
        }
        set |= range_set(lo, hi);
        i = j;
      } else {
        set.set(static_cast<size_t>(lo));
      }
    }
    if (negate) set.flip();
    *out = set;
    *pi = i;
    return true;
  }

  // `what`: a sentence piece in the current language (regex.construct.*).
  bool unsupported_escape(size_t at, size_t length, const std::string& what) {
    return fail(RegexError::Code::Unsupported, at, length, say("regex.java-only", {{"what", what}}));
  }

  // The escape at s_[at] == '\\'.
  bool parse_escape(size_t at, bool in_class, Escape* e) {
    const size_t n = s_.size();
    if (at + 1 >= n) {
      return fail(RegexError::Code::Syntax, at, 1,
                  say("regex.lone-backslash"));
    }
    const char c = s_[at + 1];
    const std::string seq = "\\" + std::string(1, c);
    e->length = 2;
    e->is_set = false;
    auto set_escape = [&](const SymSet& s) {
      e->is_set = true;
      e->set = s;
      return true;
    };
    auto cp_escape = [&](int cp) {
      e->code_point = cp;
      return true;
    };
    if (!is_letter(c) && !is_digit(c)) return cp_escape(static_cast<unsigned char>(c));  // \. \* \\ ...
    switch (c) {
      case 'd': return set_escape(digit_set());
      case 'D': return set_escape(~digit_set());
      case 'w': return set_escape(word_set());
      case 'W': return set_escape(~word_set());
      case 's': return set_escape(space_set());
      case 'S': return set_escape(~space_set());
      case 'v': return set_escape(vspace_set());
      case 'V': return set_escape(~vspace_set());
      case 't': return cp_escape('\t');
      case 'n': return cp_escape('\n');
      case 'r': return cp_escape('\r');
      case 'f': return cp_escape('\f');
      case 'a': return cp_escape(0x07);
      case 'e': return cp_escape(0x1B);
      case 'c':
        if (at + 2 >= n) {
          return fail(RegexError::Code::Syntax, at, 2, say("regex.control-escape"));
        }
        e->length = 3;
        return cp_escape(static_cast<unsigned char>(s_[at + 2]) ^ 64);
      case 'x': {
        if (at + 2 < n && s_[at + 2] == '{') {
          size_t j = at + 3;
          uint32_t v = 0;
          bool any = false;
          while (j < n && hex_value(s_[j]) >= 0) {
            any = true;
            if (v <= 0x10FFFF) v = v * 16 + static_cast<uint32_t>(hex_value(s_[j]));
            ++j;
          }
          if (!any || j >= n || s_[j] != '}' || v > 0x10FFFF) {
            return fail(RegexError::Code::Syntax, at, j < n ? j - at + 1 : j - at,
                        say("regex.hex-braces"));
          }
          if (v > 0xFF) {
            return unsupported_escape(at, j + 1 - at,
                                      say("regex.construct.code-point", {{"escape", std::string(s_.substr(at, j + 1 - at))}}));
          }
          e->length = static_cast<uint32_t>(j + 1 - at);
          return cp_escape(static_cast<int>(v));
        }
        const int h1 = at + 2 < n ? hex_value(s_[at + 2]) : -1;
        const int h2 = at + 3 < n ? hex_value(s_[at + 3]) : -1;
        if (h1 < 0 || h2 < 0) {
          return fail(RegexError::Code::Syntax, at, h1 < 0 ? 3 : 4,
                      say("regex.hex-digits"));
        }
        e->length = 4;
        return cp_escape(h1 * 16 + h2);
      }
      case '0': {  // Java octal: \0n, \0nn, \0mnn with m <= 3
        auto oct = [&](size_t k) { return k < n && s_[k] >= '0' && s_[k] <= '7' ? s_[k] - '0' : -1; };
        const int a = oct(at + 2), b = oct(at + 3), d = oct(at + 4);
        if (a < 0) {
          return fail(RegexError::Code::Syntax, at, 3, say("regex.octal"));
        }
        if (b < 0) {
          e->length = 3;
          return cp_escape(a);
        }
        if (d >= 0 && a <= 3) {
          e->length = 5;
          return cp_escape(a * 64 + b * 8 + d);
        }
        e->length = 4;
        return cp_escape(a * 8 + b);
      }
      default:
        break;
    }
    // Constructs Java rejects inside a class.
    const bool java_rejects_in_class = is_digit(c) || c == 'A' || c == 'G' || c == 'Z' || c == 'z' || c == 'b' ||
                                       c == 'B' || c == 'R' || c == 'X' || c == 'k';
    if (in_class && java_rejects_in_class) {
      return fail(RegexError::Code::Syntax, at, 2, say("regex.not-in-class", {{"escape", seq}}));
    }
    switch (c) {
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        return unsupported_escape(at, 2, say("regex.construct.back-reference", {{"escape", seq}}));
      case 'b': return unsupported_escape(at, 2, say("regex.construct.word-boundary"));
      case 'B': return unsupported_escape(at, 2, say("regex.construct.non-boundary"));
      case 'A': return unsupported_escape(at, 2, say("regex.construct.anchor-a"));
      case 'z': return unsupported_escape(at, 2, say("regex.construct.anchor", {{"escape", "\\z"}}));
      case 'Z': return unsupported_escape(at, 2, say("regex.construct.anchor-z"));
      case 'G': return unsupported_escape(at, 2, say("regex.construct.anchor", {{"escape", "\\G"}}));
      case 'p': case 'P': {
        size_t len = 3;
        if (at + 2 < n && s_[at + 2] == '{') {
          size_t close = s_.find('}', at + 3);
          len = close == std::string_view::npos ? n - at : close + 1 - at;
        }
        return unsupported_escape(at, len, say("regex.construct.unicode-property", {{"escape", std::string(s_.substr(at, std::min(len, n - at)))}}));
      }
      case 'Q': {
        size_t end = s_.find("\\E", at + 2);
        size_t len = end == std::string_view::npos ? n - at : end + 2 - at;
        return unsupported_escape(at, len, say("regex.construct.quoting"));
      }
      case 'h': case 'H': return unsupported_escape(at, 2, say("regex.construct.horizontal-space", {{"escape", seq}}));
      case 'R': return unsupported_escape(at, 2, say("regex.construct.line-break"));
      case 'X': return unsupported_escape(at, 2, say("regex.construct.grapheme"));
      case 'u': return unsupported_escape(at, 2, say("regex.construct.unicode-escape"));
      case 'N': return unsupported_escape(at, 2, say("regex.construct.named-character"));
      default:
        break;
    }
    return fail(RegexError::Code::Syntax, at, 2,
                say("regex.unknown-escape", {{"escape", seq}}));
  }

  std::string_view s_;
  RegexError* error_;
};

}  // namespace

bool parse_regex(std::string_view body, Ast* ast, RegexError* error) {
  // The allow-list comes first, as in CloudWatch: the first bad character wins.
  for (size_t i = 0; i < body.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (is_allowed(c)) continue;
    error->code = RegexError::Code::InvalidCharacter;
    error->offset = static_cast<uint32_t>(i);
    if (c >= 0x80) {
      const size_t len = utf8_sequence_length(body, i);
      error->length = static_cast<uint32_t>(len == 0 ? 1 : len);
      error->message = say("regex.non-ascii");
    } else {
      error->length = 1;
      const bool printable = c >= 0x20 && c < 0x7F;
      const bool group = c == '(' || c == ')';
      if (printable) {
        error->message = say(group ? "regex.not-allowed.group" : "regex.not-allowed",
                             {{"char", std::string(1, static_cast<char>(c))}, {"escape", hex2(c)}});
      } else {
        error->message = say("regex.not-allowed.control", {{"escape", hex2(c)}});
      }
    }
    return false;
  }
  Parser parser(body, error);
  return parser.run(ast);
}

}  // namespace regex_internal
}  // namespace cwlf
