// The bulk path of `cwlf filter` never changes what it prints: lines read
// through EventStream with a CandidateScan (lines without the prefilter's
// literals skipped a chunk at a time) give exactly the events, line numbers,
// verdicts and errors that the per-line path gives, and the verdicts of the
// full path (prefilter off). Over the CloudTrail corpus and random events
// (`\u`, escapes, broken JSON, text), with CRLF, blank lines, no final line
// break, lines over the size limit, and chunks cut anywhere.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "candidate_scan.h"
#include "event_filter.h"
#include "event_stream.h"
#include "needle_set.h"
#include "prefilter_cases.h"
#include "test_support.h"

using namespace cwlf;

namespace {

// What `cwlf filter` shows of an event: it matched, or it is an error.
struct Seen {
  uint64_t line, offset;
  std::string message, error;
  bool operator==(const Seen& o) const {
    return line == o.line && offset == o.offset && message == o.message && error == o.error;
  }
};

struct Run {
  std::vector<Seen> seen;
  uint64_t line_breaks = 0;
};

// Feeds `text` cut at `cuts` (sorted offsets) through a lines stream.
Run filter_lines(const EventFilter& f, const std::string& text, const std::vector<size_t>& cuts, bool bulk,
                 StreamMode mode = StreamMode::Lines) {
  Run run;
  EventStream s(mode, [&](const StreamedEvent& ev) {
    if (ev.error) {
      run.seen.push_back({ev.line, ev.offset, std::string(ev.message), ev.error->code});
      return;
    }
    FilterResult r = f.test(ev.message, false);
    if (r.error) run.seen.push_back({ev.line, ev.offset, std::string(ev.message), r.error->code});
    if (r.matched) run.seen.push_back({ev.line, ev.offset, std::string(ev.message), ""});
  });
  CandidateScan scan(f.prefilter());
  if (bulk && scan.active()) s.skip_lines_without(&scan);
  testing::feed_in_pieces(s, text, cuts);
  run.line_breaks = s.line_breaks();
  return run;
}

// The corpus and random events as lines, with CRLF, blank lines and lines of
// blanks here and there.
std::string lines_text(std::mt19937& rng) {
  std::vector<std::string> events;
  std::istringstream corpus(testing::read_data("corpus/cloudtrail-docs.ndjson"));
  for (std::string l; std::getline(corpus, l);)
    if (!l.empty()) events.push_back(l);
  for (std::string& e : testing::random_events(rng(), 600)) events.push_back(e);
  events.push_back("{\"eventName\":\"Delete\\u0050olicy\",\"x\":\"DeletePolicy\"}");
  events.push_back("{\"eventName\":\"Console\\u004cogin\"}");
  std::shuffle(events.begin(), events.end(), rng);
  std::string text;
  const char* blanks[] = {"", "   ", "\t", "\r", " \r"};
  for (const std::string& e : events) {
    if (rng() % 10 == 0) text += std::string(blanks[rng() % 5]) + "\n";
    text += e;
    text += rng() % 4 == 0 ? "\r\n" : "\n";
  }
  if (rng() % 2) text.pop_back();  // sometimes no final line break
  return text;
}

void check_pattern(const std::string& pattern, const std::string& text, std::mt19937& rng) {
  CompileResult c = compile_pattern(pattern);
  REQUIRE(c.pattern);
  EventFilter fast(c.pattern, true), full(c.pattern, false);
  INFO("pattern: " << pattern);
  const Run reference = filter_lines(fast, text, {}, false);
  // The verdicts of the full path (errors aside: it also reports broken JSON
  // the prefilter rules out, as it always has).
  auto matches = [](const Run& r) {
    std::vector<Seen> m;
    for (const Seen& s : r.seen)
      if (s.error.empty()) m.push_back(s);
    return m;
  };
  REQUIRE(matches(filter_lines(full, text, {}, false)) == matches(reference));
  for (size_t max_piece : {size_t(0), size_t(7), size_t(300), size_t(5000), size_t(100000)}) {
    std::vector<size_t> cuts = max_piece ? testing::random_cuts(rng, text.size(), max_piece) : std::vector<size_t>{};
    INFO("pieces up to " << max_piece << " bytes");
    Run bulk = filter_lines(fast, text, cuts, true);
    REQUIRE(bulk.seen.size() == reference.seen.size());
    for (size_t i = 0; i < bulk.seen.size(); ++i) {
      INFO("line " << reference.seen[i].line << ": " << reference.seen[i].message);
      REQUIRE(bulk.seen[i] == reference.seen[i]);
    }
    REQUIRE(bulk.line_breaks == reference.line_breaks);
  }
}

}  // namespace

