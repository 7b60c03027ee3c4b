// setLanguage(tag): the language of every sentence the module writes from now
// on (explanations, warnings, fixes, notes), from the catalogues compiled in
// (core/include/cwlf/i18n.h). "en", "ja", "ja-JP", …; returns false and keeps
// the current language for a tag cwlf does not speak. language() says which
// one is in use ("en" or "ja").
#include <emscripten/bind.h>

#include <string>

#include "cwlf/i18n.h"

namespace {

bool set_language(const std::string& tag) {
  const auto lang = cwlf::parse_language(tag);
  if (!lang) return false;
  cwlf::set_language(*lang);
  return true;
}

std::string language() { return cwlf::language_tag(cwlf::language()); }

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_language) {
  emscripten::function("setLanguage", &set_language);
  emscripten::function("language", &language);
}
