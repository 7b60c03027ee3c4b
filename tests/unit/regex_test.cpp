// Tests for the regex engine (core/regex*.cc): syntax and errors, Java
// semantics (checked against java.util.regex), the AWS documentation examples,
// pathological inputs, and differential tests against a reference backtracker.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "resource_limits.h"
#include "regex.h"

using cwlf::Regex;
using cwlf::RegexError;
using cwlf::Span;

namespace {

Regex must_compile(const std::string& body) {
  auto r = Regex::compile(body);
  INFO("body: " << body << (r.error ? " error: " + r.error->message : std::string()));
  REQUIRE(r.regex.has_value());
  REQUIRE_FALSE(r.error.has_value());
  return *r.regex;
}

RegexError must_fail(const std::string& body) {
  auto r = Regex::compile(body);
  INFO("body: " << body);
  REQUIRE_FALSE(r.regex.has_value());
  REQUIRE(r.error.has_value());
  return *r.error;
}

const char* code_name(RegexError::Code c) {
  switch (c) {
    case RegexError::Code::InvalidCharacter: return "InvalidCharacter";
    case RegexError::Code::Syntax: return "Syntax";
    case RegexError::Code::TooLarge: return "TooLarge";
    case RegexError::Code::Unsupported: return "Unsupported";
  }
  return "?";
}

// -1/-1 means "no match".
struct MatchCase {
  const char* body;
  const char* text;
  int start;
  int end;
};

void check_match(const MatchCase& c) {
  INFO("regex %" << c.body << "% on \"" << c.text << "\"");
  Regex re = must_compile(c.body);
  const std::optional<Span> found = re.find(c.text);
  const bool hit = re.search(c.text);
  if (c.start < 0) {
    CHECK_FALSE(hit);
    CHECK_FALSE(found.has_value());
  } else {
    CHECK(hit);
    REQUIRE(found.has_value());
    CHECK(found->offset == static_cast<uint32_t>(c.start));
    CHECK(found->end() == static_cast<uint32_t>(c.end));
  }
}

}  // namespace

TEST_CASE("regex: AWS documentation examples", "[regex]") {
  const MatchCase cases[] = {
      {"AUTHORIZED", "[ERROR 401] UNAUTHORIZED REQUEST", 14, 24},
      {"AUTHORIZED", "[ERROR 401] unauthorized request", -1, -1},
      {"gra|ey", "grey", 2, 4},
      {"gra|ey", "graph", 0, 3},
      {"gra|ey", "gry", -1, -1},
      {"^starting|^initializing|^shutting down", "shutting down now", 0, 13},
      {"^starting|^initializing|^shutting down", "initializing x", 0, 12},
      {"^starting|^initializing|^shutting down", "now starting", -1, -1},
      {"^starting|^initializing|^shutting down", "now shutting down", -1, -1},
      {"[Ee]rror|[Ff]ail", "disk Error", 5, 10},
      {"[Ee]rror|[Ff]ail", "it will fail", 8, 12},
      {"[Ee]rror|[Ff]ail", "ERROR", -1, -1},
      {"abcc|ab[^c]$", "xabcc", 1, 5},
      {"abcc|ab[^c]$", "xabd", 1, 4},
      {"abcc|ab[^c]$", "abd\n", 0, 3},
      {"abcc|ab[^c]$", "abdx", -1, -1},
      {"abcc|ab[^c]$", "abc", -1, -1},
      {"111\\.111\\.111\\.1[0-9]{1,2}", "ip=111.111.111.123", 3, 18},
      {"111\\.111\\.111\\.1[0-9]{1,2}", "111.111.111.1", -1, -1},
      {"111\\.111\\.111\\.1[0-9]{1,2}", "111x111.111.12", -1, -1},
      {"val.{2}", "value", 0, 5},
      {"val.{2}", "val1", -1, -1},
      {"/service/resource/[0-9]+$", "/service/resource/123", 0, 21},
      {"/service/resource/[0-9]+$", "/service/resource/123/x", -1, -1},
      {"Task timed out after|^REPORT\\s.+\\sStatus: timeout", "x Task timed out after 3.00 seconds", 2, 22},
      {"Task timed out after|^REPORT\\s.+\\sStatus: timeout", "REPORT RequestId: 1 Duration: 3 ms Status: timeout",
       0, 50},
      {"Task timed out after|^REPORT\\s.+\\sStatus: timeout", "x REPORT Status: timeout", -1, -1},
      {"Task timed out after|^REPORT\\s.+\\sStatus: timeout", "REPORT\nStatus: timeout", -1, -1},
      {"Task timed out after|^REPORT\\s.+\\sStatus: timeout", "REPORT\na\nStatus: timeout", 0, 24},
      {"^192\\.168\\.12\\.", "192.168.12.7", 0, 11},
      {"^192\\.168\\.12\\.", "10.192.168.12.7", -1, -1},
      {"127\\.0\\.0\\.[1-9]", "127.0.0.1", 0, 9},
      {"Trail", "CloudTrail", 5, 10},
  };
  for (const auto& c : cases) check_match(c);
}

TEST_CASE("regex: class escapes (s matches newline, d w s and their complements)", "[regex]") {
  const MatchCase cases[] = {
      {"a\\sb", "a\nb", 0, 3},
      {"a\\sb", "a\tb", 0, 3},
      {"a\\sb", "a\rb", 0, 3},
      {"a\\sb", "a\013b", 0, 3},
      {"a\\sb", "a\fb", 0, 3},
      {"a\\sb", "a b", 0, 3},
      {"a\\sb", "a_b", -1, -1},
      {"a\\Sb", "a_b", 0, 3},
      {"a\\Sb", "a b", -1, -1},
      {"a\\Sb", "a\303\251b", 0, 4},
      {"\\d+", "ab 12345 c", 3, 8},
      {"\\D+", "12ab34", 2, 4},
      {"\\D", "\342\202\254", 0, 3},
      {"\\w+", "  foo_Bar9 ", 2, 10},
      {"\\w", "\303\251", -1, -1},
      {"\\W", "\303\251", 0, 2},
      {"\\W+", "ab-+cd", 2, 4},
      {"\\v", "a\nb", 1, 2},
      {"\\v", "a\302\205", 1, 3},
      {"\\V+", "ab\n", 0, 2},
  };
  for (const auto& c : cases) check_match(c);
}

TEST_CASE("regex: literals, dot and escapes", "[regex]") {
  const MatchCase cases[] = {
      {"abc", "xxabcxx", 2, 5},
      {"abc", "ABC", -1, -1},  // case-sensitive
      {"", "anything", 0, 0},
      {"", "", 0, 0},
      {"a b", "a b", 0, 3},
      {"key=val;x,y:z@h#1/2_3-4", "key=val;x,y:z@h#1/2_3-4", 0, 23},
      {"]", "a]", 1, 2},  // a lone ] or } is a literal, as in Java
      {"}", "a}", 1, 2},
      {"a}{2}", "a}}", 0, 3},
      {"a.c", "abc", 0, 3},
      {"a.c", "a\nc", -1, -1},
      {"a.c", "a\rc", -1, -1},
      {"a.c", "a\tc", 0, 3},
      {"a.c", "a\302\205c", -1, -1},      // U+0085 is a Java line terminator
      {"a.c", "a\342\200\250c", -1, -1},  // U+2028 as well
      {"a.b", "a\303\251b", 0, 4},        // é is one character
      {"a.b", "a\342\202\254b", 0, 5},    // € is one character
      {"a.b", "a\360\237\230\200b", 0, 6},  // an emoji is one character
      {"a..b", "a\303\251b", -1, -1},
      {"a.b", "a\377b", 0, 3},        // an invalid byte is one character
      {"a..b", "a\303\303b", 0, 4},   // two stray lead bytes are two characters
      {"a.b", "a\303b", 0, 3},
      {"\\.", "a.b", 1, 2},
      {"\\*\\+\\?\\{\\}\\[\\]\\|\\^\\$\\\\", "*+?{}[]|^$\\", 0, 11},
      {"\\/\\-\\:\\;\\,\\#\\=\\@\\_\\ ", "/-:;,#=@_ ", 0, 10},
      {"\\x41\\x62", "Ab", 0, 2},
      {"\\x28ERROR\\x29", "(ERROR)", 0, 7},
      {"\\xe9", "caf\303\251", 3, 5},  // \xhh is the code point U+00hh, as in Java
      {"\\xE9", "caf\303\251", 3, 5},
      {"\\xe9", "caf\351", -1, -1},  // not the raw byte 0xE9
      {"\\x{41}", "A", 0, 1},
      {"\\t\\n\\r\\f\\e\\a", "\t\n\r\f\033\007", 0, 6},
      {"\\0101\\012\\07", "A\n\007", 0, 3},
      {"\\0400", "\0400", 0, 2},  // \040 then '0': octal stops at 0377
      {"\\cA\\c[", "\001\033", 0, 2},
  };
  for (const auto& c : cases) check_match(c);
}

