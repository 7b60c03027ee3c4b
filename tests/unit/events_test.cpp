// split_events / event_from_message: which events a paste holds, their
// messages (compact JSON, byte-exact), spans, and per-event errors.
#include "events.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "resource_limits.h"

using namespace cwlf;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string corpus_path(const char* name) { return std::string(CWLF_TEST_DATA) + "/corpus/" + name; }

std::vector<std::string> split_nonempty_lines(const std::string& all) {
  std::vector<std::string> lines;
  size_t p = 0;
  while (p < all.size()) {
    size_t nl = all.find('\n', p);
    if (nl == std::string::npos) nl = all.size();
    if (nl > p) lines.push_back(all.substr(p, nl - p));
    p = nl + 1;
  }
  return lines;
}

const std::vector<std::string>& ndjson_lines() {
  static const std::vector<std::string> lines = split_nonempty_lines(read_file(corpus_path("cloudtrail-docs.ndjson")));
  return lines;
}

// The pretty-printed objects of pretty-multi.txt (separated by blank lines).
std::vector<std::string> pretty_objects(const std::string& all) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p < all.size()) {
    size_t sep = all.find("\n\n", p);
    if (sep == std::string::npos) sep = all.size();
    std::string chunk = all.substr(p, sep - p);
    while (!chunk.empty() && (chunk.back() == '\n' || chunk.back() == ' ')) chunk.pop_back();
    if (!chunk.empty()) out.push_back(chunk);
    p = sep + 2;
  }
  return out;
}

// Reference compaction: drop JSON whitespace outside strings.
std::string compact(std::string_view s) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < s.size()) {
        out.push_back(s[++i]);
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out.push_back(c);
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

std::string_view slice(std::string_view text, Span s) { return text.substr(s.offset, s.length); }

std::string text_of(const JsonDoc& d, const char* key) {
  uint32_t n = d.member(0, key);
  if (n == kNoNode) return "<absent>";
  return std::string(d.text(d.nodes[n]));
}

// Every node of every parsed event maps back to bytes of the paste whose
// compact form is the node's bytes in the message.
void check_node_spans_map_back(std::string_view pasted, const Event& ev) {
  REQUIRE(ev.json);
  for (const JsonNode& n : ev.json->nodes) {
    Span src = ev.source_span(n.span);
    REQUIRE(src.end() <= pasted.size());
    CHECK(compact(slice(pasted, src)) == slice(ev.message, n.span));
  }
}

struct EventExpect {
  std::string message;
  bool json;
  std::string error_code;  // empty: no error
};

void check_events(const SplitResult& r, const std::vector<EventExpect>& want) {
  REQUIRE(r.events.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    const Event& ev = r.events[i];
    CHECK(ev.message == want[i].message);
    CHECK(ev.json.has_value() == want[i].json);
    CHECK((ev.error ? ev.error->code : std::string()) == want[i].error_code);
  }
}

}  // namespace

TEST_CASE("input_format_name", "[events]") {
  CHECK(std::string(input_format_name(InputFormat::Empty)) == "empty");
  CHECK(std::string(input_format_name(InputFormat::JsonObjects)) == "json-objects");
  CHECK(std::string(input_format_name(InputFormat::JsonArray)) == "json-array");
  CHECK(std::string(input_format_name(InputFormat::CloudTrailRecords)) == "cloudtrail-records");
  CHECK(std::string(input_format_name(InputFormat::Lines)) == "lines");
}

