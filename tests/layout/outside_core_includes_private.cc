// Must NOT compile: code outside core/ (here: as the CLI is built, linking
// cwlf_core) includes a private header of a core stage. CTest builds this file
// and expects the build to fail (tests/CMakeLists.txt, layout_* tests).
#include "parse_internal.h"
#include "cwlf/cwlf.h"
