// The CLI's language: `--lang ja|en` (anywhere on the command line), else the
// environment's locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them),
// else English.
#pragma once

#include <string>
#include <vector>

namespace cwlf::cli {

// Sets the process language from the environment and from any `--lang X` /
// `--lang=X` in `args`, which it removes. False (with `error` set) when the
// option has no value or names a language cwlf does not speak.
bool take_language_option(std::vector<std::string>& args, std::string& error);

}  // namespace cwlf::cli