TEST_CASE("regex: character classes", "[regex]") {
  const MatchCase cases[] = {
      {"[abc]+", "xxcabz", 2, 5},
      {"[a-c]+", "xxcabz", 2, 5},
      {"[^a-c]+", "abXYc", 2, 4},
      {"[^a]", "a\n", 1, 2},  // negated classes match a newline
      {"[^a]", "a\303\251", 1, 3},
      {"[^a]b", "\303\251b", 0, 3},
      {"[^\\x00-\\x7f]", "a\303\251", 1, 3},
      {"[\\x80-\\xff]", "a\303\251", 1, 3},
      {"[\\x80-\\xff]", "a\342\202\254", -1, -1},
      {"[]a]+", "x]a]", 1, 4},  // ] first is a literal, as in Java
      {"[^]a]", "]ab", 2, 3},
      {"[a-]+", "x-a-", 1, 4},
      {"[-a]+", "x-a-", 1, 4},
      {"[a\\-z]+", "b-az", 1, 4},
      {"[\\d-z]+", "x1-z", 1, 4},  // '-' after a class escape is a literal
      {"[\\w]+", "--a_1--", 2, 5},
      {"[\\s]", "a\nb", 1, 2},
      {"[\\S]", " \303\251", 1, 3},
      {"[\\D]", "1\303\251", 1, 3},
      {"[\\]]", "a]", 1, 2},
      {"[\\[]", "a[", 1, 2},
      {"[\\\\]", "a\\", 1, 2},
      {"[\\^]", "a^", 1, 2},
      {"[a^]+", "^a", 0, 2},
      {"[.]", "a.", 1, 2},
      {"[$]", "a$", 1, 2},
      {"[*+?{}|]+", "a*+?{}|", 1, 7},
      {"[\\x41-\\x43]+", "zABCD", 1, 4},
      {"[+--]+", "a+,-", 1, 4},
      {"[\\t]", "a\tb", 1, 2},
      {"[ ]", "a b", 1, 2},
  };
  for (const auto& c : cases) check_match(c);
}

TEST_CASE("regex: quantifiers, greedy and lazy", "[regex]") {
  const MatchCase cases[] = {
      {"ab*", "xabbbc", 1, 5},
      {"ab*?", "xabbbc", 1, 2},
      {"ab+", "xabbbc", 1, 5},
      {"ab+?", "xabbbc", 1, 3},
      {"ab?", "xabbbc", 1, 3},
      {"ab??", "xabbbc", 1, 2},
      {"ab{2}", "xabbbc", 1, 4},
      {"ab{2}?", "xabbbc", 1, 4},
      {"ab{2,}", "xabbbbc", 1, 6},
      {"ab{2,}?", "xabbbbc", 1, 4},
      {"ab{1,3}", "xabbbbc", 1, 5},
      {"ab{1,3}?", "xabbbbc", 1, 3},
      {"ab{,2}", "xabbbbc", 1, 4},  // {,m} is {0,m} (AWS documents it)
      {"ab{,2}", "xac", 1, 2},
      {"ab{0}c", "ac", 0, 2},
      {"ab{0}c", "abc", -1, -1},
      {"ab{0,0}c", "ac", 0, 2},
      {"a{3}", "aa", -1, -1},
      {"a{3}", "aaaa", 0, 3},
      {"a{2,3}b", "aaaab", 1, 5},
      {"a*?b", "aab", 0, 3},
      {"a*", "bbb", 0, 0},
      {"x*", "", 0, 0},
      {"a.*b", "a1b2b3", 0, 5},
      {"a.*?b", "a1b2b3", 0, 3},
      {"a.*b", "a1\nb", -1, -1},
      {"\\d{3}-\\d{4}", "call 555-1234 now", 5, 13},
      {"a{1,1000}", "baaab", 1, 4},
  };
  for (const auto& c : cases) check_match(c);
  CHECK_FALSE(must_compile("a{1000}").search(std::string(999, 'a')));
  CHECK(must_compile("a{1000}").search(std::string(1000, 'a')));
  // Lazy and greedy forms agree on whether there is a match.
  const char* texts[] = {"", "a", "ab", "aab", "ba", "abab"};
  const char* pairs[][2] = {{"a*b", "a*?b"}, {"a+b", "a+?b"}, {"a?b", "a??b"}, {"a{1,2}b", "a{1,2}?b"}};
  for (auto& p : pairs) {
    Regex greedy = must_compile(p[0]);
    Regex lazy = must_compile(p[1]);
    for (const char* t : texts) CHECK(greedy.search(t) == lazy.search(t));
  }
}

TEST_CASE("regex: alternation and anchors", "[regex]") {
  const MatchCase cases[] = {
      {"ab|cd", "xcd", 1, 3},
      {"ab|cd", "xad", -1, -1},
      {"a|ab", "ab", 0, 1},  // leftmost-first: the first branch wins
      {"ab|a", "ab", 0, 2},
      {"b|ab", "ab", 0, 2},  // leftmost start wins over branch order
      {"a|", "zz", 0, 0},    // an empty branch matches everywhere
      {"|a", "a", 0, 0},
      {"a||b", "b", 0, 0},
      {"^a", "ab", 0, 1},
      {"^a", "ba", -1, -1},
      {"^a", "\na", -1, -1},  // ^ is the start of the text only
      {"a$", "ba", 1, 2},
      {"a$", "ab", -1, -1},
      {"a$", "a\n", 0, 1},     // $ also matches before a final newline
      {"a$", "a\n\n", -1, -1},  // but only the final one
      {"a$", "a\nb", -1, -1},
      {"a$", "a\r\n", 0, 1},  // and before a final \r\n, \r, U+0085, U+2028 (Java)
      {"a$", "a\r", 0, 1},
      {"a$", "a\302\205", 0, 1},
      {"a$", "a\342\200\251", 0, 1},
      {"a$\\n", "a\n", 0, 2},
      {"a$\\r\\n", "a\r\n", 0, 3},
      {"a$\\r", "a\r\n", 0, 2},     // $ holds before the final \r\n, so \r can follow it
      {"a\\r$\\n", "a\r\n", -1, -1},  // but not between \r and \n
      {"$", "", 0, 0},
      {"$", "abc", 3, 3},
      {"$", "abc\n", 3, 3},
      {"^$", "", 0, 0},
      {"^$", "\n", 0, 0},
      {"^$", "a", -1, -1},
      {"$^", "", 0, 0},
      {"a^b", "ab", -1, -1},
      {"a$b", "ab", -1, -1},
      {"^^a$$", "a", 0, 1},
      {"^*a", "ba", 1, 2},  // a quantified anchor is allowed, as in Java
      {"^+a", "ba", -1, -1},
      {"^?a", "ba", 1, 2},
      {"a${2}", "a", 0, 1},
      {"x|^a", "ba", -1, -1},
      {"x|a$|^b", "ba", 0, 1},
      {"^a|b$|c", "xcb", 1, 2},
      {"^.*$", "abc\n", 0, 3},
      {"^.*$", "ab\nc", -1, -1},
  };
  for (const auto& c : cases) check_match(c);
}

