// `cwlf test`: a verdict per event and its explanation tree, the deciding
// sub-expressions marked with `>>`.
#include <string>

#include "caret.h"
#include "cwlf/i18n.h"
#include "report.h"

namespace cwlf::cli {

namespace {

std::string one_line(std::string_view s, size_t max_len = 90) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > max_len) out = out.substr(0, max_len - 3) + "...";
  return out;
}

const char* mark(Outcome o) {
  switch (o) {
    case Outcome::True: return "[true] ";
    case Outcome::False: return "[false]";
    case Outcome::Skipped: return "[ -- ] ";
  }
  return "";
}

void tree(std::string& out, const Explanation& x, std::string_view pattern, bool color) {
  std::vector<std::pair<uint32_t, int>> stack{{0, 0}};
  while (!stack.empty()) {
    auto [i, depth] = stack.back();
    stack.pop_back();
    const ExplainNode& n = x.nodes[i];
    std::string label = one_line(pattern.substr(std::min<size_t>(n.pattern_span.offset, pattern.size()), n.pattern_span.length));
    if (n.kind == ExplainKind::And) label = "&&  " + label;
    if (n.kind == ExplainKind::Or) label = "||  " + label;
    const char* on = "";
    const char* off = "";
    if (color && n.decisive) {
      on = "\x1b[1m";
      off = "\x1b[0m";
    }
    out += "    " + std::string(static_cast<size_t>(depth) * 2, ' ') + (n.decisive ? ">> " : "   ") + mark(n.outcome) +
           " " + on + label + off + "\n";
    if (n.outcome != Outcome::Skipped || depth == 0)
      out += "    " + std::string(static_cast<size_t>(depth) * 2, ' ') + "           " + n.reason + "\n";
    for (size_t c = n.children.size(); c-- > 0;) stack.push_back({n.children[c], depth + 1});
  }
}

}  // namespace

std::string human_report(const TestRun& run, std::string_view pattern, std::string_view pasted, bool color) {
  std::string out;
  if (!run.compiled.pattern) {
    const Diagnostic& d = *run.compiled.error;
    out += "InvalidParameterException: " + d.aws_message + "\n" + caret_diagnostic(pattern, d);
    out += warnings_report(run, pattern);  // e.g. smart quotes: why it was rejected
    return out;
  }
  out += say("cli.pattern", {{"family", family_name(run.compiled.pattern->family)}, {"pattern", one_line(pattern, 200)}}) + "\n";
  out += say(run.input.events.size() == 1 ? "cli.input.one" : "cli.input.other",
             {{"format", input_format_name(run.input.format)}, {"count", std::to_string(run.input.events.size())}}) + "\n\n";
  const LineIndex lines(pasted);
  for (size_t i = 0; i < run.input.events.size(); ++i) {
    const Event& e = run.input.events[i];
    LineCol from = lines.at(e.span.offset), to = lines.at(e.span.end() ? e.span.end() - 1 : 0);
    std::string where = from.line == to.line ? say("cli.line", {{"line", std::to_string(from.line)}})
                                             : say("cli.lines", {{"from", std::to_string(from.line)}, {"to", std::to_string(to.line)}});
    out += say("cli.event", {{"number", std::to_string(i + 1)}, {"where", where}});
    if (e.error) {
      LineCol at = lines.at(e.error->span.offset);
      out += say("cli.event-error", {{"line", std::to_string(at.line)}, {"column", std::to_string(at.column)},
                                      {"message", e.error->message}}) + "\n\n";
      continue;
    }
    const EventResult& r = run.results[i];
    out += say(r.matched ? "cli.match" : "cli.no-match") + "\n";
    out += "    " + one_line(e.message, 100) + "\n";
    if (!r.extracted.empty()) {
      out += "    extracted:";
      for (const auto& [k, v] : r.extracted) out += " " + k + "=" + one_line(v, 60);
      out += "\n";
    }
    if (r.explanation) tree(out, *r.explanation, pattern, color);
    out += "\n";
  }
  out += say(run.errors == 1 ? "cli.summary.one-error" : "cli.summary",
             {{"matched", std::to_string(run.matched)}, {"unmatched", std::to_string(run.unmatched)},
              {"errors", std::to_string(run.errors)}}) + "\n";
  out += warnings_report(run, pattern);
  return out;
}

}  // namespace cwlf::cli
