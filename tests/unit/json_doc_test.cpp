// parse_json: the flat JsonDoc, its spans, duplicate keys, errors and limits.
#include "json_doc.h"

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

std::vector<std::string> corpus_lines() {
  std::string all = read_file(std::string(CWLF_TEST_DATA) + "/corpus/cloudtrail-docs.ndjson");
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

std::string_view span_text(std::string_view text, Span s) { return text.substr(s.offset, s.length); }

// Structural invariants every successfully parsed document must satisfy.
void check_tree(std::string_view text, const JsonDoc& doc) {
  REQUIRE(!doc.nodes.empty());
  CHECK(doc.nodes[0].parent == kNoNode);
  for (uint32_t i = 0; i < doc.nodes.size(); ++i) {
    const JsonNode& n = doc.nodes[i];
    REQUIRE(n.span.end() <= text.size());
    std::string_view s = span_text(text, n.span);
    REQUIRE(!s.empty());
    switch (n.type) {
      case JsonType::Object:
        CHECK(s.front() == '{');
        CHECK(s.back() == '}');
        break;
      case JsonType::Array:
        CHECK(s.front() == '[');
        CHECK(s.back() == ']');
        break;
      case JsonType::String:
        CHECK(s.front() == '"');
        CHECK(s.back() == '"');
        break;
      case JsonType::Number:
        CHECK(s == doc.text(n));
        break;
      case JsonType::Null:
        CHECK(s == "null");
        break;
      case JsonType::True:
        CHECK(s == "true");
        break;
      case JsonType::False:
        CHECK(s == "false");
        break;
    }
    // Children: in document order, inside the parent's span, counted.
    uint32_t count = 0;
    uint32_t prev_end = n.span.offset;
    uint32_t expected_next = i + 1;
    for (uint32_t c = n.first_child; c != kNoNode; c = doc.nodes[c].next_sibling) {
      REQUIRE(c < doc.nodes.size());
      CHECK(doc.nodes[c].parent == i);
      CHECK(doc.nodes[c].span.offset > prev_end);
      CHECK(c == expected_next);  // pre-order: first child right after its parent, then subtrees
      prev_end = doc.nodes[c].span.end();
      ++count;
      // next node in pre-order after c's subtree
      uint32_t last = c;
      while (last + 1 < doc.nodes.size() && doc.nodes[last + 1].parent != kNoNode &&
             doc.nodes[last + 1].span.offset < doc.nodes[c].span.end())
        ++last;
      expected_next = last + 1;
    }
    CHECK(count == n.child_count);
    if (n.first_child != kNoNode) CHECK(prev_end < n.span.end());
  }
}

}  // namespace

TEST_CASE("parse_json builds nodes with spans, keys and texts", "[json]") {
  const std::string text = " {\"a\": 1.0, \"b\":\"x\\\"y\", \"c\":[true,false,null], \"d\":{}, \"e\": -0e+5} \n";
  JsonParseResult r = parse_json(text);
  REQUIRE(!r.error);
  const JsonDoc& d = r.doc;
  check_tree(text, d);
  REQUIRE(d.nodes.size() == 9);

  struct Row {
    JsonType type;
    const char* key;
    const char* span;
    const char* text;
    uint32_t children;
  };
  const Row rows[] = {
      {JsonType::Object, "", "{\"a\": 1.0, \"b\":\"x\\\"y\", \"c\":[true,false,null], \"d\":{}, \"e\": -0e+5}", "", 5},
      {JsonType::Number, "a", "1.0", "1.0", 0},
      {JsonType::String, "b", "\"x\\\"y\"", "x\"y", 0},
      {JsonType::Array, "c", "[true,false,null]", "", 3},
      {JsonType::True, "", "true", "", 0},
      {JsonType::False, "", "false", "", 0},
      {JsonType::Null, "", "null", "", 0},
      {JsonType::Object, "d", "{}", "", 0},
      {JsonType::Number, "e", "-0e+5", "-0e+5", 0},
  };
  // nodes in pre-order: root, a, b, c, c[0], c[1], c[2], d, e
  uint32_t i = 0;
  for (const Row& row : rows) {
    CAPTURE(i);
    const JsonNode& n = d.nodes[i];
    CHECK(n.type == row.type);
    CHECK(d.key(n) == row.key);
    CHECK(span_text(text, n.span) == row.span);
    CHECK(d.text(n) == row.text);
    CHECK(n.child_count == row.children);
    ++i;
  }
  CHECK(d.nodes[4].parent == 3);
  CHECK(d.nodes[3].parent == 0);
  CHECK(d.nodes[0].first_child == 1);
  CHECK(d.nodes[1].next_sibling == 2);
  CHECK(d.nodes[3].next_sibling == 7);
  CHECK(d.nodes[6].next_sibling == kNoNode);
  CHECK(d.nodes[7].first_child == kNoNode);
  CHECK(d.nodes[8].next_sibling == kNoNode);
}

