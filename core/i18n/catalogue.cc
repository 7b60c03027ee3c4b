// The compiled-in message catalogues: messages/en.json and messages/ja.json,
// parsed once into id -> template maps, and the process-wide language.
#include <atomic>
#include <map>
#include <string>

#include <rapidjson/document.h>

#include "cwlf/catalogue_data.h"
#include "cwlf/i18n.h"

namespace cwlf {

namespace {

using Catalogue = std::map<std::string, std::string, std::less<>>;

Catalogue parse(const char* json) {
  Catalogue out;
  rapidjson::Document d;
  d.Parse(json);
  if (d.HasParseError() || !d.IsObject()) return out;  // the catalogue test fails on this
  for (auto& m : d.GetObject()) {
    if (!m.value.IsString()) continue;
    out.emplace(std::string(m.name.GetString(), m.name.GetStringLength()),
                std::string(m.value.GetString(), m.value.GetStringLength()));
  }
  return out;
}

const Catalogue& catalogue(Lang lang) {
  static const Catalogue en = parse(detail::kCatalogueEn);
  static const Catalogue ja = parse(detail::kCatalogueJa);
  return lang == Lang::Ja ? ja : en;
}

std::atomic<Lang> current{Lang::En};

}  // namespace

Lang language() { return current.load(std::memory_order_relaxed); }
void set_language(Lang lang) { current.store(lang, std::memory_order_relaxed); }

const char* language_tag(Lang lang) { return lang == Lang::Ja ? "ja" : "en"; }

std::optional<Lang> parse_language(std::string_view tag) {
  // The language part of a BCP 47 tag or a POSIX locale name.
  size_t end = tag.find_first_of("-_.@");
  std::string_view base = tag.substr(0, end);
  std::string lower;
  for (char c : base) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "ja") return Lang::Ja;
  if (lower == "en" || tag == "C" || tag == "POSIX" || tag.rfind("C.", 0) == 0) return Lang::En;
  return std::nullopt;
}

const std::string* catalogue_entry(Lang lang, std::string_view id) {
  const Catalogue& c = catalogue(lang);
  auto it = c.find(id);
  return it == c.end() ? nullptr : &it->second;
}

std::vector<std::string> catalogue_ids(Lang lang) {
  std::vector<std::string> out;
  for (const auto& kv : catalogue(lang)) out.push_back(kv.first);
  return out;
}

}  // namespace cwlf