TEST_CASE("regex: Java-verified cases", "[regex]") {
  // Generated by running random regexes and texts through java.util.regex
  // (OpenJDK 17, Matcher.find, offsets converted to UTF-8 bytes).
  const MatchCase cases[] = {
    {"[^\\n].", "e\011", 0, 2},
    {"\\v\\w\\e\\S[^a]", "c\303\251e\012\342\202\254\015\303\251 ", -1, -1},
    {"|[a-]", "", 0, 0},
    {"$a\\t}[]a]+\077", "\342\200\250 a\303\251c_", -1, -1},
    {"\\x61*\\xE9\077\\x61*\077", "be", 0, 0},
    {"\\D\\xE9\\xe9|", "\342\202\254\302\205\015", 0, 0},
    {"[a-][\\w]", "ea_\011", 1, 3},
    {"|\\e[a-c]\\e[^]b]", "\342\202\254\342\200\250c 1a\012", 0, 0},
    {"\\d\\x61\\.\\xe9*\077", "", -1, -1},
    {"|[ab][^\\n][\\x61-\\x63]\\t\\t", "", 0, 0},
    {"\\S\077\077", "ca  _\342\202\254\012", 0, 0},
    {"[^]b][\\d-z]\\x61\077\077\\x{62}", " 1", -1, -1},
    {"\\.\\xE9\\xE9|", " ea\015\342\200\250\342\202\254", 0, 0},
    {"\\D}\077", "\015\011a\012b_e\302\205", 0, 1},
    {"\\ta\\n|", "", 0, 0},
    {"\\d*\077[ab]", "\342\200\250a", 3, 4},
    {"\\s$ ", "\303\251aa\015e \303\251", -1, -1},
    {"${0,2}.", "\342\202\254\342\200\250b\342\202\254\015", 0, 3},
    {"\\W[ab]\\v[ab]", "\011", -1, -1},
    {"\\0141\\S\\D$[\\d-z]", "\011a\342\200\250\012\302\205_a\011", -1, -1},
    {"\\e[a-]\\v", "\011", -1, -1},
    {"\\W[^a][\\w]", "\303\251\302\205 b \303\251e\015", 2, 6},
    {"[a-]^\\x61\\${2}", "\303\251 _ a", -1, -1},
    {"[^]b]\\n", "  \015a_\012", 4, 6},
    {".\077\077[a-]", "\302\205\302\205 \342\200\250ea_1", 8, 10},
    {"[a-c]", "1e ", -1, -1},
    {".[ab]*|", " b_ e\011\342\200\250c", 0, 2},
    {".$\\e\\.", "e \303\251", -1, -1},
    {"\\V+\077", " ", 0, 1},
    {"[a-c]+\077", "e\303\251a\012", 3, 4},
    {"[^]b]\077\077", "\015\303\251bbc_\015", 0, 0},
    {"[^]b]\\v\077\077", "\342\202\254_ ", 0, 3},
    {"[\\d-z]\\x{62}\\W[\\d-z]", "", -1, -1},
    {"^[a-c]\\W\\d[ab]\\W", "aa\342\202\254a ", -1, -1},
    {"\\^{2,}\\V", "\012\015\015", -1, -1},
    {"[\\w]+", "\011_", 1, 2},
    {"[ab]\\t|", "cce1\342\202\2541", 0, 0},
    {"\\x61{2}\\$", "1", -1, -1},
    {"\\D{2}", " e1", 0, 2},
    {"\\$\\xE9|", "_\011_c", 0, 0},
    {"\\V\\v\\w*[^]b]\\W", "\342\202\254ae\302\205\302\205 \302\205", 4, 10},
    {"[a-]\\W\\xe9", "", -1, -1},
    {"\\x{62}*\077\\W\\r\\^", "e", -1, -1},
    {"\\$[a-]+\077\\xE9\\D{1,2}\077", "e\342\200\250\015a\015\012", -1, -1},
    {"\\v*\077\\x61\077", "_\011 \342\200\250", 0, 0},
    {"\\W{2,}", "\342\202\2541a1\303\251\011_ ", 6, 9},
    {"${0,2}${1,3}\077", "eee\012 ", 5, 5},
    {"\\S\\W[a-]{0,2}", "\012a\342\200\250ee\015", 1, 5},
    {"[a-c]\\W", "c\0151 \015\342\200\250", 0, 2},
    {"\\0141[a-]\\|\\e[^]b]", "\015\302\205\015\302\205", -1, -1},
    {"\\S[^\\n][\\d-z]\077\077|", " ee\342\200\250", 0, 0},
    {"a}|a{0,2}", "ecb11", 0, 0},
    {"\\n.\\v|", "_a", 0, 0},
    {"\\x{62}\\s[^]b]a\\d]", "\015b", -1, -1},
    {".\\n\077\\e", "\342\200\250\015a1a\012b", -1, -1},
    {"[^\\n]\\.\\s\\n", "c\342\200\250\342\202\254", -1, -1},
    {"\\x{62}*", " ", 0, 0},
    {"\\xe9*[\\x61-\\x63]", "\011c\342\200\250ae", 1, 2},
    {"\\S{2}|", "\015\012\012 c", 0, 0},
    {"[\\x61-\\x63]*", "", 0, 0},
    {"\\W\\S\\n*\077", "\342\202\254_a\342\202\254\342\202\254bb1", 0, 4},
    {"[\\d-z]*", "\302\205\012 ", 0, 0},
    {"|\\x{62}[a-]\\$\077\\-", "\303\2511\303\251_\342\202\2541\342\200\2501", 0, 0},
    {"$|\\0141", "\302\205", 0, 0},
    {"\\n\077\077", "b\012\015", 0, 0},
    {"[\\x61-\\x63]\077a+\\s", "a\015\012b\342\202\254ce", 0, 2},
    {"[^a]\\x61\\xE9|", "\011b\303\251 \012", 0, 0},
    {"[\\w][\\d-z]", "", -1, -1},
    {"[^a][]a]\\d", "c\015__\302\205\342\200\250\303\251", -1, -1},
    {"[^]b]\\v", "be\342\200\250\015\015\015  ", 1, 5},
    {"b\\cJ", "\303\251  \0111", -1, -1},
    {"\\S\\n}\\xE9\077", "a\342\202\254\302\205b\011", -1, -1},
    {"\\d\077\077.", "\015a\303\251a\342\202\254", 1, 2},
    {"[^\\n]+\077\\V\077\077", "e\302\205b\342\202\254ee\011b", 0, 1},
    {"\\^\\S", "ac", -1, -1},
    {"[\\x61-\\x63]", "1\303\251\303\251e\342\200\250a11", 9, 10},
    {"[^a]", " b\302\2051a \303\251", 0, 1},
    {"\\0141\077\077.*\077", "e\302\205\011_\302\205bbe", 0, 0},
    {"[^a]\\d\\^[ab]", "\342\200\250a\011b\011e", -1, -1},
    {"^[a-c]", "\012 a\015\011\303\251\011", -1, -1},
    {"\\V\\w", "bc\012", 0, 2},
    {"|[a-c]\\e[\\w]$", "\012\011\302\205e\302\205", 0, 0},
    {"\\0141\\V", "", -1, -1},
    {"\\n]\\W{0,2}[]a]", "_", -1, -1},
    {"\\$*\077\\v", "e \011c\342\200\250\011", 4, 7},
    {"\\|{0,2}", "ba\303\251c\011\012", 0, 0},
    {"\\-[\\d-z]|.", "_b", 0, 1},
    {"[^\\n]\\t+\\e[a-]{2,}", "\302\205", -1, -1},
    {"[a-c]{1,2}\077[\\x61-\\x63]", "ce1 ", -1, -1},
    {"\\x{62}\077.\\cJ", "", -1, -1},
    {"b\\^\\D\\V$|", "\012", 0, 0},
    {"[a-c]+\\S+\077[ab]", "cb", -1, -1},
    {"[\\d-z][a-c]", "", -1, -1},
    {"[^a]\\0141\\s*", "e", -1, -1},
    {"c[^\\n]*\077[^a]{1,3}", "cb_\303\251\342\202\254e", 0, 5},
    {"c\\$|\\w\\D{2}", "\302\20511 \342\200\250b\011\015", 3, 8},
    {"[\\w]\\v", "1\012", 0, 2},
    {"\\s\\r\\x{62}\\s", "\342\200\250", -1, -1},
    {"[^\\n]\\S", "\302\2051beb1__", 0, 3},
    {"\\.*\077", "_\342\200\250\302\205a 1e", 0, 0},
    {"|[\\w][\\w]\\S$\\D", "_", 0, 0},
    {"\\D\\D", "\302\205\015\302\205", 0, 3},
    {"\\^$\\t|[a-c]*", "", 0, 0},
    {"^[^]b]", "\302\205\342\202\254e", 0, 2},
    {"\\$\\w\\xe9[]a]\\r", "\011b\015\342\202\254\342\200\250 ", -1, -1},
    {"\\S\\|[\\d-z]", "b\011\342\202\2541\011\011b", -1, -1},
    {"\\cJ[^\\n]{1,3}.", " \303\251_\012 \342\202\254\012", 4, 9},
    {"a\\S{2}", "\303\251ea\342\202\254_1", 3, 8},
    {"[\\x61-\\x63]\077\077", "_ 1\303\251\015b", 0, 0},
    {"[]a][a-]{2}|", "cb\015c\342\200\250", 0, 0},
    {"\\e[^\\n][^\\n]+\077", "a\303\251\303\251b", -1, -1},
    {"^^[^\\n]", "\342\202\254b\011c\303\251cb", 0, 3},
    {"]\\s\\$.+", "\342\200\250a\012cc1\012", -1, -1},
    {"\\x{62}|", " a \015c ca", 0, 0},
    {"[^\\n]{0,2}", "\015\342\200\250bb\011", 0, 4},
    {"[^\\n]|", "\303\251\302\205ab\012\342\202\254 ", 0, 2},
    {"[\\d-z]|^\\n\\^[^\\n]", "1\0111", 0, 1},
    {"[\\w]\\t\077\077[^]b]b\\W", "\342\200\250\015\011ea e", -1, -1},
    {"\\V[^a]", "b\011\015\015", 0, 2},
    {"\\e\077\077\\e*", "\302\205 ab_", 0, 0},
    {"[^]b][^\\n]", "\303\251\342\202\254 1_", 0, 5},
    {"\\cJ\\t{2,}\\e", "1\303\251", -1, -1},
    {"^\\D\077\077", "\342\200\2501\342\200\250\342\200\250", 0, 0},
    {"[\\x61-\\x63][^\\n]\077\077", "\011\012\302\205_b\303\2511_", 5, 6},
    {"\\e\\t[a-][^a]\\r\\x61", "ea_e", -1, -1},
    {"[^]b]{2,}\\n", "b1\302\205\012\342\202\2541", 1, 5},
    {"]{2}c*", "c\303\251\342\200\250\303\251_", -1, -1},
    {"|\\s*\077", "_\303\251\015ce\015\012e", 0, 0},
    {"[\\w]{2,}", "\342\200\250 b1\011 \302\205b", 4, 6},
    {"[^\\n]\\d", "c_\015c", -1, -1},
    {"|\\0141[a-c]", "\342\202\254b eeb ", 0, 0},
    {"\\$\\xE9\\^\\W|", "1", 0, 0},
    {"$+\077\\D", "1c", -1, -1},
    {"\\V\\W", "\302\205\011\015b\015\303\251c", 2, 4},
    {"a[^]b]", "\011\342\200\250e\342\200\250a ", 8, 10},
    {"\\n\077[a-]\077\077}\\e", "_\011\342\200\250ab", -1, -1},
    {".\\-\\x61[a-c]\\$", "\303\2511a", -1, -1},
    {"\\|\\-[^]b]\\w|.", "a\302\205ab\011\302\205", 0, 1},
    {"\\t{0,2}\\D", "b\015\342\202\254\011\342\200\250", 0, 1},
    {"[]a]a|", "\302\205\012\012\302\205\303\251 ", 0, 0},
    {"[ab]\077\077", "\011", 0, 0},
    {"\\d[^\\n]", "e\012\012\0121_\015_", 4, 6},
    {"\\D[^\\n]", "ec\342\202\254\012c\302\205\342\200\250", 0, 2},
    {"\\.|\\s*\077", "\015\342\202\254 ", 0, 0},
    {"[a-c]*\077", "\011", 0, 0},
    {"\\$+\077\\$[a-]{0,2}[ab]", "\011\011\302\205aacb", -1, -1},
    {"[a-]{0,2}\\D", " \012\303\251\303\251a\012a", 0, 1},
    {"$}{0,2}\\v", "ab\011\015", 3, 4},
    {"|\\r}\\xe9", "c\342\200\250a\342\202\254\012_\303\251\011", 0, 0},
    {"b[a-]\\s\\xE9\\V", "", -1, -1},
    {"|\\xE9\\|{1,2}\077", "c", 0, 0},
    {"[^a][a-c]", "\303\251ae\342\202\254", 0, 3},
    {"[^a]{2,}", "\012ba_\011b\303\2511", 0, 2},
    {"[\\x61-\\x63]\\n\077", "c\302\205\015 \302\205\303\251b", 0, 1},
    {"\\cJ*^", "\011\011c\011", 0, 0},
    {"]|[a-c]", "c\302\205\303\251a_1\342\200\250", 0, 1},
    {"|\\^\\r", "c ", 0, 0},
    {"[\\d-z]\077\077\\D", "\302\205\011", 0, 2},
    {"[a-c]\077\077", "\342\200\250\342\200\250\342\200\250  \0151", 0, 0},
    {"[^]b]]\077\\S*\077", "_\303\251\012\015\342\200\250bcb", 0, 1},
    {"[ab]{1,2}\077\\^", "\342\202\254\011 c", -1, -1},
    {"c{1,3}\\w^{2,}\\|", "1a\342\202\254\015a", -1, -1},
    {"\\cJ*\077", "\011a", 0, 0},
    {"[]a]*.{0,2}", "e\342\202\254\302\205_1_", 0, 4},
    {"[\\x61-\\x63]\077\077[^]b]", "a\303\251 e\302\205b", 0, 1},
    {"\\W\\x61\\$\\Sb", "\342\202\254", -1, -1},
    {"|[\\d-z]", "\342\200\250\302\205 11 \302\205", 0, 0},
    {"\\x61*\077[a-c][a-]{1,2}\077", "\302\205 \011eaa\342\202\254", 5, 7},
    {"[ab]{1,3}", " \342\200\250bc\342\200\250\303\251", 4, 5},
    {"]\077[a-]\077$\077", "", 0, 0},
    {"^\\r\\^{0,2}\\$", "1c__\011\015\015\012", -1, -1},
    {"[^\\n]\\w", "aee\011", 0, 2},
    {"\\e\\0141{1,2}\077", "\303\2511", -1, -1},
    {"\\v+\077", " \302\205", 1, 3},
    {"[^\\n].[\\w]\\s", "c_ \342\200\25011\0151", 3, 9},
    {"|[]a]\\W\\|[a-]", "\303\251  b\302\205ae", 0, 0},
    {"\\V*\077", "\015b  _", 0, 0},
    {"\\xE9", "\302\205e_a\011\015", -1, -1},
    {"\\v{1,2}\077", "", -1, -1},
    {"|[]a][^a]\\0141", "\015b\012e", 0, 0},
    {"\\W{1,3}[\\d-z]{0,2}\\^", "\012", -1, -1},
    {"\\Dc\\cJ", "\015 \015\342\200\2501", -1, -1},
    {"\\S [ab]", "1\0121c\011", -1, -1},
    {"|[]a][\\x61-\\x63]\\-$\\v", "e\012\303\251 c1_\303\251", 0, 0},
    {"|$[^a]\\.\\D", "", 0, 0},
    {"\\d\\x{62}*\077", "\015\0111a", 2, 3},
    {"\\-\\.\\.", "1\302\2051\302\205\012 ", -1, -1},
    {"[a-c]*\077\\V", "\303\251 \342\202\254b\342\202\254\303\251a1", 0, 2},
    {"[^]b]\077", "\303\251b", 0, 2},
    {"\\0141\\n{0,2}[\\x61-\\x63]", "\302\205\342\202\254\342\200\250", -1, -1},
    {"\\v{0,2}", "\342\202\254\303\251", 0, 0},
    {"|\\x6b", "\342\202\254\011\015_c", 0, 0},
    {"[^]b][\\x61-\\x63]}*[^]b]", "\342\200\250c\302\205\303\251\303\251 1", 0, 6},
    {"\\^[a-]+", "", -1, -1},
    {"\\W]|", " ", 0, 0},
    {"\\t[^]b]", "", -1, -1},
    {"\\W{1,2}\077", "\011\015\302\205\011\011\302\205\011_", 0, 1},
    {"\\D[^]b]{1,2}\077\\r*", "\015\303\251\342\200\250", 0, 3},
    {"\\s|[^\\n]\\t", "\302\2051\342\200\250\011\303\251\011\342\202\254\342\200\250", 3, 7},
    {"\\W\\W\077\\W", "\011b\303\251\302\205a\015\342\202\254", 2, 6},
    {"$\077\\0141", "\302\205b\012_\011\342\200\250", -1, -1},
    {"[]a]\\s|", "\342\200\250\011 \011", 0, 0},
    {"[\\w]\\V", "b  11\342\200\250", 0, 2},
    {"[^]b]\\x61c", "\302\205\303\251\015", -1, -1},
    {"\\s\\r\\t|", "e\015be \302\205\303\251", 0, 0},
    {"\\x{62}\077\077[\\d-z][a-c][^a]{1,3}", "1a\011", 0, 3},
    {"[\\w]\\x61*\\s*", "\01111\302\205\012b", 1, 2},
    {"\\V\\S", "\303\251\302\205\342\200\250\303\251\302\205\342\200\250", 0, 4},
    {"\\s\\D", "abc\012\342\202\254\302\205", 3, 7},
    {"[]a]\077\\w", "acc\302\2051a1\303\251", 0, 2},
    {"\\x{62}\\$", "\342\200\250\303\251a\342\200\250_\342\202\254", -1, -1},
    {"|\\s{2}\\w\\-\\v", "\303\2511\302\205\012a\015a_", 0, 0},
    {"\\^\\n\\e|", " \011be\012", 0, 0},
    {"\\r\077\\cJ[]a]{2}\\-", "\302\205\303\251\012b\015", -1, -1},
    {"\\S{2}\\n", " \342\202\254\342\200\250\012", 1, 8},
    {"[]a]", " \302\205\303\251\015c\303\251", -1, -1},
    {"\\v\\D", "\011ae_b\342\200\250\302\2051", 5, 10},
    {"\\v[^\\n][^]b]\077", "e\303\251\302\205\342\200\250\011 ", 3, 9},
    {"\\.\\x61", "b\011", -1, -1},
    {"$\077\077[\\x61-\\x63][^a]\\V|", "_\342\202\254\015\012b", 0, 0},
    {"$\077\077\\xe9", "\302\205\011 ", -1, -1},
    {"a{0,2}", "\342\202\254\302\205e_1\342\202\254", 0, 0},
    {"[^a]\\^\\0141\\$\\xE9", "_bab", -1, -1},
    {"[\\d-z]\\V\\t", "b \302\205", -1, -1},
    {"\\w\\xE9", "\303\251\342\202\254\342\200\250\011\303\251_\303\251", 11, 14},
    {"|\\D\\D\\x{62}\\|", "b1ab\302\205", 0, 0},
    {"[a-]", "", -1, -1},
    {"\\n[^]b][\\w]", "a\302\205_\342\202\254", -1, -1},
    {"\\D\\S\\0141", "c\012_e\342\200\250", -1, -1},
    {"^{1,3}", "c\302\2051\342\202\254", 0, 0},
    {"a\\n\077\077c[a-c]|", "\342\200\250\342\202\254e\342\200\250", 0, 0},
    {"[a-c]\\.c\\n\\s", "_1_", -1, -1},
    {"[^]b]", "", -1, -1},
    {"\\v\\0141|", "1", 0, 0},
    {"\\s+\\x61\\^}|", "ae1\302\20511", 0, 0},
    {"|}\\cJ", "c\303\251ea", 0, 0},
    {"|^[\\x61-\\x63]{1,3}\\w", "\302\205\342\200\250_\011", 0, 0},
    {"\\$[^a]\\|.+", "\015\302\205c\302\205", -1, -1},
    {"\\s|\\e+\077\\s\\^", " \012a cbb\015", 0, 1},
    {"|\\W[ab]", "\302\205\303\251", 0, 0},
    {"\\e[]a]\\x61\\cJ{2}", "\012ea", -1, -1},
    {"\\.\\cJ}]", "\303\251 \342\200\250\302\205c", -1, -1},
    {"|\\d\\D\\x61\\x{62}", "a\302\205 e\012", 0, 0},
    {"[a-][^a]", "e_ a\342\202\254c ", 3, 7},
    {"\\s\\r", "\012\015\342\200\250\342\202\254_\012", 0, 2},
    {"\\v\\n\\$[a-c]\077|", "", 0, 0},
    {"$\\e*", "a", 1, 1},
    {"[\\w][\\w]\\S{1,2}\077", "cb_\342\202\254\302\2051 _", 0, 3},
    {"|\\W\\v\\0141", "", 0, 0},
    {"\\n\\$|", "b\303\251\011c\342\202\254e \011", 0, 0},
    {"\\t*\077", " \302\205", 0, 0},
    {"|.*[\\w]\\t", "e_e\302\205\011", 0, 0},
    {"a\\cJ\\x61\\xE9{2,}", "e", -1, -1},
    {"[^a]\\D\\d*\077", "c\303\251\342\202\254a\302\205 e\015", 0, 3},
    {"[\\x61-\\x63]\\xE9\\x61\\s{2}", "\303\251e_\302\205", -1, -1},
    {"\\-\\r\\|", "", -1, -1},
    {"^{1,2}\077", "b\011\011eac\012", 0, 0},
    {"\\v[\\w]", "\342\200\250e\302\205", 0, 4},
    {"[\\d-z]", "eb \303\251b \0151", 8, 9},
    {" \\V\\W", "_a\342\200\250\342\202\254b_\015_", -1, -1},
    {"]].+\077|", "_\303\251\303\251b\015ae", 0, 0},
    {"[ab]{1,3}c\\W\\d", "a\302\205", -1, -1},
    {"\\0141\077[]a]", "\342\200\250a \012", 3, 4},
    {"\\${1,2}\077\\s|a", "ba\011_", 1, 2},
    {"|[]a]^{2,}", "e\302\205\302\205_1\012", 0, 0},
    {"|[a-]\\^[\\x61-\\x63]{1,3}|", " \011", 0, 0},
    {"\\v[a-] ^\\x{62}+\077", "", -1, -1},
    {"[a-c]\\V", "\011a_\302\205\012", 1, 3},
    {"^{2,}", "\015_a_\015\015\012", 0, 0},
    {"\\w\\x61\\v\\n\\xe9|", "1\302\205_a\342\202\2541", 0, 0},
    {"[]a]\\xE9\\^\\v", "\012beb\015\342\200\250c\011", -1, -1},
    {"}+\077\\n\\S", "  \303\251\303\251be", -1, -1},
    {"[^\\n]{2}|[^a]|", "\015ce\303\251\342\200\250c", 0, 2},
    {"\\w{0,2}", "_\0121", 0, 1},
    {"[a-c]\077", "_\342\202\254\011b\015\011", 0, 0},
    {"\\0141\\-\\D[]a]\\0141+", "a\302\205a", -1, -1},
    {"$\\D\077", "ae\342\200\250abee\302\205", 9, 11},
    {"\\s\077\077", "c\342\202\254b\342\200\250e\342\202\254\012", 0, 0},
    {"\\S\\s", "", -1, -1},
    {"$\\x61|.", "c ", 0, 1},
    {"\\w\\e", "", -1, -1},
    {"|]^{2,}", "b\303\251\303\251\011b \012", 0, 0},
    {"\\xe9*\077[^\\n]+", "\011\303\2511\302\205a", 0, 7},
    {"b\\x{62}\\v\\xe9\\d[\\x61-\\x63]", "_\015b\342\200\250\342\202\254\342\202\254\012", -1, -1},
    {"\\t+\077\\e", "", -1, -1},
    {"\\|+\077a", "c \342\200\250 \012ce_", -1, -1},
    {"\\tb\\0141", "", -1, -1},
    {"[^]b]\\D", "_b\342\200\250 e\015", 0, 2},
    {"[^a][^]b]\077[\\x61-\\x63]*\077[\\d-z]", "ec\012\302\2051", 2, 6},
    {"\\r|\\|*", "\303\251b\012", 0, 0},
    {"${1,3}", "a \302\205_1\302\205\342\202\254", 11, 11},
    {"\\d\\r\\s", "e\342\200\250\012 \015e", -1, -1},
    {"^{0,2}$", "\342\200\2501 \015\342\202\254a\342\202\254\015", 13, 13},
    {"\\xe9\\0141\\|\\-\\w", "\0111_", -1, -1},
    {"\\D[^]b]\077\077\\V", "\011\015\303\251\015\302\205\302\205\302\205b", 0, 4},
    {"\\xe9*\077\\V", " \303\251b_\342\200\250\342\202\254", 0, 1},
    {"\\$\\W]\\x61*\077|", "", 0, 0},
    {"[]a]\077\077", "a\011", 0, 0},
    {"[^]b]\\r", " a\012\015\0111a_", 2, 4},
    {"[^\\n]\\d{0,2}", "\011\342\200\2501\342\202\254", 0, 1},
    {"\\xe9\077\077", "_\011ca\302\205", 0, 0},
    {"[\\x61-\\x63]\077\077\\-[\\d-z]|.", "e\011\342\202\254\302\205e\342\200\250b", 0, 1},
    {"\\r\\cJ", "", -1, -1},
    {"\\x61\\S{1,2}\077", "c\302\205\342\200\250  a\303\251b", 8, 11},
    {"[\\w]{1,3}", "\012 \302\205\015\011\012", -1, -1},
    {"b[a-c]\\-\\v{1,3}", "", -1, -1},
    {"\\0141$\\$[ab]{2,}c", "\015c\342\202\254\012", -1, -1},
    {"\\W[^]b]", "\342\202\254\342\202\254\342\200\250_ea ", 0, 6},
    {"\\cJ[a-]", "", -1, -1},
    {"\\V{2}", "c c", 0, 2},
    {"[ab][\\d-z]a", "a1a\303\251b\015 \342\200\250", 0, 3},
    {"|[^\\n][^]b]{1,2}\077.", "\011 \303\251\0121", 0, 0},
    {"[\\x61-\\x63]\\s|}\\e\\x61", "ca ", 1, 3},
    {"\\cJ\\V\\e", "\011_e", -1, -1},
    {"[]a]\\W\\S\\xE9\\W", "\302\205c\015 \012", -1, -1},
    {"|b[a-c]\\^\077}", "\012", 0, 0},
    {"[\\d-z]*\077", "", 0, 0},
    {"\\W[]a]", "\015a\015c\015e\012\303\251", 0, 2},
    {"\\0141+\077\\cJ", "b\342\200\250", -1, -1},
    {"[\\w]\\.$|", "e", 0, 0},
    {"[^\\n]", "\342\200\250b", 0, 3},
    {"\\t+|", "\015\342\202\254bb\342\200\250  ", 0, 0},
    {"[ab][\\w]", "\342\202\254", -1, -1},
    {"\\cJ\\w", "a\303\251\342\200\2501e\303\251\342\200\250\012", -1, -1},
    {"b\\xe9[\\x61-\\x63]", "\012 \012\011\303\251 1", -1, -1},
    {"\\V[^]b]", "ea\342\202\2541b ", 0, 2},
    {"[^\\n]\\xe9*\077\\S", "\342\200\250\342\200\250\342\200\250_\303\251", 0, 6},
    {"\\r{2,}\077\\^\\S*", "1a", -1, -1},
    {"\\n\077\\${1,2}\077\\xe9", "c1\342\202\254_\015\302\205e\011", -1, -1},
    {"\\x61\077\077", "\342\200\2501\012\342\202\254b", 0, 0},
    {"[\\w]|\\D", "11\011\303\251\015", 0, 1},
    {"\\x61\077\077\\.", "_c1ac_e\302\205", -1, -1},
    {"\\s\\xe9\\e$", "e\015\342\202\254\342\202\254\011\015_b", -1, -1},
    {"\\x61*\077\\s", "\015 ", 0, 1},
    {"\\W\\w", "\012e\342\200\250\302\205_\342\200\2501", 0, 2},
    {"[^]b][^a]", "\0151\012\342\202\254_", 0, 2},
    {"\\v\\n]\\r", "_\342\200\250b", -1, -1},
    {"\\e[ab][\\d-z][^a]|", "ab ", 0, 0},
    {"[ab]+[]a]]", "ba", -1, -1},
    {"\\n*\077", " aa\011\012", 0, 0},
    {"\\r\\W", "\015  \303\251", 0, 2},
    {"\\S{0,2}", "\015c\342\200\250c", 0, 0},
    {".\\D{1,2}\077", "e_", 0, 2},
    {"\\xe9\077[^\\n]", "\011ce\303\251b", 0, 1},
    {"\\xE9*", " _1 \011cb", 0, 0},
    {"[^\\n]{2}[\\w]", "b\342\200\250e \342\200\250\012c", 0, 5},
    {"|\\-\\e\\^", "_ \342\200\250\302\205_\303\251e", 0, 0},
    {"|\\V\\xE9\\s\\xe9", "_abec\342\200\250\303\2511", 0, 0},
    {"[\\x61-\\x63]\\D", "\302\205\302\2051\342\200\250\303\251ce", 10, 12},
    {"|[]a]\\.", "ba\015\015", 0, 0},
    {"\\-.\\d[a-c][\\x61-\\x63]a", "\342\202\2541\302\205a", -1, -1},
    {"\\.[]a][^\\n]", "\011b", -1, -1},
    {"[^]b].{2}", "\011\0121b_\012", 1, 4},
    {"}[\\w]\\D\\x61{1,2}\077[\\w]", "1\302\205", -1, -1},
    {"\\xe9", "\303\251\015b\342\200\250 ", 0, 2},
    {"\\x61\077", "", 0, 0},
    {"\\|*\077", "\012e\011", 0, 0},
    {"\\Va{1,3}\\D\\x61", "\012aa a\012", 1, 5},
    {"\\n*\077[\\x61-\\x63]\\S", "b\302\205bec", 0, 3},
    {"\\v*\077", "\302\205ab\303\251\012\015c1", 0, 0},
  };
  for (const auto& c : cases) check_match(c);
}