TEST_CASE("needle set: the first of several literals and the line breaks before it, as a plain search finds them") {
  for (bool avx2 : {true, false}) {
    needle_set_allow_avx2_for_testing(avx2);
    std::mt19937 rng(11);
    const std::string alphabet = "abPy\\u\"Q\n";  // few letters: many near misses
    for (int round = 0; round < 30000; ++round) {
      std::string hay(rng() % (round % 10 == 0 ? 3000 : 200), 'a');
      for (char& ch : hay) ch = alphabet[rng() % alphabet.size()];
      std::vector<std::string> texts(1 + rng() % 4);
      for (std::string& t : texts) {
        t.assign(1 + rng() % (round % 7 == 0 ? 60 : 6), 'a');
        for (char& ch : t) ch = alphabet[rng() % alphabet.size()];
      }
      size_t from = rng() % (hay.size() + 2);
      size_t want = std::string::npos;
      if (from <= hay.size())
        for (const std::string& t : texts) want = std::min(want, std::string_view(hay).find(t, from));
      uint64_t want_breaks = 0;
      for (size_t i = from; i < std::min(want, hay.size()); ++i) want_breaks += hay[i] == '\n';
      uint64_t breaks = 0;
      INFO("avx2 " << avx2 << " round " << round << " from " << from);
      REQUIRE(NeedleSet(texts).find_in(hay, from, &breaks) == want);
      REQUIRE(breaks == want_breaks);
    }
  }
  needle_set_allow_avx2_for_testing(true);
}

TEST_CASE("bulk scan: the same events, lines, verdicts and errors as line by line, for every pattern") {
  std::mt19937 rng(20261127);
  const std::string text = lines_text(rng);
  for (const std::string& p : testing::patterns()) check_pattern(p, text, rng);
}

TEST_CASE("bulk scan: chunks cut at every offset of a few lines") {
  const std::string text =
      "{\"eventName\":\"CreateTrail\"}\r\n\n   \n{\"eventName\":\"DeletePolicy\"}\n"
      "{\"eventName\":\"Delete\\u0050olicy\"}\r\n{\"eventName\":\"DeletePolicy\"\n"
      "DeletePolicy text\nplain\n{\"eventName\":\"DeletePolicy\",\"a\":1}";
  for (const char* p : {"{ $.eventName = DeletePolicy }", "DeletePolicy", "{ $.eventName = CreateTrail }"}) {
    CompileResult c = compile_pattern(p);
    REQUIRE(c.pattern);
    EventFilter f(c.pattern, true);
    const Run reference = filter_lines(f, text, {}, false);
    CHECK_FALSE(reference.seen.empty());
    for (size_t a = 0; a <= text.size(); ++a) {
      for (size_t b : {a, a + 1, a + 17}) {
        if (b > text.size()) continue;
        std::vector<size_t> cuts{a};
        if (b != a) cuts.push_back(b);
        INFO(p << " cut at " << a << ", " << b);
        Run bulk = filter_lines(f, text, cuts, true);
        REQUIRE(bulk.seen == reference.seen);
        REQUIRE(bulk.line_breaks == reference.line_breaks);
      }
    }
  }
}

TEST_CASE("bulk scan: a line over the size limit among skipped lines is still reported, at its line") {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += "{\"eventName\":\"CreateTrail\",\"n\":" + std::to_string(i) + "}\n";  // > 1 MB
  text += std::string(kMaxEventBytes + 1, 'x') + "\n";                 // too large
  text += std::string(kMaxEventBytes, 'y') + "\r\n";                   // just fits
  text += "{\"eventName\":\"DeletePolicy\"}\n";
  text += std::string(kMaxEventBytes + 5, 'z') + " DeletePolicy\n";  // too large, with a hit
  for (int i = 0; i < 1000; ++i) text += "plain line\n";
  text += "{\"eventName\":\"DeletePolicy\"}";
  CompileResult c = compile_pattern("{ $.eventName = DeletePolicy }");
  REQUIRE(c.pattern);
  EventFilter f(c.pattern, true);
  const Run reference = filter_lines(f, text, {}, false);
  REQUIRE(reference.seen.size() == 4);
  CHECK(reference.seen[0].line == 30001);
  CHECK(reference.seen[0].error == "event-too-large");
  std::mt19937 rng(3);
  for (size_t max_piece : {size_t(0), size_t(8 << 20), size_t(1 << 20), size_t(100000)}) {
    std::vector<size_t> cuts = max_piece ? testing::random_cuts(rng, text.size(), max_piece) : std::vector<size_t>{};
    INFO("pieces up to " << max_piece);
    // (The message of an event too large depends on where the chunks end: compare with the same cuts.)
    Run per_line = filter_lines(f, text, cuts, false);
    Run bulk = filter_lines(f, text, cuts, true);
    REQUIRE(bulk.seen == per_line.seen);
    REQUIRE(bulk.line_breaks == reference.line_breaks);
    REQUIRE(bulk.seen.size() == 4);
    CHECK(bulk.seen[0].line == 30001);
    CHECK(bulk.seen[1].line == 30003);
    CHECK(bulk.seen[2].line == 30004);
    CHECK(bulk.seen[3].line == 31005);
  }
}

TEST_CASE("bulk scan: JSON layouts ignore the finder (it applies to lines only)") {
  const std::string text = testing::read_data("seed/events.txt");
  CompileResult c = compile_pattern(testing::read_data("seed/pattern.txt"));
  REQUIRE(c.pattern);
  EventFilter f(c.pattern, true);
  Run reference = filter_lines(f, text, {}, false, StreamMode::Auto);
  CHECK_FALSE(reference.seen.empty());
  Run bulk = filter_lines(f, text, {}, true, StreamMode::Auto);
  CHECK(bulk.seen == reference.seen);
}
