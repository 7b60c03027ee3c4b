// The patterns and random events the prefilter is checked with, shared by
// prefilter_test.cpp (per event, on vs off) and candidate_scan_test.cpp (the
// bulk scan of `cwlf filter`, on vs off).
#pragma once

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace cwlf::testing {

// Patterns from bench/patterns.tsv (third column) plus edge cases.
inline std::vector<std::string> patterns() {
  std::vector<std::string> out;
  std::ifstream f(std::string(CWLF_TEST_DATA) + "/../../bench/patterns.tsv");
  for (std::string l; std::getline(f, l);) {
    if (l.empty() || l[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream row(l);
    for (std::string c; std::getline(row, c, '\t');) cols.push_back(c);
    if (cols.size() >= 3) out.push_back(cols[2]);
  }
  for (const char* p : {
           "{ $.eventName = \"Delete*\" }", "{ $.eventName = \"*Policy\" }", "{ $.eventName = \"*olic*\" }",
           "{ $.eventName = DeletePolicy || $.x NOT EXISTS }", "{ $.eventName != DeletePolicy }",
           "{ $.code = 400 }", "{ $.code = \"400\" }", "{ $.a.b = \"x/y\" }", "{ $.a = \"q\\\"uote\" }",
           "{ $.eventName = %Policy$% }", "{ $.userIdentity.type = \"Root\" && $.eventName = ConsoleLogin }",
           "{ ($.eventName = CreatePolicy || $.eventName = PutUserPolicy) && $.awsRegion = \"us-east-1\" }",
           "{ $.requestParameters.* = \"x\" }", "{ $.eventName = \"é\" }", "AccessDenied", "?ConsoleLogin ?CreatePolicy",
           "\"Failed authentication\" -Root", "%Access.*Denied%", "-ConsoleLogin", "[a, b = 400, ...]",
           "[ip, id, user, ts, request, status = 404 || status = \"4*\", bytes]", "", "{ $.eventName = * }",
       })
    out.push_back(p);
  return out;
}

// Random events that press on the prefilter's assumptions.
inline std::vector<std::string> random_events(uint32_t seed, size_t n) {
  std::mt19937 rng(seed);
  const std::vector<std::string> names = {"DeletePolicy", "CreatePolicy", "PutUserPolicy", "ConsoleLogin",
                                          "DeleteP\\u006flicy", "Delete\\u0050olicy", "XDeletePolicyX",
                                          "deletepolicy", "CreateTrail", "Policy", "PolicyPolicy", "é"};
  const std::vector<std::string> values = {"\"400\"",  "400",       "4e2",         "400.0", "\"x\\/y\"",
                                           "\"x/y\"",  "null",      "true",        "[\"x\"]", "{\"b\":\"x/y\"}",
                                           "\"q\\\"uote\"", "\"AccessDenied\"", "\"us-east-1\"", "\"Root\"",
                                           "\"cm-policymaintainer\"", "\"Failed authentication\""};
  const std::vector<std::string> keys = {"eventName", "code", "a", "errorCode", "awsRegion", "x", "requestParameters",
                                         "userIdentity", "errorMessage", "eventSource"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    switch (rng() % 4) {
      case 0: {  // a JSON object
        std::string s = "{";
        size_t members = 1 + rng() % 5;
        for (size_t m = 0; m < members; ++m) {
          if (m) s += ",";
          std::string k = pick(keys);
          std::string v = rng() % 2 ? "\"" + pick(names) + "\"" : pick(values);
          if (k == "userIdentity") v = "{\"type\":" + (rng() % 2 ? std::string("\"Root\"") : pick(values)) + "}";
          s += "\"" + k + "\":" + v;
        }
        out.push_back(s + "}");
        break;
      }
      case 1:  // a space-delimited line
        out.push_back("10.0.0." + std::to_string(rng() % 9) + " - " + pick(names) + " [ts] \"GET /\" " +
                      std::to_string(400 + rng() % 12) + " " + std::to_string(rng() % 999));
        break;
      case 2:  // text
        out.push_back(pick(names) + " " + pick(values) + " Failed authentication AccessDenied");
        break;
      default:  // broken JSON
        out.push_back("{\"eventName\":\"" + pick(names));
        break;
    }
  }
  return out;
}

}  // namespace cwlf::testing