TEST_CASE("split_events recognises the input format", "[events]") {
  struct Row {
    std::string pasted;
    InputFormat format;
    size_t events;
  };
  const std::vector<Row> rows = {
      {"", InputFormat::Empty, 0},
      {" \n\t\r\n ", InputFormat::Empty, 0},
      {"\xEF\xBB\xBF", InputFormat::Empty, 0},
      {"\xEF\xBB\xBF \n", InputFormat::Empty, 0},
      {"{\"a\":1}", InputFormat::JsonObjects, 1},
      {"\xEF\xBB\xBF\n  {\"a\":1}\n", InputFormat::JsonObjects, 1},
      {"{\"a\":1}\n{\"a\":2}\n", InputFormat::JsonObjects, 2},
      {"{\"Records\":[{\"a\":1},{\"a\":2}]}", InputFormat::CloudTrailRecords, 2},
      {"{\"Records\":[]}", InputFormat::CloudTrailRecords, 0},
      {"{\"Records\":{\"a\":1}}", InputFormat::JsonObjects, 1},
      {"{\"Records\":[{\"a\":1}]}\n{\"Records\":[{\"a\":2}]}", InputFormat::JsonObjects, 2},
      {"[{\"a\":1},{\"a\":2}]", InputFormat::JsonArray, 2},
      {"[]", InputFormat::JsonArray, 0},
      {" [\"x\", \"y\", \"z\"] ", InputFormat::JsonArray, 3},
      {"[ERROR] disk full\n[INFO] ok", InputFormat::Lines, 2},
      {"[1, 2", InputFormat::Lines, 1},
      {"[1] [2]", InputFormat::Lines, 1},
      {"plain text", InputFormat::Lines, 1},
      {"127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326", InputFormat::Lines, 1},
      {"\"quoted\"", InputFormat::Lines, 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pasted);
    SplitResult r = split_events(row.pasted);
    CHECK(r.format == row.format);
    CHECK(r.events.size() == row.events);
  }
}

TEST_CASE("the corpus as JSON Lines: one event per line, byte-exact", "[events][corpus]") {
  const std::string all = read_file(corpus_path("cloudtrail-docs.ndjson"));
  const std::vector<std::string>& lines = ndjson_lines();
  SplitResult r = split_events(all);
  CHECK(r.format == InputFormat::JsonObjects);
  REQUIRE(r.events.size() == 569);
  REQUIRE(lines.size() == 569);
  size_t offset = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i);
    const Event& ev = r.events[i];
    CHECK(ev.message == lines[i]);
    CHECK(!ev.error);
    REQUIRE(ev.json);
    CHECK(ev.offset_map.empty());
    CHECK(ev.span == Span{static_cast<uint32_t>(offset), static_cast<uint32_t>(lines[i].size())});
    CHECK(ev.source_offset(10) == offset + 10);
    offset += lines[i].size() + 1;
  }
  check_node_spans_map_back(all, r.events[0]);
  check_node_spans_map_back(all, r.events[568]);
}

TEST_CASE("pretty-printed objects pasted one after another compact to the ndjson bytes", "[events][corpus]") {
  const std::string pretty = read_file(corpus_path("pretty-multi.txt"));
  const std::vector<std::string>& lines = ndjson_lines();
  SplitResult r = split_events(pretty);
  CHECK(r.format == InputFormat::JsonObjects);
  REQUIRE(r.events.size() == 50);
  for (size_t i = 0; i < 50; ++i) {
    CAPTURE(i);
    const Event& ev = r.events[i];
    CHECK(ev.message == lines[i]);
    CHECK(!ev.error);
    REQUIRE(ev.json);
    CHECK(pretty[ev.span.offset] == '{');
    CHECK(pretty[ev.span.end() - 1] == '}');
    CHECK(ev.source_offset(0) == ev.span.offset);
    CHECK(ev.source_offset(static_cast<uint32_t>(ev.message.size())) == ev.span.end());
    check_node_spans_map_back(pretty, ev);
  }
  // The eventName value of the first event maps to "ConsoleLogin" in the paste.
  const Event& first = r.events[0];
  uint32_t name = first.json->member(0, "eventName");
  REQUIRE(name != kNoNode);
  Span src = first.source_span(first.json->nodes[name].span);
  CHECK(slice(pretty, src) == "\"ConsoleLogin\"");
  CHECK(src.offset == pretty.find("\"ConsoleLogin\""));
  // A key's first byte: message offsets inside a string map 1:1.
  uint32_t agent = first.json->member(0, "userAgent");
  Span agent_src = first.source_span(first.json->nodes[agent].span);
  CHECK(slice(pretty, agent_src).substr(0, 12) == "\"Mozilla/5.0");
}

