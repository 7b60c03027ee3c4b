// libFuzzer target: the pattern parser. Any bytes must give a pattern or a
// diagnostic whose span lies inside the pattern, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cwlf/diagnostic_codes.h"
#include "cwlf/pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cwlf::CompileResult r = cwlf::compile_pattern(text);
  if (!r.pattern == !r.error) std::abort();  // exactly one of the two
  if (r.error && r.error->span.end() > text.size()) std::abort();
  if (r.error && !cwlf::find_diagnostic_code(r.error->code)) std::abort();  // every code is listed
  return 0;
}
