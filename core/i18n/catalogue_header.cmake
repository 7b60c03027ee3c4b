# Writes the generated header that compiles the message catalogues
# (messages/<lang>.json) into the core: each file a raw string literal.
# Used by catalogue.cmake (the CMake build) and, in script mode, by
# scripts/fuzz.sh (which builds without CMake):
#   cmake -DCWLF_SOURCE_DIR=<repo> -DCWLF_CATALOGUE_HEADER=<out.h> -P core/i18n/catalogue_header.cmake
file(READ ${CWLF_SOURCE_DIR}/messages/en.json CWLF_CATALOGUE_EN)
file(READ ${CWLF_SOURCE_DIR}/messages/ja.json CWLF_CATALOGUE_JA)
configure_file(${CWLF_SOURCE_DIR}/core/i18n/catalogue_data.h.in ${CWLF_CATALOGUE_HEADER} @ONLY)
