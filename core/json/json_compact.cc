// compact_json: JSON text with the whitespace outside strings removed.
#include "json_compact.h"

namespace cwlf {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Bytes that stop the copy loop: outside strings '"' and whitespace, inside
// strings '"' and '\\'.
struct StopTables {
  bool outside[256] = {};
  bool inside[256] = {};
  StopTables() {
    for (unsigned char c : {'"', ' ', '\n', '\r', '\t'}) outside[c] = true;
    for (unsigned char c : {'"', '\\'}) inside[c] = true;
  }
};

bool is_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' || c == '-';
}

}  // namespace

uint32_t compact_json(std::string_view text, Span span, std::string& out,
                      std::vector<std::pair<uint32_t, uint32_t>>& offset_map) {
  const char* s = text.data();
  const uint32_t b = span.offset;
  const uint32_t e = span.end();
  out.reserve(span.length);
  static const StopTables stop;
  uint32_t joined = kNothingJoined;
  uint32_t run = b;  // start of the bytes not yet copied
  uint32_t i = b;
  bool in_string = false;
  while (i < e) {
    if (in_string) {
      while (i < e && !stop.inside[static_cast<unsigned char>(s[i])]) ++i;
      if (i >= e) break;
      if (s[i] == '\\') {
        i += 2;
        continue;
      }
      in_string = false;
      ++i;
      continue;
    }
    while (i < e && !stop.outside[static_cast<unsigned char>(s[i])]) ++i;
    if (i >= e) break;
    if (s[i] == '"') {
      in_string = true;
      ++i;
      continue;
    }
    out.append(s + run, i - run);
    uint32_t j = i + 1;
    while (j < e && is_space(s[j])) ++j;
    if (j < e) {
      if (joined == kNothingJoined && !out.empty() && is_word(out.back()) && is_word(s[j])) joined = i;
      if (offset_map.empty()) offset_map.emplace_back(0, b);
      offset_map.emplace_back(static_cast<uint32_t>(out.size()), j);
    }
    i = j;
    run = j;
  }
  if (run < e) out.append(s + run, e - run);
  return joined;
}

}  // namespace cwlf
