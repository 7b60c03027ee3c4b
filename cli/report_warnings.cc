// The pitfall warnings (core/lint.h) as `cwlf test` prints them: the part of
// the pattern each one is about, the message, and each offered rewrite.
#include <string>

#include "caret.h"
#include "cwlf/i18n.h"
#include "cwlf/lint.h"
#include "report.h"

namespace cwlf::cli {

std::string warnings_report(const TestRun& run, std::string_view pattern) {
  const std::vector<Warning> warnings = lint(pattern, run.compiled, run.compiled.pattern ? &run.input : nullptr);
  if (warnings.empty()) return "";
  std::string out = "\n" + say(warnings.size() == 1 ? "cli.warnings.one" : "cli.warnings.other",
                               {{"count", std::to_string(warnings.size())}}) + "\n";
  for (const Warning& w : warnings) {
    const LineCol at = line_col(pattern, w.span.offset);
    std::string excerpt(pattern.substr(std::min<size_t>(w.span.offset, pattern.size()), w.span.length));
    for (char& c : excerpt)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (excerpt.size() > 100) excerpt = excerpt.substr(0, 97) + "...";
    out += "  " + say("cli.warning", {{"code", w.code}, {"line", std::to_string(at.line)},
                                      {"column", std::to_string(at.column)}, {"excerpt", excerpt}}) +
           "\n    " + w.message + "\n";
    for (const LintFix& f : w.fixes) out += "    " + say("cli.fix", {{"label", f.label}, {"pattern", f.pattern}}) + "\n";
  }
  return out;
}

}  // namespace cwlf::cli