TEST_CASE("regex: invalid characters come first, with the whole UTF-8 character", "[regex]") {
  struct Case {
    const char* body;
    uint32_t offset;
    uint32_t length;
  };
  const Case cases[] = {
      {"^(ERROR|WARN)", 1, 1},
      {"caf\303\251", 3, 2},
      {"a\342\202\254", 1, 3},
      {"a\360\237\230\200b", 1, 4},
      {"a\377b", 1, 1},      // an invalid byte is reported alone
      {"a\303", 1, 1},       // a truncated sequence too
      {"a\355\240\200", 1, 1},  // an encoded surrogate is not valid UTF-8
      {"a!", 1, 1},
      {"something!", 9, 1},
      {"\\(", 1, 1},  // escaping does not help: AWS checks characters first
      {"a)", 1, 1},
      {"a'", 1, 1},
      {"a\"", 1, 1},
      {"a<b", 1, 1},
      {"a>b", 1, 1},
      {"a&b", 1, 1},
      {"a%b", 1, 1},
      {"a~b", 1, 1},
      {"a`b", 1, 1},
      {"a\tb", 1, 1},
      {"a\nb", 1, 1},
      {"[abc(", 4, 1},  // before the unclosed class is noticed
      {"a{2,1}!", 6, 1},
  };
  for (const auto& c : cases) {
    INFO("body: " << c.body);
    const RegexError e = must_fail(c.body);
    CHECK(code_name(e.code) == std::string("InvalidCharacter"));
    CHECK(e.offset == c.offset);
    CHECK(e.length == c.length);
    CHECK_FALSE(e.message.empty());
  }
  const RegexError nul = must_fail(std::string("a\0b", 3));
  CHECK(nul.code == RegexError::Code::InvalidCharacter);
  CHECK(nul.offset == 1);
  CHECK(must_fail("a(b").message.find("\\x28") != std::string::npos);
  // Every allowed character compiles when escaped or in a class.
  must_compile("azAZ09 :_#=@/;,-");
  must_compile("[\\^$?\\[\\]{}|\\\\*+.]");
}