TEST_CASE("CRLF pretty objects and a Records wrapper keep the compact bytes", "[events][corpus]") {
  const std::vector<std::string>& lines = ndjson_lines();
  std::string pretty = read_file(corpus_path("pretty-multi.txt"));
  std::vector<std::string> objects = pretty_objects(pretty);
  REQUIRE(objects.size() == 50);

  SECTION("CRLF line endings") {
    std::string crlf;
    for (char c : pretty) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    SplitResult r = split_events(crlf);
    REQUIRE(r.events.size() == 50);
    for (size_t i = 0; i < 50; ++i) CHECK(r.events[i].message == lines[i]);
  }
  SECTION("{\"Records\": [...]} pretty") {
    std::string wrapped = "{\n  \"Records\": [\n";
    for (size_t i = 0; i < 5; ++i) wrapped += objects[i] + (i + 1 < 5 ? ",\n" : "\n");
    wrapped += "  ]\n}\n";
    SplitResult r = split_events(wrapped);
    CHECK(r.format == InputFormat::CloudTrailRecords);
    REQUIRE(r.events.size() == 5);
    for (size_t i = 0; i < 5; ++i) {
      CHECK(r.events[i].message == lines[i]);
      CHECK(!r.events[i].error);
      REQUIRE(r.events[i].json);
      check_node_spans_map_back(wrapped, r.events[i]);
    }
  }
  SECTION("compact Records with other members; the last Records wins") {
    std::string wrapped = "{\"Records\":[" + lines[7] + "],\"Other\":[1],\"Records\":[" + lines[3] + "," + lines[4] +
                          "],\"After\":{\"Records\":[]}}";
    SplitResult r = split_events(wrapped);
    CHECK(r.format == InputFormat::CloudTrailRecords);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].message == lines[3]);
    CHECK(r.events[1].message == lines[4]);
    CHECK(r.events[0].span.offset == wrapped.find(lines[3]));
  }
  SECTION("indent 0 (json.dumps(indent=0)): array elements start at column 0") {
    std::string flat;
    bool line_start = true;
    for (char c : pretty) {
      if (line_start && c == ' ') continue;
      line_start = c == '\n';
      flat += c;
    }
    REQUIRE(flat.find("[\n{") != std::string::npos);
    SplitResult r = split_events(flat);
    REQUIRE(r.events.size() == 50);
    for (size_t i = 0; i < 50; ++i) {
      CHECK(r.events[i].message == lines[i]);
      CHECK(!r.events[i].error);
    }
  }
  SECTION("a Records member that ends up not an array is one ordinary object") {
    std::string wrapped = "{\"Records\":[" + lines[0] + "],\"Records\":null}";
    SplitResult r = split_events(wrapped);
    CHECK(r.format == InputFormat::JsonObjects);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].message == wrapped);
  }
  SECTION("a JSON array of pretty objects") {
    std::string array = "[\n";
    for (size_t i = 0; i < 3; ++i) array += objects[i] + (i + 1 < 3 ? ",\n" : "\n");
    array += "]";
    SplitResult r = split_events(array);
    CHECK(r.format == InputFormat::JsonArray);
    REQUIRE(r.events.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
      CHECK(r.events[i].message == lines[i]);
      check_node_spans_map_back(array, r.events[i]);
    }
  }
}

TEST_CASE("JSON arrays: objects, strings (logEventMessages) and other values", "[events]") {
  const std::string pasted =
      "[\n  \"ERROR disk full\",\n  \"{\\\"a\\\": 1}\",\n  {\"b\" : [1, 2.50]},\n"
      "  \"tab\\there \\u00e9\",\n  42,\n  [1, [2 ,3]],\n  null,\n  \"{broken\"\n]";
  SplitResult r = split_events(pasted);
  CHECK(r.format == InputFormat::JsonArray);
  check_events(r, {
                      {"ERROR disk full", false, ""},
                      {"{\"a\": 1}", true, ""},
                      {"{\"b\":[1,2.50]}", true, ""},
                      {"tab\there \xC3\xA9", false, ""},
                      {"42", false, ""},
                      {"[1,[2,3]]", false, ""},
                      {"null", false, ""},
                      {"{broken", false, ""},  // a string message is just text, as in TestMetricFilter
                  });
  // Spans are the elements' bytes in the paste.
  const char* spans[] = {"\"ERROR disk full\"",
                         "\"{\\\"a\\\": 1}\"",
                         "{\"b\" : [1, 2.50]}",
                         "\"tab\\there \\u00e9\"",
                         "42",
                         "[1, [2 ,3]]",
                         "null",
                         "\"{broken\""};
  for (size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(slice(pasted, r.events[i].span) == spans[i]);
  }
  // String elements map approximately: content start + m, clamped to the element.
  const Event& s0 = r.events[0];
  CHECK(s0.source_offset(0) == s0.span.offset + 1);
  CHECK(s0.source_offset(6) == pasted.find("disk"));
  CHECK(s0.source_offset(100000) == s0.span.end());
  CHECK(text_of(*r.events[1].json, "a") == "1");
  check_node_spans_map_back(pasted, r.events[2]);
}

