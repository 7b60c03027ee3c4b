// Spans and diagnostics: the vocabulary every stage of cwlf reports in.
//
// Every position cwlf reports is a byte offset into the text the user gave
// (the pattern, or the pasted events). The wasm layer converts byte offsets to
// JavaScript's UTF-16 indices in one place; nothing in core/ knows about UTF-16.
#pragma once

#include <cstdint>
#include <string>

namespace cwlf {

struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;
  uint32_t end() const { return offset + length; }
  bool operator==(const Span& o) const { return offset == o.offset && length == o.length; }
};

// An error as a value. `aws_message` is what CloudWatch itself would say
// (e.g. "Invalid metric filter pattern"); `message` is the plain-language
// sentence cwlf adds, saying what was found and what was expected there.
struct Diagnostic {
  std::string code;         // stable identifier, e.g. "unterminated-quote"
  std::string aws_message;  // AWS's wording, empty when AWS would not complain
  std::string message;      // cwlf's own explanation
  Span span;                // where the fault is
};

}  // namespace cwlf