TEST_CASE("regex: syntax, size and unsupported errors", "[regex]") {
  using C = RegexError::Code;
  struct Case {
    const char* body;
    C code;
    uint32_t offset;
    uint32_t length;
    const char* message_part;
  };
  const Case cases[] = {
      {"[abc", C::Syntax, 0, 1, "never closed"},
      {"x[^abc", C::Syntax, 1, 1, "never closed"},
      {"[]", C::Syntax, 0, 1, "never closed"},  // ] first is a literal, so the class is unclosed (Java agrees)
      {"[^]", C::Syntax, 0, 1, "never closed"},
      {"[a\\]", C::Syntax, 0, 1, "never closed"},
      {"a{", C::Syntax, 1, 1, "repetition count"},
      {"a{2", C::Syntax, 1, 2, "repetition count"},
      {"a{2,3", C::Syntax, 1, 4, "repetition count"},
      {"a{}", C::Syntax, 1, 2, "repetition count"},
      {"a{,}", C::Syntax, 1, 3, "repetition count"},
      {"a{x}", C::Syntax, 1, 2, "repetition count"},
      {"a{ 2}", C::Syntax, 1, 2, "repetition count"},
      {"a{2,1}", C::Syntax, 1, 5, "minimum above its maximum"},
      {"*a", C::Syntax, 0, 1, "nothing to repeat"},
      {"+", C::Syntax, 0, 1, "nothing to repeat"},
      {"?", C::Syntax, 0, 1, "nothing to repeat"},
      {"{2}", C::Syntax, 0, 1, "nothing to repeat"},
      {"a|*b", C::Syntax, 2, 1, "nothing to repeat"},
      {"a**", C::Syntax, 2, 1, "another quantifier"},
      {"a*?*", C::Syntax, 3, 1, "another quantifier"},
      {"a*?+", C::Syntax, 3, 1, "another quantifier"},
      {"a{2}{3}", C::Syntax, 4, 1, "another quantifier"},
      {"\\", C::Syntax, 0, 1, "lone"},
      {"ab\\", C::Syntax, 2, 1, "lone"},
      {"\\xg1", C::Syntax, 0, 3, "two hexadecimal digits"},
      {"\\x4", C::Syntax, 0, 3, "two hexadecimal digits"},
      {"\\x4z", C::Syntax, 0, 4, "two hexadecimal digits"},
      {"\\x", C::Syntax, 0, 2, "two hexadecimal digits"},
      {"\\x{}", C::Syntax, 0, 4, "\\x{"},
      {"\\x{110000}", C::Syntax, 0, 10, "\\x{"},
      {"\\x{41", C::Syntax, 0, 5, "\\x{"},
      {"[z-a]", C::Syntax, 1, 3, "reversed"},
      {"[a--]", C::Syntax, 1, 3, "reversed"},
      {"[\\x7a-\\x61]", C::Syntax, 1, 9, "reversed"},
      {"[a-\\d]", C::Syntax, 1, 4, "class escape"},
      {"\\q", C::Syntax, 0, 2, "not a known escape"},
      {"\\E", C::Syntax, 0, 2, "not a known escape"},
      {"\\k", C::Syntax, 0, 2, "not a known escape"},
      {"\\y", C::Syntax, 0, 2, "not a known escape"},
      {"[\\b]", C::Syntax, 1, 2, "inside a character class"},
      {"[\\1]", C::Syntax, 1, 2, "inside a character class"},
      {"[\\A]", C::Syntax, 1, 2, "inside a character class"},
      {"\\0", C::Syntax, 0, 2, "octal"},
      {"\\08", C::Syntax, 0, 3, "octal"},
      {"\\c", C::Syntax, 0, 2, "\\c"},
      {"a{1001}", C::TooLarge, 1, 6, "1000"},
      {"a{0,1001}", C::TooLarge, 1, 8, "1000"},
      {"a{1001,}", C::TooLarge, 1, 7, "1000"},
      {"a{99999999999999999999}", C::TooLarge, 1, 22, "1000"},
      {"a*+", C::Unsupported, 1, 2, "possessive"},
      {"a++", C::Unsupported, 1, 2, "possessive"},
      {"a?+", C::Unsupported, 1, 2, "possessive"},
      {"a{2}+", C::Unsupported, 1, 4, "possessive"},
      {"a{2,}+", C::Unsupported, 1, 5, "possessive"},
      {"\\bword", C::Unsupported, 0, 2, "\\b"},
      {"a\\B", C::Unsupported, 1, 2, "\\B"},
      {"\\Aa", C::Unsupported, 0, 2, "\\A"},
      {"a\\z", C::Unsupported, 1, 2, "\\z"},
      {"a\\Z", C::Unsupported, 1, 2, "\\Z"},
      {"\\Ga", C::Unsupported, 0, 2, "\\G"},
      {"a\\1", C::Unsupported, 1, 2, "back-reference"},
      {"\\9", C::Unsupported, 0, 2, "back-reference"},
      {"\\p{Lu}x", C::Unsupported, 0, 6, "\\p{Lu}"},
      {"\\pL", C::Unsupported, 0, 3, "\\pL"},
      {"\\P{Digit}", C::Unsupported, 0, 9, "\\P{Digit}"},
      {"x\\Qa.b\\Ey", C::Unsupported, 1, 7, "\\Q"},
      {"\\Qa.b", C::Unsupported, 0, 5, "\\Q"},
      {"\\h", C::Unsupported, 0, 2, "\\h"},
      {"\\u0041", C::Unsupported, 0, 2, "\\u"},
      {"\\R", C::Unsupported, 0, 2, "\\R"},
      {"\\X", C::Unsupported, 0, 2, "\\X"},
      {"\\N{LATIN SMALL LETTER A}", C::Unsupported, 0, 2, "\\N"},
      {"\\x{100}", C::Unsupported, 0, 7, "\\x{100}"},
      {"[a[b]]", C::Unsupported, 2, 1, "nested"},
      {"[a-[b]]", C::Unsupported, 3, 1, "nested"},
      {"[\\p{L}]", C::Unsupported, 1, 5, "\\p{L}"},
  };
  for (const auto& c : cases) {
    INFO("body: " << c.body);
    const RegexError e = must_fail(c.body);
    INFO("message: " << e.message);
    CHECK(code_name(e.code) == std::string(code_name(c.code)));
    CHECK(e.offset == c.offset);
    CHECK(e.length == c.length);
    CHECK(e.message.find(c.message_part) != std::string::npos);
  }
  must_compile("a??");  // lazy ?, not an error
  must_compile("a{1000}");
  must_compile("a{0,1000}?");
}