TEST_CASE("JSON Lines with a broken line: the others still come out", "[events]") {
  struct Row {
    std::string name;
    std::string pasted;
    std::vector<EventExpect> events;
    size_t broken;        // index of the broken event
    std::string at;       // the paste from the error position on starts with this
    std::string message;  // the error message
  };
  const std::vector<Row> rows = {
      {"trailing comma",
       "{\"a\":1}\n{\"b\":2,}\n{\"c\":3}\n",
       {{"{\"a\":1}", true, ""}, {"{\"b\":2,}", false, "invalid-json"}, {"{\"c\":3}", true, ""}},
       1,
       "}\n{\"c\"",
       "Invalid JSON at line 2, column 8: expected a member name in double quotes."},
      {"missing closing brace",
       "{\"a\":1}\n{\"b\":2\n{\"c\":3}",
       {{"{\"a\":1}", true, ""}, {"{\"b\":2", false, "invalid-json"}, {"{\"c\":3}", true, ""}},
       1,
       "\n{\"c\"",
       "Invalid JSON at line 2, column 7: missing a comma or '}' after an object member."},
      {"unterminated string",
       "{\"a\":1}\n{\"b\":\"x}\n{\"c\":3}",
       {{"{\"a\":1}", true, ""}, {"{\"b\":\"x}", false, "invalid-json"}, {"{\"c\":3}", true, ""}},
       1,
       "\n{\"c\"",
       "Invalid JSON at line 2, column 9: a string is missing its closing double quote."},
      {"missing comma with spaces (compacted message, error mapped back)",
       "{\"a\": 1}\n{\"b\": 2   \"c\": 3}\n{\"d\": 4}",
       {{"{\"a\":1}", true, ""}, {"{\"b\":2\"c\":3}", false, "invalid-json"}, {"{\"d\":4}", true, ""}},
       1,
       "\"c\": 3}",
       "Invalid JSON at line 2, column 11: missing a comma or '}' after an object member."},
      {"whitespace inside a number (compaction would hide it)",
       "{\"a\":1}\n{\"b\": 1 2}\n{\"c\":3}",
       {{"{\"a\":1}", true, ""}, {"{\"b\":12}", false, "invalid-json"}, {"{\"c\":3}", true, ""}},
       1,
       "2}",
       "Invalid JSON at line 2, column 9: missing a comma or '}' after an object member."},
      {"split literal",
       "{\"b\": tr ue}\n{\"c\":3}",
       {{"{\"b\":true}", false, "invalid-json"}, {"{\"c\":3}", true, ""}},
       0,
       "tr ue}",
       "Invalid JSON at line 1, column 7: expected a value here (an object, array, string, number, true, false or "
       "null)."},
      {"extra closing brace leaves junk",
       "{\"a\":1}}\n{\"c\":3}",
       {{"{\"a\":1}", true, ""}, {"}", false, "expected-json-object"}, {"{\"c\":3}", true, ""}},
       1,
       "}\n{\"c\"",
       "Expected a JSON object here (the events above are JSON); found '}'"},
      {"broken line ending in a comma takes the next line with it",
       "{\"a\":1}\n{\"b\":2,\n{\"c\":3}\n{\"d\":4}",
       {{"{\"a\":1}", true, ""}, {"{\"b\":2,{\"c\":3}", false, "invalid-json"}, {"{\"d\":4}", true, ""}},
       1,
       "{\"c\"",
       "Invalid JSON at line 3, column 1: expected a member name in double quotes."},
      {"unterminated string ending in a comma still ends at the next object line",
       "{\"a\":\"x,\n{\"c\":3}",
       {{"{\"a\":\"x,", false, "invalid-json"}, {"{\"c\":3}", true, ""}},
       0,
       "\n{",
       "Invalid JSON at line 1, column 9: a string is missing its closing double quote."},
      {"broken last line",
       "{\"a\":1}\n{\"b\":[1,2}",
       {{"{\"a\":1}", true, ""}, {"{\"b\":[1,2}", false, "invalid-json"}},
       1,
       "}",
       "Invalid JSON at line 2, column 10: missing a comma or ']' after an array element."},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    SplitResult r = split_events(row.pasted);
    CHECK(r.format == InputFormat::JsonObjects);
    check_events(r, row.events);
    REQUIRE(r.events.size() > row.broken);
    const Event& bad = r.events[row.broken];
    REQUIRE(bad.error);
    CHECK(bad.error->message == row.message);
    CHECK(std::string_view(row.pasted).substr(bad.error->span.offset).substr(0, row.at.size()) == row.at);
    CHECK(bad.error->span.end() <= row.pasted.size());
    CHECK(!bad.json);
  }
}

