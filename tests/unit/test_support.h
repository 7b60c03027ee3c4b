// Helpers shared by the Catch2 tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate.h"
#include "events.h"
#include "pattern.h"
#include "run.h"

namespace cwlf::testing {

inline std::string read_data(const std::string& relative) {
  std::ifstream f(std::string(CWLF_TEST_DATA) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// Offsets cutting a text of `size` bytes into pieces of 1 to max_piece bytes.
inline std::vector<size_t> random_cuts(std::mt19937& rng, size_t size, size_t max_piece) {
  std::vector<size_t> cuts;
  for (size_t at = 1 + rng() % max_piece; at < size; at += 1 + rng() % max_piece) cuts.push_back(at);
  return cuts;
}

// Feeds `text` to `stream` (an EventStream, a Scanner) cut at `cuts`, then finishes it.
template <class Stream>
void feed_in_pieces(Stream& stream, std::string_view text, const std::vector<size_t>& cuts) {
  size_t at = 0;
  for (size_t c : cuts) {
    stream.feed(text.substr(at, c - at));
    at = c;
  }
  stream.feed(text.substr(at));
  stream.finish();
}

// A pattern that must be valid, compiled.
inline std::shared_ptr<const Pattern> compiled_pattern(const std::string& text) {
  CompileResult c = compile_pattern(text);
  REQUIRE(c.pattern);
  return c.pattern;
}

// The verdict on each event of a paste (the pattern must be valid).
inline std::vector<bool> verdicts(const std::string& pattern, const std::string& pasted) {
  TestRun run = run_test(pattern, pasted, RunOptions{RunOptions::Explain::None, 0});
  REQUIRE(run.compiled.pattern);
  std::vector<bool> out;
  for (const EventResult& r : run.results) out.push_back(r.matched);
  return out;
}

// Compiles `pattern` (which must be valid) and tests one raw message.
struct Verdict {
  bool compiled = false;
  std::string error;
  EventResult result;
};

inline Verdict verdict(const std::string& pattern, const std::string& message, bool explain = true) {
  Verdict v;
  CompileResult c = compile_pattern(pattern);
  if (!c.pattern) {
    v.error = c.error ? c.error->message : "?";
    return v;
  }
  v.compiled = true;
  v.result = evaluate(*c.pattern, event_from_message(message), explain);
  return v;
}

}  // namespace cwlf::testing