TEST_CASE("regex: program size limit", "[regex]") {
  // 19 copies of a{1000} fit; the 20th crosses 20,000 instructions (with overhead).
  std::string body;
  for (int i = 0; i < 19; ++i) body += "a{1000}";
  must_compile(body);
  body.clear();
  for (int i = 0; i < 21; ++i) body += "b{1000}";
  const RegexError e = must_fail(body);
  CHECK(e.code == RegexError::Code::TooLarge);
  CHECK(e.offset == 19 * 7);  // the item that crosses the limit
  CHECK(e.length == 7);
  CHECK(e.message.find("too large") != std::string::npos);
  // {m,n} costs about two steps per optional copy.
  std::string wide;
  for (int i = 0; i < 11; ++i) wide += "[ab]{0,1000}";
  CHECK(must_fail(wide).code == RegexError::Code::TooLarge);
}

TEST_CASE("regex: body() and copies", "[regex]") {
  Regex re = must_compile("a[0-9]+");
  CHECK(re.body() == "a[0-9]+");
  Regex copy = re;
  CHECK(copy.search("xa12"));
  CHECK(re.search("xa12"));
  Regex moved = std::move(copy);
  CHECK(moved.find("xa12") == std::optional<Span>(Span{1, 3}));
  CHECK_FALSE(moved.search("a"));
}