TEST_CASE("concatenated pretty objects with a fault in the middle", "[events][corpus]") {
  const std::vector<std::string>& lines = ndjson_lines();
  const std::string pretty = read_file(corpus_path("pretty-multi.txt"));
  std::vector<std::string> objects = pretty_objects(pretty);
  REQUIRE(objects.size() == 50);

  auto join = [&](const std::vector<std::string>& objs, const std::string& sep) {
    std::string s;
    for (size_t i = 0; i < objs.size(); ++i) s += objs[i] + (i + 1 < objs.size() ? sep : "\n");
    return s;
  };
  auto check_others = [&](const SplitResult& r, size_t bad) {
    for (size_t i = 0; i < r.events.size(); ++i) {
      if (i == bad) continue;
      CAPTURE(i);
      CHECK(!r.events[i].error);
      CHECK(r.events[i].message == lines[i]);
    }
  };

  SECTION("missing final brace of object 10") {
    std::vector<std::string> objs = objects;
    REQUIRE(objs[10].back() == '}');
    objs[10].pop_back();
    while (objs[10].back() == '\n' || objs[10].back() == ' ') objs[10].pop_back();
    std::string pasted = join(objs, "\n\n");
    SplitResult r = split_events(pasted);
    REQUIRE(r.events.size() == 50);
    check_others(r, 10);
    const Event& bad = r.events[10];
    REQUIRE(bad.error);
    CHECK(bad.error->code == "invalid-json");
    CHECK(bad.error->message.find("missing a comma or '}' after an object member.") != std::string::npos);
    // The error points right after the last byte of the broken object.
    size_t start = pasted.find(objs[10]);
    CHECK(bad.span.offset == start);
    CHECK(bad.error->span.offset == start + objs[10].size());
  }
  SECTION("missing comma between two members of object 20, pretty, separated by a blank line") {
    std::vector<std::string> objs = objects;
    size_t comma = objs[20].find(",\n    \"awsRegion\"");
    REQUIRE(comma != std::string::npos);
    objs[20].erase(comma, 1);
    std::string pasted = join(objs, "\n\n");
    SplitResult r = split_events(pasted);
    REQUIRE(r.events.size() == 50);
    check_others(r, 20);
    const Event& bad = r.events[20];
    REQUIRE(bad.error);
    size_t at = pasted.find(objs[20]) + comma + 5;  // "\n    " then "awsRegion"
    CHECK(bad.error->span == Span{static_cast<uint32_t>(at), 1});
    CHECK(pasted.substr(at, 11) == "\"awsRegion\"");
    // Line and column are those of the paste, not of the one-line message.
    size_t line = 1 + std::count(pasted.begin(), pasted.begin() + at, '\n');
    CHECK(bad.error->message == "Invalid JSON at line " + std::to_string(line) +
                                    ", column 5: missing a comma or '}' after an object member.");
  }
  SECTION("missing opening brace of an inner object, no blank lines between objects") {
    std::vector<std::string> objs = objects;
    size_t brace = objs[5].find("\"userIdentity\": {");
    REQUIRE(brace != std::string::npos);
    objs[5].erase(brace + 16, 1);
    std::string pasted = join(objs, "\n");
    SplitResult r = split_events(pasted);
    // The stray '}' ends object 5 early; the rest of it is text that is not an object.
    REQUIRE(r.events.size() == 51);
    CHECK(r.events[5].error);
    CHECK(r.events[6].error);
    for (size_t i = 7; i < 51; ++i) CHECK(r.events[i].message == lines[i - 1]);
    for (size_t i = 0; i < 5; ++i) CHECK(r.events[i].message == lines[i]);
  }
  SECTION("junk text between objects") {
    std::string pasted;
    for (size_t i = 0; i < 4; ++i) {
      if (i > 0) pasted += "Event " + std::to_string(i + 1) + ":\n";
      pasted += objects[i] + "\n\n";
    }
    SplitResult r = split_events(pasted);
    CHECK(r.format == InputFormat::JsonObjects);
    REQUIRE(r.events.size() == 7);
    for (size_t i = 0; i < 4; ++i) {
      CHECK(r.events[2 * i].message == lines[i]);
      CHECK(!r.events[2 * i].error);
    }
    for (size_t i = 1; i < 4; ++i) {
      const Event& junk = r.events[2 * i - 1];
      std::string label = "Event " + std::to_string(i + 1) + ":";
      CHECK(junk.message == label);
      REQUIRE(junk.error);
      CHECK(junk.error->code == "expected-json-object");
      CHECK(junk.error->message == "Expected a JSON object here (the events above are JSON); found '" + label + "'");
      CHECK(slice(pasted, junk.error->span) == label);
    }
  }
  SECTION("indented objects recover at the same indentation") {
    std::string pasted = "  {\"a\": 1,\n    \"b\": {\"x\": 2}\n  {\"c\": 3}\n  {\"d\": [\n      {\"e\": 4}\n  ]}\n";
    SplitResult r = split_events(pasted);
    check_events(r, {{"{\"a\":1,\"b\":{\"x\":2}", false, "invalid-json"},
                     {"{\"c\":3}", true, ""},
                     {"{\"d\":[{\"e\":4}]}", true, ""}});
  }
  SECTION("commas between objects (copied out of an array)") {
    SplitResult r = split_events("{\"a\":1},\n{\"b\":2} , {\"c\":3}");
    check_events(r, {{"{\"a\":1}", true, ""}, {"{\"b\":2}", true, ""}, {"{\"c\":3}", true, ""}});
  }
  SECTION("long junk is quoted shortened") {
    std::string junk(100, 'x');
    SplitResult r = split_events("{\"a\":1}\n" + junk + "\n{\"b\":2}");
    REQUIRE(r.events.size() == 3);
    REQUIRE(r.events[1].error);
    CHECK(r.events[1].error->message ==
          "Expected a JSON object here (the events above are JSON); found '" + std::string(60, 'x') + "...'");
  }
}

