// Reads the golden conformance table (tests/data/conformance/*.test; format in
// its README.md) into cases. The Node and Chromium runners read the same files
// with tests/node/conformance-table.mjs; the two readers follow one format.
#pragma once

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <dirent.h>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace cwlf::testing {

struct ConformanceCase {
  std::string where;        // "json.test:12", for failure messages
  std::string description;  // the comment lines above the block
  std::string pattern;
  std::optional<std::string> message;
  std::optional<bool> match;
  std::optional<std::vector<std::pair<std::string, std::string>>> extracted;
  std::optional<std::string> error_code;
  uint32_t error_offset = 0;
  uint32_t error_length = 0;
  std::optional<std::string> aws;
};

// A malformed table is a test failure, reported with its file and line.
inline void table_fault(const std::string& where, const std::string& why) {
  throw std::runtime_error(where + ": " + why);
}

inline std::string json_string_value(const std::string& json, const std::string& where) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsString()) table_fault(where, "not a JSON string: " + json);
  return std::string(d.GetString(), d.GetStringLength());
}

inline std::vector<std::pair<std::string, std::string>> json_object_pairs(const std::string& json,
                                                                          const std::string& where) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject()) table_fault(where, "not a JSON object: " + json);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : d.GetObject()) {
    if (!m.value.IsString()) table_fault(where, "extracted values are strings");
    out.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()),
                     std::string(m.value.GetString(), m.value.GetStringLength()));
  }
  return out;
}

inline void set_field(ConformanceCase& c, std::string key, std::string value, const std::string& where) {
  const std::string json_suffix = "-json";
  if (key.size() > json_suffix.size() && key.compare(key.size() - json_suffix.size(), json_suffix.size(), json_suffix) == 0 &&
      key != "extracted-json") {
    key.resize(key.size() - json_suffix.size());
    value = json_string_value(value, where);
  }
  if (key == "pattern") {
    c.pattern = value;
  } else if (key == "message") {
    c.message = value;
  } else if (key == "verdict") {
    if (value != "match" && value != "no match") table_fault(where, "verdict is `match` or `no match`");
    c.match = value == "match";
  } else if (key == "extracted-json") {
    c.extracted = json_object_pairs(value, where);
  } else if (key == "error") {
    std::istringstream in(value);
    std::string code, at;
    char plus = 0;
    in >> code >> at;
    std::istringstream range(at.size() > 1 && at[0] == '@' ? at.substr(1) : "");
    if (code.empty() || !(range >> c.error_offset >> plus >> c.error_length) || plus != '+')
      table_fault(where, "error is `<code> @<offset>+<length>`");
    c.error_code = code;
  } else if (key == "aws") {
    c.aws = value;
  } else {
    table_fault(where, "unknown key `" + key + "`");
  }
}

inline std::vector<ConformanceCase> read_conformance_file(const std::string& name) {
  std::vector<ConformanceCase> cases;
  std::istringstream in(read_data("conformance/" + name));
  std::string line, comments;
  ConformanceCase block;
  bool open = false;
  int number = 0;
  auto close = [&]() {
    if (!open) return;
    const ConformanceCase& c = block;
    const bool verdict_case = c.message && c.match;
    if (verdict_case == c.error_code.has_value())
      table_fault(c.where, "a block has `message` + `verdict`, or `error`");
    cases.push_back(std::move(block));
    block = ConformanceCase();
    open = false;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string where = name + ":" + std::to_string(number);
    if (line.empty()) {
      close();
      comments.clear();
      continue;
    }
    if (line[0] == '#') {
      if (open) table_fault(where, "a comment inside a block");
      comments += line.substr(line.size() > 1 && line[1] == ' ' ? 2 : 1) + "\n";
      continue;
    }
    const size_t colon = line.find(": ");
    if (colon == std::string::npos) table_fault(where, "expected `key: value`");
    if (!open) {
      open = true;
      block.where = where;
      block.description = comments;
    }
    set_field(block, line.substr(0, colon), line.substr(colon + 2), where);
  }
  close();
  return cases;
}

inline std::vector<std::string> conformance_files() {
  std::vector<std::string> names;
  const std::string dir = std::string(CWLF_TEST_DATA) + "/conformance";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 5 && n.compare(n.size() - 5, 5, ".test") == 0) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace cwlf::testing
