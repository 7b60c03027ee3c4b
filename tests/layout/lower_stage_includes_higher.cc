// Must NOT compile: the regex stage (the lowest) includes a private header of
// the pattern stage, which sits above it. Stages see only the folders of the
// stages they link (CMakeLists.txt); CTest expects this build to fail.
#include "parse_internal.h"
