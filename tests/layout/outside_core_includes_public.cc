// Must compile: the public API, as cli/ and wasm/ include it. The control for
// the two probes beside it: they fail because of their includes, not the set-up.
#include "cwlf/cwlf.h"

int cwlf_layout_probe() { return cwlf::compile_pattern("{ $.a = 1 }").pattern ? 0 : 1; }
