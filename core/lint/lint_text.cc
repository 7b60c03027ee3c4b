// Pitfalls seen in the raw pattern text. These run on invalid patterns too:
// smart quotes and Logs Insights queries are the usual reasons a pasted
// pattern is rejected, and the user should be told which.
#include <cstring>
#include <string>

#include "cwlf/i18n.h"
#include "lint_internal.h"
#include "resource_limits.h"

namespace cwlf {

using namespace lint_detail;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// “ ” „ ‟ ‘ ’ ‚ ‛ ″ (UTF-8), as word processors and chat tools type them.
size_t smart_quote_at(std::string_view t, size_t i) {
  static const char* const kQuotes[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x9F",
                                        "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9A", "\xE2\x80\x9B",
                                        "\xE2\x80\xB3"};
  for (const char* q : kQuotes)
    if (t.compare(i, 3, q) == 0) return 3;
  return 0;
}

void check_smart_quotes(std::string_view t, std::vector<Warning>& out) {
  std::string fixed;
  size_t first = std::string_view::npos, last = 0;
  for (size_t i = 0; i < t.size();) {
    if (size_t n = smart_quote_at(t, i)) {
      if (first == std::string_view::npos) first = i;
      last = i + n;
      fixed += '"';
      i += n;
    } else {
      fixed += t[i++];
    }
  }
  if (first == std::string_view::npos) return;
  Warning w;
  w.code = "smart-quotes";
  w.message = say("lint.smart-quotes");
  w.span = Span{static_cast<uint32_t>(first), static_cast<uint32_t>(last - first)};
  add_fix(w, t, say("fix.straight-quotes"), fixed);
  out.push_back(std::move(w));
}

// 'text' used as a string quote: outside double quotes, and not the key of a
// bracketed JSON selector .['key'].
void check_single_quotes(std::string_view t, std::vector<Warning>& out) {
  bool in_double = false;
  std::string fixed(t);
  size_t first = std::string_view::npos, last = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_double) {
      if (c == '\\') ++i;
      else if (c == '"') in_double = false;
      continue;
    }
    if (c == '"') {
      in_double = true;
      continue;
    }
    if (c != '\'') continue;
    const size_t close = t.find('\'', i + 1);
    if (close == std::string_view::npos) break;
    if (i > 0 && t[i - 1] == '[') {  // .['key']
      i = close;
      continue;
    }
    // Only a quote that opens a value or a term: after a space, an operator or the start.
    const bool opens = i == 0 || is_space(t[i - 1]) || std::strchr("=<>(,{", t[i - 1]) != nullptr;
    const bool closes = close + 1 >= t.size() || is_space(t[close + 1]) || std::strchr(")&|},]", t[close + 1]);
    if (opens && closes && t.substr(i + 1, close - i - 1).find('"') == std::string_view::npos) {
      if (first == std::string_view::npos) first = i;
      last = close + 1;
      fixed[i] = '"';
      fixed[close] = '"';
    }
    i = close;
  }
  if (first == std::string_view::npos) return;
  Warning w;
  w.code = "single-quotes";
  w.message = say("lint.single-quotes");
  w.span = Span{static_cast<uint32_t>(first), static_cast<uint32_t>(last - first)};
  add_fix(w, t, say("fix.double-quotes"), fixed);
  out.push_back(std::move(w));
}

bool starts_with_word(std::string_view t, size_t pos, std::string_view word) {
  if (t.size() < pos + word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = t[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return pos + word.size() == t.size() || is_space(t[pos + word.size()]);
}

// A CloudWatch Logs Insights query (`fields …`, `filter @message like /x/`,
// `… | stats count(*)`) pasted where a filter pattern goes.
void check_insights(std::string_view t, std::vector<Warning>& out) {
  size_t pos = 0;
  while (pos < t.size() && is_space(t[pos])) ++pos;
  static const char* const kCommands[] = {"fields", "filter", "stats", "parse", "sort", "display",
                                          "limit", "dedup", "unmask", "pattern", "diff"};
  bool insights = false;
  for (const char* c : kCommands)
    if (starts_with_word(t, pos, c)) insights = true;
  const bool piped = t.find(" | ") != std::string_view::npos &&
                     (t.find("@message") != std::string_view::npos || t.find("@timestamp") != std::string_view::npos);
  if (!insights && !piped) return;
  Warning w;
  w.code = "insights-syntax";
  w.message = say("lint.insights-syntax");
  w.span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(t.size() - pos)};
  // `filter @message like /text/` or `like "text"` with plain text: the text term does the same.
  const size_t like = t.find("like ");
  if (starts_with_word(t, pos, "filter") && like != std::string_view::npos && t.find('|') == std::string_view::npos) {
    size_t v = like + 5;
    while (v < t.size() && is_space(t[v])) ++v;
    const char open = v < t.size() ? t[v] : 0;
    if (open == '/' || open == '"') {
      const size_t close = t.find(open, v + 1);
      if (close != std::string_view::npos && close > v + 1) {
        const std::string_view body = t.substr(v + 1, close - v - 1);
        bool plain = true;
        for (char c : body)
          if (std::strchr("\\^$.|?*+()[]{}\"%", c)) plain = false;
        if (plain) add_fix(w, t, say("fix.use-filter-pattern", {{"pattern", "\"" + std::string(body) + "\""}}), "\"" + std::string(body) + "\"");
      }
    }
  }
  out.push_back(std::move(w));
}

// Whitespace a pattern does not need: runs outside double quotes become one
// space, and in a JSON pattern the spaces next to operators and brackets go.
std::string squeeze(std::string_view t) {
  std::string out;
  bool in_double = false;
  const bool json = t.find('{') != std::string_view::npos && t.find_first_not_of(" \t\r\n") == t.find('{');
  auto glue = [&](char c) { return json && std::strchr("(){}&|=!<>,", c) != nullptr; };
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_double) {
      out += c;
      if (c == '\\' && i + 1 < t.size()) out += t[++i];
      else if (c == '"') in_double = false;
      continue;
    }
    if (is_space(c)) {
      size_t j = i;
      while (j < t.size() && is_space(t[j])) ++j;
      const bool at_edge = out.empty() || j >= t.size();
      if (!at_edge && !glue(out.back()) && !glue(t[j])) out += ' ';
      i = j - 1;
      continue;
    }
    if (c == '"') in_double = true;
    out += c;
  }
  return out;
}

void check_length(std::string_view t, std::vector<Warning>& out) {
  const size_t chars = char_count(t);
  if (chars <= kMaxPatternChars) return;
  Warning w;
  w.code = "too-long";
  w.message = say("lint.too-long", {{"count", std::to_string(chars)}});
  w.span = Span{0, static_cast<uint32_t>(t.size())};
  const std::string squeezed = squeeze(t);
  if (char_count(squeezed) <= kMaxPatternChars)
    add_fix(w, t, say("fix.squeeze-spaces", {{"count", std::to_string(char_count(squeezed))}}), squeezed);
  out.push_back(std::move(w));
}

}  // namespace

std::vector<Warning> lint_text(std::string_view text, const CompileResult& /*compiled*/) {
  std::vector<Warning> out;
  check_length(text, out);
  check_smart_quotes(text, out);
  check_single_quotes(text, out);
  check_insights(text, out);
  return out;
}

}  // namespace cwlf