TEST_CASE("plain lines", "[events]") {
  const std::string pasted = "ERROR a b\r\nWARN c\r\n\r\n   \t\r\n  indented line  \n\n{\"a\": 1}\n{\"a\":}\r\nlast";
  SplitResult r = split_events(pasted);
  CHECK(r.format == InputFormat::Lines);
  check_events(r, {{"ERROR a b", false, ""},
                   {"WARN c", false, ""},
                   {"  indented line  ", false, ""},
                   {"{\"a\": 1}", true, ""},  // kept as is: CloudWatch receives the line
                   {"{\"a\":}", false, "invalid-json"},
                   {"last", false, ""}});
  for (const Event& ev : r.events) CHECK(slice(pasted, ev.span) == ev.message);
  CHECK(r.events[1].span.offset == 11);
  const Event& bad = r.events[4];
  CHECK(bad.error->message ==
        "Invalid JSON at line 8, column 6: expected a value here (an object, array, string, number, true, false or "
        "null).");
  CHECK(bad.error->span == Span{static_cast<uint32_t>(pasted.find("}\r\nlast")), 1});
  // A JSON line's nodes are offsets in the message = the line.
  const Event& good = r.events[3];
  uint32_t a = good.json->member(0, "a");
  CHECK(good.source_offset(good.json->nodes[a].span.offset) == pasted.find("1}\n"));

  SECTION("a line that is a JSON array is text, no error") {
    SplitResult s = split_events("x\n[1,2]\n  {\"k\":\"v\"}");
    check_events(s, {{"x", false, ""}, {"[1,2]", false, ""}, {"  {\"k\":\"v\"}", true, ""}});
  }
  SECTION("a bracketed log that is not a JSON array falls back to lines") {
    SplitResult s = split_events("[ERROR] x\n[WARN] {\"a\":1}\n{\"b\":2");
    CHECK(s.format == InputFormat::Lines);
    check_events(s, {{"[ERROR] x", false, ""}, {"[WARN] {\"a\":1}", false, ""}, {"{\"b\":2", false, "invalid-json"}});
  }
}

TEST_CASE("duplicate keys: the last one wins in events", "[events]") {
  SplitResult r = split_events("{\"v\":1, \"v\":2}\n{\"v\":\"x\",\"w\":0,\"v\":\"y\"}");
  REQUIRE(r.events.size() == 2);
  CHECK(text_of(*r.events[0].json, "v") == "2");
  CHECK(text_of(*r.events[1].json, "v") == "y");
  Event ev = event_from_message("{\"v\":1,\"v\":2}");
  CHECK(text_of(*ev.json, "v") == "2");
}

