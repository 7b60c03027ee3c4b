// `cwlf filter PATTERN [FILE|DIR ...]`: grep for CloudWatch filter patterns.
#pragma once

#include <string>
#include <vector>

namespace cwlf::cli {

extern const char* kFilterUsage;
int cmd_filter(const std::vector<std::string>& args);

}  // namespace cwlf::cli
