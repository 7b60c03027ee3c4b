// The public face of the regex engine (regex.h), and the UTF-8 cut of the
// text into characters that every engine shares.
//
//   regex_parse.cc  allow-list check and syntax -> Ast
//   regex_prog.cc   Ast -> Thompson NFA program (forward, and reversed)
//   regex_dfa.cc    lazy DFA: search(), and the leftmost match start for find()
//   regex_pike.cc   Pike VM: where the leftmost-first match ends, for find()
#include "regex.h"

#include <memory>
#include <utility>

#include "regex_internal.h"

namespace cwlf {

namespace regex_internal {

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const size_t n = s.size();
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < n && (at(k) & 0xC0) == 0x80; };
  const unsigned char b0 = at(i);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    const unsigned char b1 = at(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    const unsigned char b1 = at(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

Decoded decode_forward(std::string_view s, size_t i) {
  const unsigned char b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return Decoded{b0, 1};
  const size_t len = utf8_sequence_length(s, i);
  if (len == 2) {
    const int cp = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    return Decoded{cp <= 0xFF ? cp : kSymOther, 2};
  }
  if (len == 3) {
    const int cp = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    return Decoded{cp == 0x2028 || cp == 0x2029 ? kSymLineSep : kSymOther, 3};
  }
  if (len == 4) return Decoded{kSymOther, 4};
  return Decoded{kSymOther, 1};  // a byte that is not part of valid UTF-8
}

Decoded decode_backward(std::string_view s, size_t p) {
  const unsigned char last = static_cast<unsigned char>(s[p - 1]);
  if (last < 0x80) return Decoded{last, 1};
  // A well-formed sequence starts with a lead byte, which no other sequence
  // can contain, so the sequence ending at p (if any) is where the
  // left-to-right cut put it.
  for (size_t k = 2; k <= 4 && k <= p; ++k) {
    if (utf8_sequence_length(s, p - k) == k) return decode_forward(s, p - k);
  }
  return Decoded{kSymOther, 1};
}

size_t final_terminator_position(std::string_view s) {
  const size_t n = s.size();
  if (n == 0) return std::string_view::npos;
  const unsigned char last = static_cast<unsigned char>(s[n - 1]);
  if (last == '\n') return n >= 2 && s[n - 2] == '\r' ? n - 2 : n - 1;
  if (last == '\r') return n - 1;
  if (n >= 2 && static_cast<unsigned char>(s[n - 2]) == 0xC2 && last == 0x85) return n - 2;  // U+0085
  if (n >= 3 && static_cast<unsigned char>(s[n - 3]) == 0xE2 && static_cast<unsigned char>(s[n - 2]) == 0x80 &&
      (last == 0xA8 || last == 0xA9)) {
    return n - 3;  // U+2028, U+2029
  }
  return std::string_view::npos;
}

}  // namespace regex_internal

using namespace regex_internal;

struct Regex::Impl {
  std::string body;
  Prog forward;
  Prog reverse;
  std::unique_ptr<LazyDfa> forward_dfa;  // built on first use
  std::unique_ptr<LazyDfa> reverse_dfa;
};

Regex::Regex(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
Regex::~Regex() = default;

Regex::CompileResult Regex::compile(std::string_view body) {
  CompileResult result;
  RegexError error;
  Ast ast;
  auto impl = std::make_shared<Impl>();
  if (!parse_regex(body, &ast, &error) || !compile_program(ast, /*reversed=*/false, &impl->forward, &error) ||
      !compile_program(ast, /*reversed=*/true, &impl->reverse, &error)) {
    result.error = std::move(error);
    return result;
  }
  impl->body = std::string(body);
  result.regex = Regex(std::move(impl));
  return result;
}

bool Regex::search(std::string_view text) const {
  if (!impl_->forward_dfa) impl_->forward_dfa = std::make_unique<LazyDfa>(&impl_->forward);
  return impl_->forward_dfa->search(text);
}

std::optional<Span> Regex::find(std::string_view text) const {
  // The reverse DFA finds where the leftmost match starts (linear); the Pike VM
  // then runs from there only, to end the match where Java's priorities would.
  if (!impl_->reverse_dfa) impl_->reverse_dfa = std::make_unique<LazyDfa>(&impl_->reverse);
  const int64_t start = impl_->reverse_dfa->leftmost_start(text);
  if (start < 0) return std::nullopt;
  const int64_t end = pike_match_end(impl_->forward, text, static_cast<size_t>(start));
  if (end < start) return std::nullopt;  // cannot happen: a match starts at `start`
  return Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)};
}

const std::string& Regex::body() const { return impl_->body; }

}  // namespace cwlf
