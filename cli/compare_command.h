// `cwlf compare A B [--sample FILE] [--json]`: how two patterns relate over
// every possible event, with checked witness events.
#pragma once

#include <string>
#include <vector>

namespace cwlf::cli {

extern const char* kCompareUsage;
int cmd_compare(const std::vector<std::string>& args);

}  // namespace cwlf::cli