TEST_CASE("parse_json keeps number spellings and decodes strings", "[json]") {
  struct Row {
    std::string json;
    JsonType type;
    std::string text;
  };
  const std::vector<Row> rows = {
      {"1", JsonType::Number, "1"},
      {"1.0", JsonType::Number, "1.0"},
      {"1e0", JsonType::Number, "1e0"},
      {"1E+00", JsonType::Number, "1E+00"},
      {"-0.000", JsonType::Number, "-0.000"},
      {"123456789012345678901234567890", JsonType::Number, "123456789012345678901234567890"},
      {"1.5e-400", JsonType::Number, "1.5e-400"},
      {"\"\"", JsonType::String, ""},
      {"\"a\\u0000b\"", JsonType::String, std::string("a\0b", 3)},
      {"\"\\u00e9\\n\\t\\/\\\\\"", JsonType::String, "\xC3\xA9\n\t/\\"},
      {"\"\\ud83d\\ude00\"", JsonType::String, "\xF0\x9F\x98\x80"},
      {"\"caf\xC3\xA9\"", JsonType::String, "caf\xC3\xA9"},
      {"\"\xFF\xFE raw\"", JsonType::String, "\xFF\xFE raw"},  // invalid UTF-8 passes through
      {"  true\r\n", JsonType::True, ""},
      {"null", JsonType::Null, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.json);
    JsonParseResult r = parse_json(row.json);
    REQUIRE(!r.error);
    REQUIRE(r.doc.nodes.size() == 1);
    CHECK(r.doc.nodes[0].type == row.type);
    CHECK(r.doc.text(r.doc.nodes[0]) == row.text);
    check_tree(row.json, r.doc);
  }
  // Keys are decoded too, \u0000 included.
  JsonParseResult r = parse_json("{\"k\\u0000\\\"\":1}");
  REQUIRE(!r.error);
  CHECK(r.doc.key(r.doc.nodes[1]) == std::string("k\0\"", 3));
  CHECK(r.doc.member(0, std::string("k\0\"", 3)) == 1);
}

TEST_CASE("member: the last duplicate key wins, element indexes arrays", "[json]") {
  JsonParseResult r = parse_json(R"({"v":1,"w":[10,20,30],"v":2,"x":{"v":3}})");
  REQUIRE(!r.error);
  const JsonDoc& d = r.doc;
  uint32_t v = d.member(0, "v");
  REQUIRE(v != kNoNode);
  CHECK(d.text(d.nodes[v]) == "2");
  CHECK(d.member(0, "missing") == kNoNode);
  CHECK(d.member(0, "") == kNoNode);
  uint32_t w = d.member(0, "w");
  REQUIRE(w != kNoNode);
  CHECK(d.member(w, "v") == kNoNode);  // not an object
  CHECK(d.text(d.nodes[d.element(w, 0)]) == "10");
  CHECK(d.text(d.nodes[d.element(w, 2)]) == "30");
  CHECK(d.element(w, 3) == kNoNode);
  CHECK(d.element(0, 0) == kNoNode);  // not an array
  CHECK(d.element(12345, 0) == kNoNode);
  CHECK(d.member(12345, "v") == kNoNode);
  uint32_t x = d.member(0, "x");
  CHECK(d.text(d.nodes[d.member(x, "v")]) == "3");

  JsonParseResult three = parse_json(R"({"a":"first","a":"second","a":"third"})");
  REQUIRE(!three.error);
  CHECK(three.doc.text(three.doc.nodes[three.doc.member(0, "a")]) == "third");
}

