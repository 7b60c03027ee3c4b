// Numbers in messages people read: "1,048,576 bytes", "line 1,204".
#pragma once

#include <cstdint>
#include <string>

namespace cwlf {

inline std::string group_thousands(uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace cwlf