TEST_CASE("deep nesting in a paste is an error, not a crash", "[events][limits]") {
  SECTION("100,000 brackets as a paste") {
    std::string pasted(100000, '[');
    auto t0 = std::chrono::steady_clock::now();
    SplitResult r = split_events(pasted);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
    CHECK(r.format == InputFormat::Lines);  // not a valid array: one text line
    REQUIRE(r.events.size() == 1);
    CHECK(!r.events[0].json);
  }
  SECTION("an object holding 100,000 brackets") {
    std::string pasted = "{\"ok\":1}\n{\"a\":" + std::string(100000, '[') + "1\n{\"ok\":2}";
    SplitResult r = split_events(pasted);
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].json);
    CHECK(r.events[2].json);
    REQUIRE(r.events[1].error);
    CHECK(r.events[1].error->code == "json-too-deep");
    CHECK(r.events[1].error->span.offset == 9 + 5 + kMaxJsonDepth - 1);
  }
  SECTION("exactly the limit inside an array paste is fine") {
    std::string deep = std::string(kMaxJsonDepth - 1, '[') + std::string(kMaxJsonDepth - 1, ']');
    SplitResult r = split_events("[{\"a\":" + deep + "}]");
    CHECK(r.format == InputFormat::JsonArray);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].json);
    CHECK(!r.events[0].error);
  }
}

TEST_CASE("an event over 1 MB is an error, its neighbours are fine", "[events][limits]") {
  std::string big = "{\"big\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}";
  std::string pasted = "{\"a\":1}\n" + big + "\n{\"b\":2}\n";
  SplitResult r = split_events(pasted);
  REQUIRE(r.events.size() == 3);
  CHECK(r.events[0].json);
  CHECK(r.events[2].json);
  const Event& ev = r.events[1];
  REQUIRE(ev.error);
  CHECK(ev.error->code == "event-too-large");
  CHECK(ev.error->message ==
        "This event is 2,097,162 bytes; CloudWatch accepts log events up to 1 MB (1,048,576 bytes).");
  CHECK(ev.error->span == ev.span);
  CHECK(!ev.json);

  SECTION("as a plain line") {
    SplitResult s = split_events("x\n" + std::string(kMaxEventBytes + 1, 'y') + "\nz");
    REQUIRE(s.events.size() == 3);
    CHECK(s.events[1].error->code == "event-too-large");
    CHECK(!s.events[0].error);
    CHECK(!s.events[2].error);
  }
  SECTION("exactly 1 MB is accepted") {
    std::string exact = "{\"k\":\"" + std::string(kMaxEventBytes - 8, 'x') + "\"}";
    REQUIRE(exact.size() == kMaxEventBytes);
    SplitResult s = split_events(exact);
    REQUIRE(s.events.size() == 1);
    CHECK(!s.events[0].error);
    CHECK(s.events[0].json);
  }
  SECTION("event_from_message") {
    Event e = event_from_message(big);
    REQUIRE(e.error);
    CHECK(e.error->code == "event-too-large");
  }
}

TEST_CASE("more events than kMaxEventsPerPaste: the rest is reported, not read", "[events][limits]") {
  std::string pasted;
  pasted.reserve((kMaxEventsPerPaste + 5) * 3);
  for (uint32_t i = 0; i < kMaxEventsPerPaste + 5; ++i) pasted += "e\n";
  SplitResult r = split_events(pasted);
  REQUIRE(r.events.size() == kMaxEventsPerPaste + 1);
  CHECK(!r.events[kMaxEventsPerPaste - 1].error);
  const Event& last = r.events.back();
  REQUIRE(last.error);
  CHECK(last.error->code == "too-many-events");
  CHECK(last.error->message ==
        "cwlf reads at most 100,000 events from one paste; the rest, from line 100,001 on, was not read.");
  CHECK(last.span.offset == 2 * kMaxEventsPerPaste);
  CHECK(last.span.end() == pasted.size());

  std::string objects;
  for (uint32_t i = 0; i < kMaxEventsPerPaste + 2; ++i) objects += "{}";
  SplitResult o = split_events(objects);
  REQUIRE(o.events.size() == kMaxEventsPerPaste + 1);
  CHECK(o.events.back().error->code == "too-many-events");
}