TEST_CASE("parse_json reports invalid JSON with a position and a sentence", "[json]") {
  struct Row {
    std::string json;
    uint32_t offset;
    uint32_t length;
    std::string message;
  };
  const std::vector<Row> rows = {
      {"", 0, 0, "Invalid JSON at line 1, column 1: there is no JSON value here, only whitespace."},
      {" \n ", 3, 0, "Invalid JSON at line 2, column 2: there is no JSON value here, only whitespace."},
      {"{\"a\":1 \"b\":2}", 7, 1, "Invalid JSON at line 1, column 8: missing a comma or '}' after an object member."},
      {"{\n    \"a\": 1\n    \"b\": 2\n}", 17, 1,
       "Invalid JSON at line 3, column 5: missing a comma or '}' after an object member."},
      {"[1,2", 4, 0, "Invalid JSON at line 1, column 5: missing a comma or ']' after an array element."},
      {"[1 2]", 3, 1, "Invalid JSON at line 1, column 4: missing a comma or ']' after an array element."},
      {"{} x", 3, 1, "Invalid JSON at line 1, column 4: unexpected text after the end of the JSON value."},
      {"{\"a\":1}}", 7, 1, "Invalid JSON at line 1, column 8: unexpected text after the end of the JSON value."},
      {"1 2", 2, 1, "Invalid JSON at line 1, column 3: unexpected text after the end of the JSON value."},
      {"[1,]", 3, 1,
       "Invalid JSON at line 1, column 4: expected a value here (an object, array, string, number, true, false or "
       "null)."},
      {"{\"a\":1,}", 7, 1, "Invalid JSON at line 1, column 8: expected a member name in double quotes."},
      {"{a:1}", 1, 1, "Invalid JSON at line 1, column 2: expected a member name in double quotes."},
      {"{\"a\" 1}", 5, 1, "Invalid JSON at line 1, column 6: missing a colon after the member name."},
      {"{\"a\":", 5, 0, "Invalid JSON at line 1, column 6: the text ends where a value was expected."},
      {"{\"a\":\"x\ny\"}", 7, 1,
       "Invalid JSON at line 1, column 8: a line break inside a string must be written as \\n (JSON strings cannot "
       "span lines)."},
      {"\"a\tb\"", 2, 1, "Invalid JSON at line 1, column 3: a tab inside a string must be written as \\t."},
      {std::string("\"a\0b\"", 5), 2, 1,
       "Invalid JSON at line 1, column 3: a control character inside a string must be written as a \\u escape."},
      {"\"abc", 4, 0, "Invalid JSON at line 1, column 5: a string is missing its closing double quote."},
      {"[\"\\x\"]", 2, 1,
       "Invalid JSON at line 1, column 3: invalid escape sequence in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r "
       "\\t \\uXXXX)."},
      {"\"\\u12g4\"", 1, 1,
       "Invalid JSON at line 1, column 2: a \\u escape in a string needs four hexadecimal digits."},
      {"\"\\ud83d x\"", 1, 1,
       "Invalid JSON at line 1, column 2: a \\u escape in a string is half of a surrogate pair without its other "
       "half."},
      {"1.", 2, 0, "Invalid JSON at line 1, column 3: a number needs digits after its decimal point."},
      {"1e", 2, 0, "Invalid JSON at line 1, column 3: a number needs digits in its exponent."},
      {"1e400", 0, 1,
       "Invalid JSON at line 1, column 1: this number is too large (beyond 1.8e308, the largest double)."},
      {"tru", 0, 1,
       "Invalid JSON at line 1, column 1: expected a value here (an object, array, string, number, true, false or "
       "null)."},
      {"{\"\xC3\xA9\xC3\xA9\": 1 2}", 11, 1,
       "Invalid JSON at line 1, column 10: missing a comma or '}' after an object member."},  // columns count
                                                                                              // characters
      {"{\"a\": nul}", 6, 1,
       "Invalid JSON at line 1, column 7: expected a value here (an object, array, string, number, true, false or "
       "null)."},
      {"[-x]", 1, 1,
       "Invalid JSON at line 1, column 2: expected a value here (an object, array, string, number, true, false or "
       "null)."},
      {"\xEF\xBB\xBF{}", 0, 1,
       "Invalid JSON at line 1, column 1: expected a value here (an object, array, string, number, true, false or "
       "null)."},
  };
  for (const Row& row : rows) {
    CAPTURE(row.json);
    JsonParseResult r = parse_json(row.json);
    REQUIRE(r.error);
    CHECK(r.error->code == "invalid-json");
    CHECK(r.error->span.offset == row.offset);
    CHECK(r.error->span.length == row.length);
    CHECK(r.error->message == row.message);
    CHECK(r.error->aws_message.empty());
    CHECK(r.error->message == invalid_json_message(line_column(row.json, row.offset), r.error_reason));
    CHECK(r.doc.nodes.empty());
  }
}