TEST_CASE("regex: pathological inputs stay linear", "[regex][slow]") {
  const std::string as(1 << 20, 'a');
  const std::string as_b = as + "b";
  {
    Regex re = must_compile("a{1,1000}a{1,1000}b");
    CHECK_FALSE(re.search(as));
    CHECK_FALSE(re.find(as).has_value());
    CHECK(re.search(as_b));
    // Leftmost start: 2,000 a's before the b.
    CHECK(re.find(as_b) == std::optional<Span>(Span{static_cast<uint32_t>(as.size() - 2000), 2001}));
  }
  {
    Regex re = must_compile("a*a*a*a*a*b");
    CHECK_FALSE(re.search(as));
    CHECK_FALSE(re.find(as).has_value());
    CHECK(re.search(as_b));
    CHECK(re.find(as_b) == std::optional<Span>(Span{0, static_cast<uint32_t>(as_b.size())}));
  }
  {
    Regex re = must_compile("x{1000}");
    CHECK_FALSE(re.search(as));
    Regex a1000 = must_compile("a{1000}");
    CHECK(a1000.search(as));
    CHECK(a1000.find(as) == std::optional<Span>(Span{0, 1000}));
  }
  {
    Regex re = must_compile(".{1,1000}.{1,1000}$");
    CHECK(re.find(as) == std::optional<Span>(Span{static_cast<uint32_t>(as.size() - 2000), 2000}));
  }
  {
    Regex re = must_compile("^REPORT\\s.+\\sStatus: timeout");
    CHECK_FALSE(re.search(as));
  }
  {
    // 2 MB of text, multi-byte characters and a match at the very end.
    std::string mixed;
    while (mixed.size() < (2u << 20)) mixed += "ab\303\251 ";
    Regex re = must_compile("\\xe9 [ab]{1,3}z$");
    CHECK_FALSE(re.search(mixed));
    mixed += "abz";
    CHECK(re.search(mixed));
    CHECK(re.find(mixed) == std::optional<Span>(Span{static_cast<uint32_t>(mixed.size() - 6), 6}));
  }
}

TEST_CASE("regex: the DFA cache is cleared and rebuilt when full", "[regex][slow]") {
  // Searching a[ab]{14}c over a's and b's visits up to 2^15 DFA states (one
  // per pattern of a's among the last 15 characters): more than the cache
  // holds, so it is cleared and rebuilt several times during one search.
  std::mt19937 rng(12345);
  std::string text;
  for (int i = 0; i < 150000; ++i) text += (rng() % 2 == 0) ? 'a' : 'b';
  Regex re = must_compile("a[ab]{14}c");
  CHECK_FALSE(re.search(text));
  CHECK_FALSE(re.find(text).has_value());
  std::string hit = text;
  hit[hit.size() - 15] = 'a';
  hit += "c";
  CHECK(re.search(hit));
  CHECK(re.find(hit) == std::optional<Span>(Span{static_cast<uint32_t>(hit.size() - 16), 16}));
  std::string miss = text;
  miss[miss.size() - 15] = 'b';
  miss += "c";
  CHECK_FALSE(re.search(miss));
  CHECK_FALSE(re.find(miss).has_value());
  // Short searches after the clears still agree with the obvious answer.
  for (int k = 0; k < 20; ++k) {
    std::string t(15, 'b');
    t[0] = 'a';
    t += (k % 2 == 0) ? "c" : "b";
    CHECK(re.search(t) == (k % 2 == 0));
  }
}

// ---- Differential testing against a reference backtracker ----

