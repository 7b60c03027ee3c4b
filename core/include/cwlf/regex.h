// A linear-time matcher for the regular-expression subset CloudWatch accepts
// between `%` signs in a filter pattern.
//
// Promise: compile and search never recurse on input-controlled depth and run
// in time linear in the searched text (a lazily built DFA over a Thompson NFA,
// whose bounded state cache is cleared and rebuilt when full; find() adds a
// reverse DFA for the match start and a Pike VM from there for its end).
// There is no backtracking, so no input makes a search slow.
//
// Syntax (Java's java.util.regex, restricted as AWS documents; see
// docs/semantics.md): literals; `.`; classes `[a-z]`, `[^...]`; escapes
// `\d \D \s \S \w \W \xhh \t \n \r \f` and escaped punctuation; quantifiers
// `? * + {n} {n,} {n,m} {,m}` (optionally lazy with a trailing `?`, which
// does not change whether a search matches); top-level alternation `|`;
// anchors `^` (start of text) and `$` (end of text, or before a final newline).
// No groups: AWS rejects `(` and `)`.
//
// Details, all as Java does (checked against OpenJDK 17): the text is matched
// by character, a well-formed UTF-8 sequence being one character and any other
// byte one character of its own; `.` matches any character but \n, \r, U+0085,
// U+2028, U+2029; `$` also matches before a final "\r\n", \n, \r, U+0085,
// U+2028 or U+2029; `\xhh` is the code point U+00hh (so `\xe9` matches "é");
// `]` first in a class is a literal (`[]a]`); `\v`, `\V`, `\e`, `\a`, `\cX`,
// `\0ooo` and `\x{hh}` are accepted. cwlf's own choices: `{,m}` means {0,m}
// (AWS documents it; Java rejects it); a quantifier after a quantifier or with
// nothing before it (`a**`, `{2}`, `a{2}{3}`) is an error even where Java 17
// quietly accepts it; counts above kMaxRegexRepeat are TooLarge; possessive
// quantifiers, `\b \B \A \z \Z \G`, back-references, `\p{..}`, `\Q..\E`,
// `\h \R \X \u \N`, nested classes and code points above U+00FF are
// Unsupported (valid Java that cwlf does not implement).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"

namespace cwlf {

struct RegexError {
  enum class Code {
    InvalidCharacter,  // a character outside AWS's allow-list (`(`, `!`, non-ASCII, ...)
    Syntax,            // e.g. unclosed `[`, dangling `{`: AWS says "Failed to compile regular expression."
    TooLarge,          // the compiled program would exceed kMaxRegexProgram, or a count exceeds kMaxRegexRepeat
    Unsupported,       // valid Java syntax cwlf does not implement (e.g. possessive `*+`, `\b`)
  };
  Code code = Code::Syntax;
  uint32_t offset = 0;  // byte offset into the regex body (the text between the `%`s)
  uint32_t length = 0;  // bytes at fault (for InvalidCharacter: the whole UTF-8 character)
  std::string message;  // plain-language reason, e.g. "'[' opens a character class that is never closed"
};

class Regex {
 public:
  // Compiles the body of `%body%`. Either `regex` or `error` is set.
  struct CompileResult;
  static CompileResult compile(std::string_view body);

  // True if the regex matches anywhere in `text` (unanchored search).
  bool search(std::string_view text) const;

  // The leftmost match (leftmost-first, as Java would report), for explanations.
  std::optional<Span> find(std::string_view text) const;

  const std::string& body() const;

  // Not thread-safe: search() and find() grow a per-regex DFA cache, which
  // copies of a Regex share.
  Regex(const Regex&) = default;
  Regex(Regex&&) = default;
  Regex& operator=(const Regex&) = default;
  Regex& operator=(Regex&&) = default;
  ~Regex();

  struct Impl;

 private:
  explicit Regex(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

struct Regex::CompileResult {
  std::optional<Regex> regex;
  std::optional<RegexError> error;
};

}  // namespace cwlf
