// EventStream (the streaming reader of `cwlf filter`) gives the same messages
// as split_events on the same text, whatever the chunk sizes, and keeps only
// one event in memory.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "event_stream.h"
#include "events.h"
#include "test_support.h"

using namespace cwlf;

namespace {

struct Got {
  std::vector<std::string> messages;
  std::vector<std::string> errors;  // codes
  std::vector<uint64_t> lines;
  size_t max_buffered = 0;
};

Got stream(const std::string& text, size_t chunk, StreamMode mode = StreamMode::Auto) {
  Got g;
  EventStream s(mode, [&](const StreamedEvent& ev) {
    if (ev.error)
      g.errors.push_back(ev.error->code);
    else
      g.messages.emplace_back(ev.message);
    g.lines.push_back(ev.line);
  });
  for (size_t i = 0; i < text.size(); i += chunk) {
    s.feed(std::string_view(text).substr(i, chunk));
    g.max_buffered = std::max(g.max_buffered, s.buffered());
  }
  s.finish();
  return g;
}

std::vector<std::string> split_messages(const std::string& text) {
  std::vector<std::string> out;
  for (const Event& e : split_events(text).events)
    if (!e.error) out.push_back(e.message);
  return out;
}

}  // namespace

TEST_CASE("event stream: JSON Lines, pretty-printed events, arrays and Records agree with split_events") {
  std::string ndjson = testing::read_data("corpus/cloudtrail-docs.ndjson");
  std::string pretty = testing::read_data("corpus/pretty-multi.txt");
  std::string first = ndjson.substr(0, ndjson.find('\n'));
  std::string second = ndjson.substr(first.size() + 1, ndjson.find('\n', first.size() + 1) - first.size() - 1);
  std::string records = "{\"Records\": [\n  " + first + ",\n  " + second + "\n]}\n";
  std::string array = "[ " + first + ", \"plain text\", " + second + " ]";
  for (const std::string* text : {&ndjson, &pretty, &records, &array}) {
    std::vector<std::string> want = split_messages(*text);
    REQUIRE(!want.empty());
    for (size_t chunk : {1, 7, 4096, 1 << 20}) {
      INFO("chunk " << chunk << ", input starts " << text->substr(0, 40));
      Got g = stream(*text, chunk);
      CHECK(g.errors.empty());
      CHECK(g.messages == want);
    }
  }
}

TEST_CASE("event stream: a CloudTrail S3 object gives one event per record, not the wrapper") {
  Got g = stream("{\"Records\":[{\"eventName\":\"A\"},{\"eventName\":\"B\"}]}", 3);
  CHECK(g.messages == std::vector<std::string>{"{\"eventName\":\"A\"}", "{\"eventName\":\"B\"}"});
  // An object that merely has a "Records" member that is not an array is an event.
  Got h = stream("{\"Records\":\"no\"}\n{\"x\":1}", 5);
  CHECK(h.messages == std::vector<std::string>{"{\"Records\":\"no\"}", "{\"x\":1}"});
}

TEST_CASE("event stream: lines mode keeps each line as written, with its line number") {
  Got g = stream("{\"a\": 1}\r\n\n  \nplain text\n{\"b\":2}", 4, StreamMode::Lines);
  CHECK(g.messages == std::vector<std::string>{"{\"a\": 1}", "plain text", "{\"b\":2}"});
  CHECK(g.lines == std::vector<uint64_t>{1, 4, 5});
}

TEST_CASE("event stream: an event over 1 MB is its own error, and memory stays bounded") {
  std::string big = "{\"a\":\"" + std::string(kMaxEventBytes + 10, 'x') + "\"}";
  std::string text = big + "\n{\"b\":1}\n" + big + "\n";
  for (StreamMode mode : {StreamMode::Auto, StreamMode::Lines}) {
    Got g = stream(text, 65536, mode);
    CHECK(g.errors == std::vector<std::string>{"event-too-large", "event-too-large"});
    CHECK(g.messages == std::vector<std::string>{"{\"b\":1}"});
    CHECK(g.max_buffered <= 2 * kMaxEventBytes + 65536);
  }
}

TEST_CASE("event stream: broken input gives errors and the events after it are still read") {
  Got g = stream("{\"a\":1}\nnot json here\n{\"b\":1\n{\"c\":3}\n{\"d\":1 2}\n{\"e\":", 2);
  CHECK(g.messages == std::vector<std::string>{"{\"a\":1}", "{\"c\":3}"});
  CHECK(g.errors == std::vector<std::string>{"expected-json-object", "unterminated-json", "invalid-json",
                                             "unterminated-json"});
}