namespace {

// A regex built at random, kept both as structure (for the backtracker) and as
// text (for cwlf).
struct RefItem {
  enum Kind { Set, Begin, End } kind = Set;
  std::vector<uint32_t> chars;  // code points listed by the atom
  bool negated = false;
  bool dot = false;
  int min = 1, max = 1;  // max -1: unbounded
  bool lazy = false;
};
using RefBranch = std::vector<RefItem>;

bool ref_accepts(const RefItem& it, uint32_t cp) {
  if (it.dot) return cp != '\n' && cp != '\r';
  bool in = false;
  for (uint32_t c : it.chars) in = in || c == cp;
  return in != it.negated;
}

struct RefText {
  std::vector<uint32_t> cps;
  std::vector<uint32_t> offsets;  // byte offset of each code point, plus the end
};

RefText decode(const std::string& s) {
  RefText t;
  size_t i = 0;
  while (i < s.size()) {
    t.offsets.push_back(static_cast<uint32_t>(i));
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      t.cps.push_back(b);
      i += 1;
    } else if ((b & 0xE0) == 0xC0) {
      t.cps.push_back(((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu));
      i += 2;
    } else {
      t.cps.push_back(((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                      (static_cast<unsigned char>(s[i + 2]) & 0x3Fu));
      i += 3;
    }
  }
  t.offsets.push_back(static_cast<uint32_t>(s.size()));
  return t;
}

class Backtracker {
 public:
  Backtracker(const std::vector<RefBranch>& branches, const RefText& text) : b_(branches), t_(text) {
    const size_t n = t_.cps.size();
    terminator_ = -1;
    if (n > 0 && t_.cps[n - 1] == '\n') terminator_ = (n >= 2 && t_.cps[n - 2] == '\r') ? int(n) - 2 : int(n) - 1;
    else if (n > 0 && t_.cps[n - 1] == '\r') terminator_ = int(n) - 1;
  }

  // Java's find(): the first start that matches, the first branch that matches there.
  std::optional<std::pair<int, int>> find() {
    for (int s = 0; s <= int(t_.cps.size()); ++s) {
      for (const RefBranch& br : b_) {
        const int e = seq(br, 0, s);
        if (e >= 0) return std::make_pair(s, e);
      }
    }
    return std::nullopt;
  }

 private:
  int seq(const RefBranch& br, size_t i, int pos) {
    if (i == br.size()) return pos;
    const RefItem& it = br[i];
    if (it.kind == RefItem::Begin) return pos == 0 ? seq(br, i + 1, pos) : -1;
    if (it.kind == RefItem::End) {
      return (pos == int(t_.cps.size()) || pos == terminator_) ? seq(br, i + 1, pos) : -1;
    }
    return rep(br, i, pos, 0);
  }
  int rep(const RefBranch& br, size_t i, int pos, int count) {
    const RefItem& it = br[i];
    auto more = [&]() -> int {
      if ((it.max < 0 || count < it.max) && pos < int(t_.cps.size()) && ref_accepts(it, t_.cps[size_t(pos)])) {
        return rep(br, i, pos + 1, count + 1);
      }
      return -1;
    };
    auto stop = [&]() -> int { return count >= it.min ? seq(br, i + 1, pos) : -1; };
    if (it.lazy) {
      const int r = stop();
      return r >= 0 ? r : more();
    }
    const int r = more();
    return r >= 0 ? r : stop();
  }

  const std::vector<RefBranch>& b_;
  const RefText& t_;
  int terminator_;
};

struct Generated {
  std::string body;
  std::vector<RefBranch> branches;
};

Generated generate(std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Generated g;
  const int nbranches = 1 + (pick(4) == 0 ? pick(3) : 0);
  for (int b = 0; b < nbranches; ++b) {
    if (b > 0) g.body += "|";
    RefBranch br;
    const int nitems = pick(5);
    for (int k = 0; k < nitems; ++k) {
      RefItem it;
      switch (pick(14)) {
        case 0: it.chars = {'a'}; g.body += "a"; break;
        case 1: it.chars = {'b'}; g.body += "b"; break;
        case 2: it.chars = {'c'}; g.body += "c"; break;
        case 3: it.dot = true; g.body += "."; break;
        case 4: it.chars = {'a', 'b'}; g.body += "[ab]"; break;
        case 5: it.chars = {'a'}; it.negated = true; g.body += "[^a]"; break;
        case 6: it.chars = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}; g.body += "\\d"; break;
        case 7: it.chars = {' ', '\t', '\n', 0x0B, '\f', '\r'}; g.body += "\\s"; break;
        case 8: it.chars = {0xE9}; g.body += "\\xe9"; break;
        case 9: it.chars = {'\n'}; g.body += "\\n"; break;
        case 10: it.chars = {'a', 'b', 'c'}; it.negated = true; g.body += "[^a-c]"; break;
        case 11: it.kind = RefItem::Begin; g.body += "^"; break;
        case 12: it.kind = RefItem::End; g.body += "$"; break;
        default: it.chars = {'a'}; g.body += "a"; break;
      }
      if (it.kind == RefItem::Set) {
        switch (pick(9)) {
          case 0: it.min = 0, it.max = -1; g.body += "*"; break;
          case 1: it.min = 1, it.max = -1; g.body += "+"; break;
          case 2: it.min = 0, it.max = 1; g.body += "?"; break;
          case 3: it.min = it.max = pick(3); g.body += "{" + std::to_string(it.min) + "}"; break;
          case 4: it.min = pick(3), it.max = -1; g.body += "{" + std::to_string(it.min) + ",}"; break;
          case 5:
            it.min = pick(3), it.max = it.min + pick(3);
            g.body += "{" + std::to_string(it.min) + "," + std::to_string(it.max) + "}";
            break;
          case 6: it.min = 0, it.max = 1 + pick(2); g.body += "{," + std::to_string(it.max) + "}"; break;
          default: break;
        }
        if (g.body.back() != ']' && g.body.back() != 'a' && pick(3) == 0 && (it.min != 1 || it.max != 1)) {
          it.lazy = true;
          g.body += "?";
        }
      }
      br.push_back(it);
    }
    g.branches.push_back(br);
  }
  return g;
}

std::string random_text(std::mt19937& rng) {
  static const char* pieces[] = {"a", "b", "c", "1", " ", "\n", "\r", "\303\251", "\342\202\254", "\t"};
  std::string t;
  const int len = static_cast<int>(rng() % 9);
  for (int i = 0; i < len; ++i) t += pieces[rng() % 10];
  return t;
}

}  // namespace

TEST_CASE("regex: differential against a reference backtracker", "[regex]") {
  std::mt19937 rng(20240611);
  int compared = 0, matched = 0;
  for (int round = 0; round < 3000; ++round) {
    const Generated g = generate(rng);
    Regex re = must_compile(g.body);
    for (int k = 0; k < 4; ++k) {
      const std::string text = random_text(rng);
      const RefText decoded = decode(text);
      Backtracker ref(g.branches, decoded);
      const auto expected = ref.find();
      const auto found = re.find(text);
      INFO("regex %" << g.body << "% text \"" << text << "\"");
      REQUIRE(re.search(text) == expected.has_value());
      REQUIRE(found.has_value() == expected.has_value());
      if (expected) {
        ++matched;
        CHECK(found->offset == decoded.offsets[size_t(expected->first)]);
        CHECK(found->end() == decoded.offsets[size_t(expected->second)]);
      }
      ++compared;
    }
  }
  CHECK(compared == 12000);
  CHECK(matched > 2000);  // the generator produces both outcomes
  CHECK(matched < 11000);
}

TEST_CASE("regex: search agrees with find on invalid UTF-8 and odd bytes", "[regex]") {
  std::mt19937 rng(777);
  const char* bodies[] = {".", "a.b", "[^a]", "\\W+", "\\xe9", "[\\x80-\\xff]+", "a$", "^.", ".$", "\\S{2}",
                          "[^x]{3}$", "\\D\\D", ".{1,3}?b", "b|.{4}"};
  for (const char* body : bodies) {
    Regex re = must_compile(body);
    for (int k = 0; k < 300; ++k) {
      std::string t;
      const int len = static_cast<int>(rng() % 8);
      for (int i = 0; i < len; ++i) {
        static const unsigned char bytes[] = {'a', 'b', 'x', '\n', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF, 0x80, 0xF0, 0x9F};
        t += static_cast<char>(bytes[rng() % sizeof bytes]);
      }
      INFO("regex %" << body << "% on bytes of length " << t.size());
      const auto found = re.find(t);
      CHECK(re.search(t) == found.has_value());
      if (found) CHECK(found->end() <= t.size());
    }
  }
}
