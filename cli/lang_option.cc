// `--lang` and LANG: which catalogue the CLI's sentences come from.
#include "lang_option.h"

#include <cstdlib>

#include "cwlf/i18n.h"

namespace cwlf::cli {

namespace {

// The first non-empty of LC_ALL, LC_MESSAGES, LANG that cwlf speaks; an
// unknown locale (say, de_DE) leaves English.
void language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;
    if (auto lang = parse_language(v)) set_language(*lang);
    return;
  }
}

}  // namespace

bool take_language_option(std::vector<std::string>& args, std::string& error) {
  language_from_environment();
  for (size_t i = 0; i < args.size();) {
    std::string value;
    if (args[i] == "--lang") {
      if (i + 1 >= args.size()) {
        error = "--lang needs a value (en or ja)";
        return false;
      }
      value = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else if (args[i].rfind("--lang=", 0) == 0) {
      value = args[i].substr(7);
      args.erase(args.begin() + static_cast<long>(i));
    } else {
      ++i;
      continue;
    }
    auto lang = parse_language(value);
    if (!lang) {
      error = "unknown language " + value + " (cwlf speaks en and ja)";
      return false;
    }
    set_language(*lang);
  }
  return true;
}

}  // namespace cwlf::cli
