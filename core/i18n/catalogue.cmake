# Compiles the message catalogues (messages/<lang>.json) into cwlf_i18n: each
# file becomes a raw string literal in a generated header, which
# core/i18n/catalogue.cc parses once with RapidJSON. Editing a catalogue
# re-runs CMake's configure step (CMAKE_CONFIGURE_DEPENDS), so the build never
# uses a stale copy; the page loads the very same files (scripts/build-web.sh).
# Only the i18n stage sees the generated header.
set(CWLF_CATALOGUE_DIR ${CMAKE_SOURCE_DIR}/messages)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CWLF_CATALOGUE_DIR}/en.json ${CWLF_CATALOGUE_DIR}/ja.json)
set(CWLF_SOURCE_DIR ${CMAKE_SOURCE_DIR})
set(CWLF_CATALOGUE_HEADER ${CMAKE_BINARY_DIR}/generated/cwlf/catalogue_data.h)
include(${CMAKE_SOURCE_DIR}/core/i18n/catalogue_header.cmake)
target_include_directories(cwlf_i18n PRIVATE ${CMAKE_BINARY_DIR}/generated)
