// The bulk scan on CloudTrail's S3 layout ({"Records":[...]} on one line)
// never changes what `cwlf filter` prints: a Scanner that skips the records
// without the prefilter's literals gives exactly the events, indexes, lines,
// verdicts and errors of one that hands every record over, and the verdicts
// of the full path (prefilter off). Over the corpus and random events (`\u`,
// escapes, broken JSON), files cut into chunks anywhere (records cut at
// chunk edges), broken files among good ones, empty Records, a Records key
// that is not first, pretty-printed records and whitespace between them.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cwlf/scanner.h"
#include "prefilter_cases.h"
#include "record_end.h"
#include "test_support.h"

using namespace cwlf;

namespace {

struct Seen {
  uint64_t index, line, offset;
  std::string message, error;
  bool operator==(const Seen& o) const {
    return index == o.index && line == o.line && offset == o.offset && message == o.message && error == o.error;
  }
};

struct Run {
  std::vector<Seen> seen;
  uint64_t events = 0, skipped = 0;
};

Run scan(std::shared_ptr<const EventFilter> f, const std::string& text, const std::vector<size_t>& cuts, bool bulk) {
  Run run;
  ScanOptions o;
  o.skip_records = bulk;
  Scanner s(std::move(f), o, [&](const ScannedEvent& ev) {
    run.seen.push_back({ev.index, ev.line, ev.offset, std::string(ev.message), ev.error ? ev.error->code : ""});
  });
  testing::feed_in_pieces(s, text, cuts);
  run.events = s.events();
  run.skipped = s.records_skipped();
  return run;
}

std::vector<std::string> corpus_and_random(std::mt19937& rng) {
  std::vector<std::string> events;
  std::istringstream corpus(testing::read_data("corpus/cloudtrail-docs.ndjson"));
  for (std::string l; std::getline(corpus, l);)
    if (!l.empty()) events.push_back(l);
  for (std::string& e : testing::random_events(rng(), 400))
    if (!e.empty() && e[0] == '{') events.push_back(e);
  events.push_back("{\"eventName\":\"Delete\\u0050olicy\",\"x\":\"DeletePolicy\"}");
  events.push_back("{\"eventName\":\"Console\\u004cogin\"}");
  events.push_back("{\"eventName\":\"ConsoleLogin\",\"s\":\"}]},{\\\"eventName\\\":\\\"x\\\"\"}");
  events.push_back("{\"eventName\":\"ConsoleLogin\",\"broken\":tru}");
  events.push_back("{\"eventName\":\"CreateTrail\",\"broken\":}");
  std::shuffle(events.begin(), events.end(), rng);
  return events;
}

// CloudTrail files of several shapes, good and broken.
std::vector<std::string> files(std::mt19937& rng) {
  const std::vector<std::string> events = corpus_and_random(rng);
  std::vector<std::string> out;
  auto records = [&](size_t from, size_t n, const char* sep) {
    std::string s;
    for (size_t i = from; i < from + n && i < events.size(); ++i) s += (i > from ? sep : "") + events[i];
    return s;
  };
  out.push_back("{\"Records\":[" + records(0, events.size(), ",") + "]}");
  out.push_back("{\"Records\":[]}");
  out.push_back("{\"Records\": [ ]}\n");
  out.push_back("{\"digest\":\"x\",\"n\":[1,{\"a\":\"]\"}],\"Records\":[" + records(5, 40, ",") + "],\"after\":{}}");
  out.push_back("{\"Records\":[" + records(50, 30, ", ") + "]}");             // blanks between records
  out.push_back("{\"Records\":[\n  " + records(80, 30, ",\n  ") + "\n]}\n");  // one record a line
  out.push_back("{\"Records\":[" + records(110, 30, ",") + "");               // truncated
  out.push_back("{\"Records\":[" + records(140, 20, ",").substr(0, 3000) + "");  // cut inside a record
  out.push_back("{\"Records\":[{\"eventName\": \"ConsoleLogin\"},{\"a\":1}  ,{\"eventName\":\"CreateTrail\"}]}");
  out.push_back("{\"Records\":[\"ConsoleLogin\",1,null,{\"eventName\":\"ConsoleLogin\"},[\"x\"]]}");
  out.push_back("{\"Records\":[" + records(160, 30, ",") + "]}{\"Records\":[" + records(190, 30, ",") + "]}");
  return out;
}

std::vector<Seen> matches(const Run& r) {
  std::vector<Seen> m;
  for (const Seen& s : r.seen)
    if (s.error.empty()) m.push_back(s);
  return m;
}

}  // namespace