TEST_CASE("line_column counts lines and characters", "[json]") {
  const std::string t = "ab\n\xC3\xA9x\n\nz";
  struct Row {
    uint32_t offset, line, column;
  };
  const Row rows[] = {{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {6, 2, 3}, {7, 3, 1}, {8, 4, 1}, {9, 4, 2}};
  for (const Row& row : rows) {
    CAPTURE(row.offset);
    LineColumn lc = line_column(t, row.offset);
    CHECK(lc.line == row.line);
    CHECK(lc.column == row.column);
  }
  CHECK(invalid_json_message(LineColumn{1234, 5}, "x.") == "Invalid JSON at line 1,234, column 5: x.");
}

TEST_CASE("parse_json limits nesting depth without recursion", "[json][limits]") {
  auto nested = [](uint32_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  JsonParseResult ok = parse_json(nested(kMaxJsonDepth));
  REQUIRE(!ok.error);
  CHECK(ok.doc.nodes.size() == kMaxJsonDepth);
  CHECK(ok.doc.nodes.back().parent == kMaxJsonDepth - 2);

  const std::string deep_message =
      "The event nests JSON deeper than 1,000 levels; cwlf stops there (CloudWatch's JSON reader has the same limit)";
  JsonParseResult too = parse_json(nested(kMaxJsonDepth + 1));
  REQUIRE(too.error);
  CHECK(too.error->code == "json-too-deep");
  CHECK(too.error->message == deep_message);
  CHECK(too.error->span == Span{kMaxJsonDepth, 1});

  // Objects count as levels too.
  std::string objects;
  for (uint32_t i = 0; i < kMaxJsonDepth; ++i) objects += "{\"a\":";
  objects += "[1]";
  for (uint32_t i = 0; i < kMaxJsonDepth; ++i) objects += "}";
  JsonParseResult too_obj = parse_json(objects);
  REQUIRE(too_obj.error);
  CHECK(too_obj.error->code == "json-too-deep");
  CHECK(too_obj.error->span.offset == 5 * kMaxJsonDepth);

  auto t0 = std::chrono::steady_clock::now();
  JsonParseResult huge = parse_json(std::string(100000, '['));
  auto elapsed = std::chrono::steady_clock::now() - t0;
  REQUIRE(huge.error);
  CHECK(huge.error->code == "json-too-deep");
  CHECK(huge.error->span == Span{kMaxJsonDepth, 1});
  CHECK(elapsed < std::chrono::seconds(2));

  JsonParseResult huge_closed = parse_json(nested(100000));
  REQUIRE(huge_closed.error);
  CHECK(huge_closed.error->code == "json-too-deep");
}

TEST_CASE("every corpus record parses, with spans that re-parse to the same node", "[json][corpus]") {
  std::vector<std::string> lines = corpus_lines();
  REQUIRE(lines.size() == 569);
  size_t nodes = 0;
  for (size_t li = 0; li < lines.size(); ++li) {
    const std::string& line = lines[li];
    CAPTURE(li);
    JsonParseResult r = parse_json(line);
    REQUIRE(!r.error);
    const JsonDoc& d = r.doc;
    REQUIRE(d.nodes[0].type == JsonType::Object);
    CHECK(d.nodes[0].span == Span{0, static_cast<uint32_t>(line.size())});
    CHECK(d.member(0, "eventVersion") != kNoNode);
    check_tree(line, d);
    nodes += d.nodes.size();
    // Each scalar's span, parsed alone, gives the same type and text.
    for (const JsonNode& n : d.nodes) {
      if (n.type == JsonType::Object || n.type == JsonType::Array) continue;
      JsonParseResult one = parse_json(span_text(line, n.span));
      REQUIRE(!one.error);
      REQUIRE(one.doc.nodes.size() == 1);
      CHECK(one.doc.nodes[0].type == n.type);
      CHECK(one.doc.text(one.doc.nodes[0]) == d.text(n));
    }
  }
  CHECK(nodes > 10000);
}

TEST_CASE("parse_json survives random bytes", "[json][fuzz]") {
  std::mt19937 rng(20240611);
  const std::string alphabet = "{}[]\":,\\ \n\t\r0123456789-+.eEtrufalsn\"ab\\u00e9\xC3\xFF";
  size_t ok = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string s;
    size_t len = rng() % 96;
    bool raw = (i % 4) == 0;
    for (size_t k = 0; k < len; ++k) {
      s.push_back(raw ? static_cast<char>(rng() & 0xFF) : alphabet[rng() % alphabet.size()]);
    }
    if (i % 7 == 0) s = "{\"k\":" + s + "}";
    JsonParseResult r = parse_json(s);
    if (r.error) {
      CHECK(r.error->span.end() <= s.size());
      CHECK(!r.error->message.empty());
      CHECK(r.doc.nodes.empty());
    } else {
      ++ok;
      check_tree(s, r.doc);
    }
  }
  CHECK(ok > 0);
}

TEST_CASE("json doc: string members and the identity type") {
  const JsonDoc doc = parse_json(R"({"a":"x","e":"","n":1,"userIdentity":{"type":"IAMUser"},"o":{"a":"y"}})").doc;
  CHECK(string_value(doc, 0, "a") == std::optional<std::string_view>("x"));
  CHECK(string_value(doc, 0, "e") == std::optional<std::string_view>(""));  // present, empty
  CHECK_FALSE(string_value(doc, 0, "n"));                                    // not a string
  CHECK_FALSE(string_value(doc, 0, "missing"));
  CHECK_FALSE(string_value(doc, kNoNode, "a"));
  CHECK_FALSE(string_value(doc, doc.member(0, "a"), "a"));  // not an object
  CHECK(string_member(doc, doc.member(0, "o"), "a") == "y");
  CHECK(string_member(doc, 0, "e").empty());
  CHECK(string_member(doc, 0, "n").empty());
  CHECK(identity_type(doc) == "IAMUser");
  // The last duplicate key wins, as for every member read.
  CHECK(identity_type(parse_json(R"({"userIdentity":{"type":"Root","type":"AssumedRole"}})").doc) == "AssumedRole");
  for (const char* none : {R"({"userIdentity":{"type":""}})", R"({"userIdentity":{"type":null}})",
                           R"({"userIdentity":"Root"})", R"({"type":"Root"})", R"(["Root"])", R"("Root")"})
    CHECK(identity_type(parse_json(none).doc).empty());
  CHECK(identity_type(JsonDoc{}).empty());
}
