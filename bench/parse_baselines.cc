// What parsing costs, as yardsticks for `cwlf filter` (bench/run.sh):
//   bench_baselines rapidjson-dom FILE        RapidJSON DOM parse of every line
//   bench_baselines simdjson-dom FILE         simdjson DOM parse of every document (parse_many)
//   bench_baselines simdjson-eventname FILE   simdjson On-Demand reading only `eventName` and
//                                             testing it against the 16 names of the seed pattern
//                                             (the fastest way any parser can answer that question)
// FILE is JSON Lines. Prints: <documents> <matched or 0> <seconds>
#include <rapidjson/document.h>
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

const std::unordered_set<std::string_view> kNames = {
    "DeleteGroupPolicy",   "DeleteRolePolicy",    "DeleteUserPolicy", "PutGroupPolicy",   "PutRolePolicy",
    "PutUserPolicy",       "CreatePolicy",        "DeletePolicy",     "CreatePolicyVersion", "DeletePolicyVersion",
    "AttachRolePolicy",    "DetachRolePolicy",    "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy",
    "DetachGroupPolicy"};

// RapidJSON, streaming: 1 MB reads, one line at a time (memory stays flat).
int rapidjson_dom(const char* path, uint64_t& docs) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return 2;
  std::vector<char> buf(1 << 20);
  std::string carry;
  rapidjson::Document d;
  auto parse = [&](const char* s, size_t n) {
    if (n == 0) return;
    d.Parse(s, n);
    if (!d.HasParseError()) ++docs;
  };
  for (size_t got; (got = std::fread(buf.data(), 1, buf.size(), f)) > 0;) {
    const char* s = buf.data();
    const char* end = s + got;
    while (s < end) {
      const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(end - s)));
      if (!nl) {
        carry.append(s, end);
        break;
      }
      if (!carry.empty()) {
        carry.append(s, nl);
        parse(carry.data(), carry.size());
        carry.clear();
      } else {
        parse(s, static_cast<size_t>(nl - s));
      }
      s = nl + 1;
    }
  }
  parse(carry.data(), carry.size());
  std::fclose(f);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_baselines rapidjson-dom|simdjson-dom|simdjson-eventname FILE\n";
    return 2;
  }
  std::string mode = argv[1];
  auto t0 = std::chrono::steady_clock::now();
  uint64_t docs = 0, matched = 0;
  if (mode == "rapidjson-dom") {
    if (rapidjson_dom(argv[2], docs)) return 2;
  } else if (mode == "simdjson-dom" || mode == "simdjson-eventname") {
    simdjson::padded_string text;
    if (simdjson::padded_string::load(argv[2]).get(text)) return 2;
    if (mode == "simdjson-dom") {
      simdjson::dom::parser parser;
      simdjson::dom::document_stream stream;
      if (parser.parse_many(text).get(stream)) return 2;
      for (auto doc : stream)
        if (!doc.error()) ++docs;
    } else {
      simdjson::ondemand::parser parser;
      simdjson::ondemand::document_stream stream;
      if (parser.iterate_many(text).get(stream)) return 2;
      for (auto doc : stream) {
        ++docs;
        std::string_view name;
        if (!doc["eventName"].get_string().get(name) && kNames.count(name)) ++matched;
      }
    }
  } else {
    std::cerr << "unknown mode " << mode << "\n";
    return 2;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%llu %llu %.3f\n", static_cast<unsigned long long>(docs), static_cast<unsigned long long>(matched), s);
  return 0;
}
