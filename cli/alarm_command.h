// `cwlf alarm PATTERN PATH... --period S --threshold N ...`: the alarm's history.
#pragma once

#include <string>
#include <vector>

namespace cwlf::cli {

extern const char* kAlarmUsage;
int cmd_alarm(const std::vector<std::string>& args);

}  // namespace cwlf::cli
