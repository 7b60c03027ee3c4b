# Compiles the message catalogues (messages/<lang>.json) into cwlf_i18n: each
# file becomes a raw string literal in a generated header, which
# core/i18n/catalogue.cc parses once with RapidJSON. Editing a catalogue
# re-runs CMake's configure step (CMAKE_CONFIGURE_DEPENDS), so the build never
# uses a stale copy; the page loads the very same files (scripts/build-web.sh).
# Only the i18n stage sees the generated header.
set(CWLF_CATALOGUE_DIR ${CMAKE_SOURCE_DIR}/messages)
file(READ ${CWLF_CATALOGUE_DIR}/en.json CWLF_CATALOGUE_EN)
file(READ ${CWLF_CATALOGUE_DIR}/ja.json CWLF_CATALOGUE_JA)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CWLF_CATALOGUE_DIR}/en.json ${CWLF_CATALOGUE_DIR}/ja.json)
configure_file(${CMAKE_SOURCE_DIR}/core/i18n/catalogue_data.h.in
  ${CMAKE_BINARY_DIR}/generated/cwlf/catalogue_data.h @ONLY)
target_include_directories(cwlf_i18n PRIVATE ${CMAKE_BINARY_DIR}/generated)
