// The one list of diagnostic codes (core/include/cwlf/diagnostic_codes.h):
// every code is documented in docs/api.md, every code is produced by at least
// one input below or by a rejection row of the golden conformance table, and
// every code these inputs produce is in the list.
#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "conformance_table.h"
#include "cwlf/diagnostic_codes.h"
#include "cwlf/event_stream.h"
#include "cwlf/lint.h"
#include "cwlf/resource_limits.h"
#include "test_support.h"

using namespace cwlf;

namespace {

std::string code_of(const std::string& pattern) {
  CompileResult c = compile_pattern(pattern);
  return c.error ? c.error->code : std::string();
}

std::set<std::string> event_codes(const std::string& pasted) {
  std::set<std::string> out;
  for (const Event& e : split_events(pasted).events)
    if (e.error) out.insert(e.error->code);
  return out;
}

// The streaming reader (cwlf filter, the page's file reader) has codes of its own.
std::set<std::string> streamed_codes(const std::string& text) {
  std::set<std::string> out;
  EventStream s(StreamMode::Auto, [&](const StreamedEvent& ev) {
    if (ev.error) out.insert(ev.error->code);
  });
  s.feed(text);
  s.finish();
  return out;
}

std::set<std::string> warning_codes(const std::string& pattern, const std::string& pasted = "") {
  CompileResult c = compile_pattern(pattern);
  SplitResult events = split_events(pasted);
  std::set<std::string> out;
  for (const Warning& w : lint(pattern, c, pasted.empty() ? nullptr : &events)) out.insert(w.code);
  return out;
}

// Codes produced by inputs that do not fit the conformance table (sizes, bytes
// that are not UTF-8, events and warnings).
std::set<std::string> produced_here() {
  std::set<std::string> codes;
  auto add = [&](const std::set<std::string>& more) { codes.insert(more.begin(), more.end()); };
  codes.insert(code_of(std::string(kMaxPatternChars + 1, 'a')));
  codes.insert(code_of("ERROR \xFF"));
  std::string huge_regex = "%";
  for (char c = 'a'; c <= 'u'; ++c) huge_regex += std::string(1, c) + "{1,1000}";
  codes.insert(code_of(huge_regex + "%"));
  codes.insert(code_of("%a\\b%"));
  add(event_codes("{\"a\":\n"));
  add(event_codes("{\"ok\":1}\n{\"a\":" + std::string(kMaxJsonDepth + 10, '[') + "1\n{\"ok\":2}"));
  add(event_codes("{\"a\":1}\n}\n{\"c\":3}\n"));
  add(event_codes("@timestamp,@message\n2026-01-01,\"{\"\"a\"\":1}\"\n2026-01-02\n"));  // a row short of a field
  add(streamed_codes("{\"a\":1}\n{\"b\":1\n{\"c\":3}\n"));
  add(event_codes("x" + std::string(kMaxEventBytes, 'y')));
  std::string many;
  for (uint32_t i = 0; i < kMaxEventsPerPaste + 1; ++i) many += "e\n";
  add(event_codes(many));
  add(warning_codes("{ $.a != 1 }", "{\"b\":1}\n"));
  add(warning_codes("{ $.userIdentity.sessionContext.sessionIssuer.userName != x }"));
  add(warning_codes("{ $.mfa = true }", "{\"mfa\":true}\n"));
  add(warning_codes("{ $.a = 1 || $.b = 2 && $.c = 3 }"));
  add(warning_codes("{ $.a = \"%b%\" }"));
  add(warning_codes("{ $.a = Ev*ent }"));
  add(warning_codes("ORDER-ITEM-1"));
  add(warning_codes("\" \""));
  add(warning_codes("{ $.eventName = \xE2\x80\x9C" "ConsoleLogin\xE2\x80\x9D }"));
  add(warning_codes("{ $.eventName = 'ConsoleLogin' }"));
  add(warning_codes("fields @timestamp, @message | sort @timestamp desc"));
  add(warning_codes(std::string(kMaxPatternChars + 1, 'a')));
  add(warning_codes("{ $.level = ERROR }", "2026-11-20T09:14:02.120Z\tINFO\t{\"level\":\"ERROR\"}\n"));
  add(warning_codes("[ip, method, path, status, bytes]", "198.51.100.7 GET /\n"));
  add(warning_codes("[ip, method = GET]", "198.51.100.7 GET /index.html 200 512\n"));
  codes.erase("");
  return codes;
}

std::set<std::string> produced_by_conformance_table() {
  std::set<std::string> codes;
  for (const std::string& file : testing::conformance_files())
    for (const testing::ConformanceCase& c : testing::read_conformance_file(file))
      if (c.error_code) codes.insert(*c.error_code);  // conformance_test.cpp checks each is produced
  return codes;
}

}  // namespace

TEST_CASE("diagnostic codes: every code is documented in docs/api.md", "[diagnostics]") {
  const std::string api = testing::read_data("../../docs/api.md");
  const size_t section = api.find("## Diagnostic codes");
  REQUIRE(section != std::string::npos);
  for (const DiagnosticCodeInfo& info : kDiagnosticCodes) {
    INFO(info.code);
    CHECK(api.find("| `" + std::string(info.code) + "` |", section) != std::string::npos);
  }
}

TEST_CASE("diagnostic codes: each is produced, and nothing unlisted is", "[diagnostics]") {
  std::set<std::string> produced = produced_here();
  const std::set<std::string> table = produced_by_conformance_table();
  produced.insert(table.begin(), table.end());
  for (const std::string& code : produced) {
    INFO("produced but not listed in diagnostic_codes.h: " << code);
    CHECK(find_diagnostic_code(code) != nullptr);
  }
  // Guards that no input can reach: listed so that a user who meets one can look it up.
  const std::set<std::string> unreachable = {
      "internal-error",   // the parser's own consistency check; reaching it is a bug
      "paste-too-large",  // needs a paste of 4 GiB, more than a test may allocate
  };
  for (const DiagnosticCodeInfo& info : kDiagnosticCodes) {
    const std::string code(info.code);
    INFO("listed but produced by no test: " << code);
    CHECK((produced.count(code) == 1) != (unreachable.count(code) == 1));
  }
}

TEST_CASE("diagnostic codes: unique, with a meaning", "[diagnostics]") {
  std::set<std::string_view> seen;
  for (const DiagnosticCodeInfo& info : kDiagnosticCodes) {
    CHECK(seen.insert(info.code).second);
    CHECK(!info.meaning.empty());
  }
  CHECK(find_diagnostic_code("no-such-code") == nullptr);
}
