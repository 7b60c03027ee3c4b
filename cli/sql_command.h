// `cwlf sql PATTERN --dialect duckdb|trino|athena ...`: the pattern as SQL.
#pragma once

#include <string>
#include <vector>

namespace cwlf::cli {

extern const char* kSqlUsage;
int cmd_sql(const std::vector<std::string>& args);

}  // namespace cwlf::cli
