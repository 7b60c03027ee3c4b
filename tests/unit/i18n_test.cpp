// The message catalogues compiled into the core (core/include/cwlf/i18n.h):
// rendering, language tags, and the seed scenario's explanation and warning
// in Japanese, with selectors and values left as they are.
#include <catch2/catch.hpp>

#include <string>

#include "cwlf/i18n.h"
#include "lint.h"
#include "run.h"
#include "test_support.h"

using namespace cwlf;

namespace {

// Sets the process language for one test and puts English back after it.
struct LanguageScope {
  explicit LanguageScope(Lang lang) { set_language(lang); }
  ~LanguageScope() { set_language(Lang::En); }
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("i18n: both catalogues are compiled in and hold the same ids", "[i18n]") {
  const auto en = catalogue_ids(Lang::En);
  const auto ja = catalogue_ids(Lang::Ja);
  REQUIRE(en.size() > 100);
  CHECK(en == ja);
  REQUIRE(catalogue_entry(Lang::Ja, "cli.match") != nullptr);
  CHECK(*catalogue_entry(Lang::Ja, "cli.match") == "一致");
  CHECK(catalogue_entry(Lang::En, "no.such.id") == nullptr);
}

TEST_CASE("i18n: render substitutes {name} placeholders and nothing else", "[i18n]") {
  // explain.value.verdict: "{sel} is {value}, so {tail} is {outcome}."
  Message m{"explain.value.verdict", {{"sel", "`$.a`"}, {"value", "`{x}`"}, {"tail", "`= b`"}, {"outcome", "false"}}};
  CHECK(render(m, Lang::En) == "`$.a` is `{x}`, so `= b` is false.");
  CHECK(render(m, Lang::Ja) == "`$.a` は `{x}` です。そのため `= b` はfalseです。");
  // Braces that are not a placeholder stay: lint.insights-syntax shows `{ $.field = value }`.
  CHECK(contains(render(Message{"lint.insights-syntax", {}}, Lang::En), "{ $.field = value }"));
  // A missing argument leaves its placeholder visible rather than dropping text.
  CHECK(render(Message{"cli.match", {}}, Lang::Ja) == "一致");
  CHECK(render(Message{"explain.and.all-true", {}}, Lang::En) == "All {count} conditions joined by `&&` are true.");
  // An unknown id renders as itself.
  CHECK(render(Message{"no.such.id", {}}, Lang::Ja) == "no.such.id");
}

TEST_CASE("i18n: language tags and locale names", "[i18n]") {
  CHECK(parse_language("ja") == Lang::Ja);
  CHECK(parse_language("ja-JP") == Lang::Ja);
  CHECK(parse_language("ja_JP.UTF-8") == Lang::Ja);
  CHECK(parse_language("JA") == Lang::Ja);
  CHECK(parse_language("en") == Lang::En);
  CHECK(parse_language("en_GB.UTF-8") == Lang::En);
  CHECK(parse_language("C") == Lang::En);
  CHECK(parse_language("C.UTF-8") == Lang::En);
  CHECK(parse_language("POSIX") == Lang::En);
  CHECK_FALSE(parse_language("de_DE.UTF-8"));
  CHECK_FALSE(parse_language(""));
  CHECK(std::string(language_tag(Lang::Ja)) == "ja");
}

TEST_CASE("i18n: the seed scenario explained in Japanese", "[i18n]") {
  const std::string pattern = testing::read_data("seed/pattern.txt");
  const std::string pasted = testing::read_data("seed/events.txt");
  const std::string sel = "`$.userIdentity.sessionContext.sessionIssuer.userName`";
  std::string ja_reason, ja_warning, ja_fix;
  {
    LanguageScope scope(Lang::Ja);
    TestRun run = run_test(pattern, pasted);
    REQUIRE(run.results.size() == 4);
    const Explanation& x = *run.results[2].explanation;
    // The root && is decided by the != condition, its first child.
    REQUIRE(x.nodes.size() > 1);
    ja_reason = x.nodes[x.nodes[0].children[0]].reason;
    const auto warnings = lint(pattern, run.compiled, &run.input);
    REQUIRE(warnings.size() == 1);
    ja_warning = warnings[0].message;
    REQUIRE(warnings[0].fixes.size() == 2);
    ja_fix = warnings[0].fixes[0].label;
  }
  CHECK(ja_reason == sel + " が存在しません。`$.userIdentity` に `sessionContext` がないためです"
                           "（このイベントの `userIdentity.type` は `IAMUser`）。"
                           "CloudWatch では欠落したフィールドとの比較はすべて偽になり、`!=` も例外ではありません。");
  CHECK(contains(ja_warning, "4 件中 1 件の JSON イベント（#3、ID タイプは IAMUser）には " + sel + " がありません。"));
  CHECK(ja_fix == "フィールドがない場合も一致させる");

  // Back in English (the default), the very same sentences as before.
  TestRun run = run_test(pattern, pasted);
  const Explanation& x = *run.results[2].explanation;
  CHECK(x.nodes[x.nodes[0].children[0]].reason ==
        sel + " is missing: `$.userIdentity` has no `sessionContext` (this event's `userIdentity.type` is `IAMUser`); "
              "CloudWatch treats every comparison with a missing field as false, even `!=`.");
}
