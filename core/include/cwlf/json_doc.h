// A read-only JSON tree with byte spans, built without recursion.
//
// Why not rapidjson::Document: cwlf must (a) keep every number exactly as
// spelled in the event (CloudWatch compares `= 1` against the text "1.0" by
// its spelling), (b) keep the byte span of every value so the page can
// highlight what a selector found, and (c) let the last of duplicate keys win.
// So the tree is built from RapidJSON's iterative SAX reader
// (kParseIterativeFlag | kParseNumbersAsStringsFlag) into a flat vector.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"

namespace cwlf {

enum class JsonType : uint8_t { Null, False, True, Number, String, Array, Object };

constexpr uint32_t kNoNode = UINT32_MAX;

struct JsonNode {
  JsonType type = JsonType::Null;
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;   // arrays: first element; objects: first member's value
  uint32_t next_sibling = kNoNode;  // next element / next member value of the parent
  uint32_t child_count = 0;
  Span span;  // the value's bytes in the parsed text (strings include their quotes)
  Span key;   // object members: the decoded key, as a range of JsonDoc::strings
  Span text;  // String: decoded content; Number: spelling as written; range of JsonDoc::strings
};

struct JsonDoc {
  std::vector<JsonNode> nodes;  // nodes[0] is the root, in document (pre-)order
  std::string strings;          // arena holding decoded keys, strings and number spellings

  std::string_view key(const JsonNode& n) const { return {strings.data() + n.key.offset, n.key.length}; }
  std::string_view text(const JsonNode& n) const { return {strings.data() + n.text.offset, n.text.length}; }

  // The value of member `name` of object node `object`; when the key occurs
  // several times the last one wins (as in CloudWatch). kNoNode if absent or
  // `object` is not an object.
  uint32_t member(uint32_t object, std::string_view name) const;
  // Element `index` of array node `array`; kNoNode if out of range or not an array.
  uint32_t element(uint32_t array, uint32_t index) const;
};

// The value of `object`'s member `name` when it is a string; nullopt when
// there is no such member, it is another kind, or `object` is kNoNode or not
// an object. The view points into doc.strings.
std::optional<std::string_view> string_value(const JsonDoc& doc, uint32_t object, std::string_view name);
// string_value() as a string, "" when absent: for readers to whom an empty
// string and no string mean the same (headlines, summaries).
std::string string_member(const JsonDoc& doc, uint32_t object, std::string_view name);

// A CloudTrail record's `userIdentity.type` (the root an object whose member
// `userIdentity` is an object whose member `type` is a non-empty string);
// "" otherwise. The one reader of the identity type, for every stage that
// groups or explains events by it (alarm chart, radar, lint, explanations,
// exclusions): `"type": ""` counts as no type everywhere (docs/semantics.md).
std::string identity_type(const JsonDoc& doc);

struct JsonParseResult {
  JsonDoc doc;                      // empty when `error` is set
  std::optional<Diagnostic> error;  // span: the byte where parsing failed (offset in `text`)
  // For code "invalid-json": the reason alone ("missing a comma or '}' after
  // an object member."), so a caller that maps the offset into a larger text
  // can rebuild the sentence with its own line and column.
  std::string error_reason;
};

// 1-based line and column of byte `offset` of `text`. Columns count
// characters (UTF-8 continuation bytes are not counted), as an editor shows them.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};
LineColumn line_column(std::string_view text, uint32_t offset);

// "Invalid JSON at line 3, column 14: <reason>"
std::string invalid_json_message(LineColumn at, std::string_view reason);

// Parses exactly one JSON value filling all of `text` (surrounding whitespace
// allowed). Never recurses; nesting deeper than kMaxJsonDepth is an error.
JsonParseResult parse_json(std::string_view text);

}  // namespace cwlf
