// The one renderer of catalogue sentences on the C++ side (web/i18n.js is its
// JavaScript twin): substitutes `{name}` placeholders with arguments, nothing
// else. A `{` not followed by a name and `}` is literal text, so sentences may
// show patterns such as `{ $.field = value }` as they are.
#include <cstring>

#include "cwlf/i18n.h"

namespace cwlf {

namespace {

bool name_char(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

const std::string* find_arg(const Message& m, std::string_view name) {
  for (const MessageArg& a : m.args)
    if (name == a.name) return &a.value;
  return nullptr;
}

}  // namespace

std::string render(const Message& m, Lang lang) {
  const std::string* tpl = catalogue_entry(lang, m.id);
  if (!tpl && lang != Lang::En) tpl = catalogue_entry(Lang::En, m.id);
  if (!tpl) return m.id;
  const std::string& t = *tpl;
  std::string out;
  out.reserve(t.size() + 64);
  size_t i = 0;
  while (i < t.size()) {
    size_t open = t.find('{', i);
    if (open == std::string::npos) {
      out.append(t, i, std::string::npos);
      break;
    }
    out.append(t, i, open - i);
    size_t j = open + 1;
    while (j < t.size() && name_char(t[j], j == open + 1)) ++j;
    const std::string* value = nullptr;
    if (j > open + 1 && j < t.size() && t[j] == '}') value = find_arg(m, std::string_view(t).substr(open + 1, j - open - 1));
    if (value) {
      out += *value;
      i = j + 1;
    } else {
      out += '{';
      i = open + 1;
    }
  }
  return out;
}

std::string say(const char* id, std::initializer_list<MessageArg> args) {
  return render(Message{id, std::vector<MessageArg>(args)}, language());
}

}  // namespace cwlf