TEST_CASE("event_from_message takes the message as is", "[events]") {
  struct Row {
    std::string message;
    bool json;
  };
  const std::vector<Row> rows = {
      {"{\"a\": 1}", true}, {"  {\"a\":1}\n", true}, {"{broken", false}, {"[1,2]", false}, {"ERROR something", false},
      {"", false},          {"{} {}", false},        {"\"{}\"", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.message);
    Event ev = event_from_message(row.message);
    CHECK(ev.message == row.message);
    CHECK(ev.json.has_value() == row.json);
    CHECK(!ev.error);
    CHECK(ev.span == Span{0, static_cast<uint32_t>(row.message.size())});
    CHECK(ev.source_offset(3) == std::min<uint32_t>(3, row.message.size()));
  }
  Event ev = event_from_message("  {\"a\": \"b\"}");
  REQUIRE(ev.json);
  CHECK(slice(ev.message, ev.json->nodes[1].span) == "\"b\"");
}

TEST_CASE("source_offset and source_span follow the offset map", "[events]") {
  Event ev;
  ev.span = Span{100, 30};
  // message "{"a":1}" from source "{ "a" :  1 }" at 100 with shifts
  ev.offset_map = {{0, 100}, {1, 102}, {4, 106}, {5, 109}, {6, 111}};
  struct Row {
    uint32_t m, src;
  };
  const Row rows[] = {{0, 100}, {1, 102}, {3, 104}, {4, 106}, {5, 109}, {6, 111}, {7, 112}, {1000, 130}};
  for (const Row& row : rows) {
    CAPTURE(row.m);
    CHECK(ev.source_offset(row.m) == row.src);
  }
  CHECK(ev.source_span(Span{1, 3}) == Span{102, 3});   // "a" keeps its length
  CHECK(ev.source_span(Span{0, 7}) == Span{100, 12});  // whole object, not past its '}'
  CHECK(ev.source_span(Span{5, 0}) == Span{109, 0});
  CHECK(ev.source_span(Span{4, 1}) == Span{106, 1});

  Event plain;
  plain.span = Span{7, 5};
  CHECK(plain.source_offset(2) == 9);
  CHECK(plain.source_span(Span{1, 3}) == Span{8, 3});
}

TEST_CASE("split_events survives random input", "[events][fuzz]") {
  std::mt19937 rng(1234567);
  const std::vector<std::string> pieces = {"{",
                                           "}",
                                           "[",
                                           "]",
                                           "\"",
                                           ":",
                                           ",",
                                           "\\",
                                           " ",
                                           "\n",
                                           "\r\n",
                                           "\t",
                                           "a",
                                           "1",
                                           "-",
                                           ".",
                                           "e",
                                           "true",
                                           "null",
                                           "\"k\":",
                                           "{\"a\":1}",
                                           "\n{",
                                           "\n  {",
                                           "[ERROR]",
                                           "\xEF\xBB\xBF",
                                           "\xC3\xA9",
                                           "\xFF",
                                           std::string(1, '\0'),
                                           "\"\\u0000\"",
                                           "{\"Records\":[",
                                           "Event 2:\n"};
  size_t with_json = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    size_t parts = rng() % 40;
    bool raw = i % 5 == 0;
    for (size_t k = 0; k < parts; ++k) {
      if (raw) {
        s.push_back(static_cast<char>(rng() & 0xFF));
      } else {
        s += pieces[rng() % pieces.size()];
      }
    }
    if (i % 3 == 0) s = "{" + s;
    if (i % 11 == 0) s = "[" + s;
    SplitResult r = split_events(s);
    CHECK((r.format == InputFormat::Empty) == r.events.empty());
    uint32_t prev = 0;
    for (const Event& ev : r.events) {
      REQUIRE(ev.span.end() <= s.size());
      CHECK(ev.span.offset >= prev);
      prev = ev.span.offset;
      if (ev.error) {
        CHECK(ev.error->span.end() <= s.size());
        CHECK(!ev.error->message.empty());
        CHECK(!ev.json);
      }
      for (uint32_t m = 0; m <= ev.message.size(); ++m) {
        uint32_t src = ev.source_offset(m);
        CHECK(src >= ev.span.offset);
        CHECK(src <= ev.span.end());
      }
      if (ev.json) {
        ++with_json;
        for (const JsonNode& n : ev.json->nodes) {
          REQUIRE(n.span.end() <= ev.message.size());
          Span src = ev.source_span(n.span);
          CHECK(src.end() <= s.size());
        }
      }
    }
  }
  CHECK(with_json > 0);
}