TEST_CASE("records scan: compact_object_end finds the object's end, or refuses") {
  const std::string s = R"({"a":"}{\"]","b":[1,{"c":"\\"}]}x)";
  CHECK(compact_object_end(s.data(), 0, s.size()) == s.size() - 1);
  CHECK(compact_object_end(s.data(), 0, s.size() - 2) == 0);   // the end beyond the limit
  const std::string blank = R"({"a": 1})", nl = "{\"a\":\"x\ny\"}", esc_nl = "{\"a\":\"x\\\ny\"}";
  CHECK(compact_object_end(blank.data(), 0, blank.size()) == 0);  // whitespace outside strings
  CHECK(compact_object_end(nl.data(), 0, nl.size()) == 0);        // a line break in a string
  CHECK(compact_object_end(esc_nl.data(), 0, esc_nl.size()) == 0);
  const std::string spaced = R"({"a b":" } "})";
  CHECK(compact_object_end(spaced.data(), 0, spaced.size()) == spaced.size());  // blanks inside strings are fine
}

TEST_CASE("records scan: the same events, indexes, verdicts and errors as record by record, for every pattern") {
  std::mt19937 rng(20261204);
  const std::vector<std::string> texts = files(rng);
  uint64_t skipped_somewhere = 0;
  for (const std::string& p : testing::patterns()) {
    CompileResult c = compile_pattern(p);
    REQUIRE(c.pattern);
    auto fast = std::make_shared<const EventFilter>(c.pattern, true);
    auto full = std::make_shared<const EventFilter>(c.pattern, false);
    INFO("pattern: " << p);
    for (size_t t = 0; t < texts.size(); ++t) {
      INFO("file " << t);
      const Run reference = scan(fast, texts[t], {}, false);
      CHECK(reference.skipped == 0);
      REQUIRE(matches(scan(full, texts[t], {}, false)) == matches(reference));
      for (size_t max_piece : {size_t(0), size_t(5), size_t(200), size_t(4000), size_t(100000)}) {
        INFO("pieces up to " << max_piece << " bytes");
        const std::vector<size_t> cuts = max_piece ? testing::random_cuts(rng, texts[t].size(), max_piece) : std::vector<size_t>{};
        const Run bulk = scan(fast, texts[t], cuts, true);
        REQUIRE(bulk.seen == reference.seen);
        REQUIRE(bulk.events == reference.events);
        skipped_somewhere += bulk.skipped;
      }
    }
  }
  CHECK(skipped_somewhere > 1000);  // the bulk path was taken
}

TEST_CASE("records scan: chunks cut at every offset of a small file") {
  const std::string text =
      "{\"Records\":[{\"eventName\":\"CreateTrail\"},{\"eventName\":\"ConsoleLogin\",\"a\":\"\\\"}\"},"
      "{\"eventName\":\"Console\\u004cogin\"},{\"eventName\":\"CreateTrail\",\"x\":[{}]},"
      "{\"eventName\": \"ConsoleLogin\"},{\"eventName\":\"ConsoleLogin\",\"b\":tru}]}";
  for (const char* p : {"{ $.eventName = ConsoleLogin }", "ConsoleLogin", "{ $.eventName = CreateTrail }"}) {
    CompileResult c = compile_pattern(p);
    REQUIRE(c.pattern);
    auto f = std::make_shared<const EventFilter>(c.pattern, true);
    const Run reference = scan(f, text, {}, false);
    CHECK_FALSE(reference.seen.empty());
    for (size_t a = 0; a <= text.size(); ++a) {
      for (size_t b : {a, a + 1, a + 23}) {
        if (b > text.size()) continue;
        std::vector<size_t> cuts{a};
        if (b != a) cuts.push_back(b);
        INFO(p << " cut at " << a << ", " << b);
        const Run bulk = scan(f, text, cuts, true);
        REQUIRE(bulk.seen == reference.seen);
        REQUIRE(bulk.events == reference.events);
      }
    }
  }
}

TEST_CASE("records scan: the vector compact_object_end agrees with the byte-by-byte one") {
  // Both vector loops where the CPU has AVX2: the AVX2 one, then the SSE2 one.
  const bool avx2 = GENERATE(true, false);
  record_end_allow_avx2_for_testing(avx2);
  std::mt19937 rng(7);
  const std::string alphabet = "{}[]\"\\\\\\a:, \n\x01\xc3";  // many backslashes and quotes
  for (int round = 0; round < 200000; ++round) {
    std::string s = "{";
    const size_t len = rng() % (round % 50 == 0 ? 600 : 150);
    for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    // Often a well-formed object, so that ends are found too.
    if (round % 3 == 0) {
      s = "{\"a\":\"";
      for (size_t i = 0; i < len; ++i) s += "x\\\"\\\\{}"[rng() % 7];
      if (s.back() == '\\' && s[s.size() - 2] != '\\') s.pop_back();
      s += "\",\"b\":[{}]}" + std::string(rng() % 3, ' ') + ",{";
    }
    const size_t limit = rng() % (s.size() + 1);
    INFO("round " << round << ": " << s.substr(0, limit));
    REQUIRE(compact_object_end(s.data(), 0, limit) == compact_object_end_bytewise(s.data(), 0, limit));
  }
  record_end_allow_avx2_for_testing(true);
}
