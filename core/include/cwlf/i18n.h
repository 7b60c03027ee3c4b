// The languages cwlf speaks, and its sentences as data.
//
// Every sentence cwlf writes for a person (explanations, warnings, fixes'
// labels, notes) has a message id and named arguments; the sentence itself
// comes from the catalogue of the chosen language (messages/<lang>.json,
// compiled in; the page loads the same files). A catalogue sentence holds
// placeholders `{name}`; rendering only substitutes them. Selectors, values
// and pattern text are arguments, so they are never translated.
//
// The language is process-wide: the CLI sets it once from --lang or LANG,
// the wasm module before each request. Producers call say(), which renders
// in the current language; English is the default.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cwlf {

enum class Lang : uint8_t { En, Ja };

struct MessageArg {
  const char* name;
  std::string value;
};

struct Message {
  std::string id;
  std::vector<MessageArg> args;
};

Lang language();
void set_language(Lang lang);
// "ja", "ja-JP", "ja_JP.UTF-8" -> Ja; "en", "en_US", "C", "POSIX" -> En; anything else: nullopt.
std::optional<Lang> parse_language(std::string_view tag);
const char* language_tag(Lang lang);  // "en" or "ja"

// The sentence of `m` in `lang`: the catalogue's template with each `{name}`
// replaced by the argument of that name. An id missing from `lang` falls back
// to English, and one missing from English renders as the id itself (the
// catalogue test keeps both from happening).
std::string render(const Message& m, Lang lang);
// render() in the current language.
std::string say(const char* id, std::initializer_list<MessageArg> args = {});

// The catalogue's template for `id` (nullptr when absent), for the tests.
const std::string* catalogue_entry(Lang lang, std::string_view id);
// Every id in a catalogue, for the tests.
std::vector<std::string> catalogue_ids(Lang lang);

}  // namespace cwlf
