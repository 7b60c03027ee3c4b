#include "caret.h"

#include <algorithm>

#include "cwlf/i18n.h"

namespace cwlf::cli {

LineCol line_col(std::string_view text, uint32_t offset) {
  LineCol lc;
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  for (uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
    starts_.push_back(static_cast<uint32_t>(i + 1));
}

LineCol LineIndex::at(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  // The last line start at or before `offset` (starts_[0] is 0, so one exists).
  const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
  LineCol lc;
  lc.line = static_cast<uint32_t>(next - starts_.begin());
  lc.column = offset - *(next - 1) + 1;
  return lc;
}

std::string caret_diagnostic(std::string_view text, const Diagnostic& d) {
  uint32_t at = std::min<uint32_t>(d.span.offset, static_cast<uint32_t>(text.size()));
  size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  line_start = (line_start == std::string_view::npos || at == 0) ? 0 : line_start + 1;
  if (at > 0 && text[at - 1] == '\n') line_start = at;
  size_t line_end = text.find('\n', at);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view line = text.substr(line_start, line_end - line_start);
  LineCol lc = line_col(text, at);

  std::string out;
  out += say("cli.caret.error", {{"line", std::to_string(lc.line)}, {"column", std::to_string(lc.column)}, {"message", d.message}}) + "\n";
  out += "  " + std::string(line) + "\n  ";
  // Pad with the same whitespace (tabs stay tabs) so the caret lines up;
  // count UTF-8 characters, not bytes, before the caret.
  for (size_t i = line_start; i < at; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
  }
  uint32_t len = std::max<uint32_t>(1, std::min<uint32_t>(d.span.length, static_cast<uint32_t>(line_end - at)));
  size_t carets = 0;
  for (size_t i = at; i < at + len && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++carets;
  out += std::string(std::max<size_t>(carets, 1), '^') + "\n";
  return out;
}

}  // namespace cwlf::cli
