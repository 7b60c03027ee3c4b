// parse_json: the flat JsonDoc built from RapidJSON's iterative SAX reader.
#include "json_doc.h"

#include <limits>
#include <vector>

#include "json_sax.h"
#include "number_text.h"
#include "resource_limits.h"

namespace cwlf {

namespace {

// Builds JsonDoc nodes in document order from the SAX visitor calls.
class TreeBuilder {
 public:
  explicit TreeBuilder(JsonDoc& doc, size_t text_size) : doc_(doc) {
    // Decoded keys, strings and number spellings never take more bytes than
    // their source text, so the arena never reallocates.
    doc_.strings.reserve(text_size);
    doc_.nodes.reserve(text_size / 24 + 4);
  }

  bool start(JsonType t, uint32_t bracket) {
    uint32_t index = add(t, Span{bracket, 0});
    open_.push_back(Open{index, kNoNode});
    return true;
  }
  bool end(uint32_t end_offset) {
    JsonNode& n = doc_.nodes[open_.back().node];
    n.span.length = end_offset - n.span.offset;
    open_.pop_back();
    return true;
  }
  bool key(std::string_view k) {
    pending_key_ = append(k);
    return true;
  }
  bool scalar(JsonType t, Span span, std::string_view text) {
    uint32_t index = add(t, span);
    if (t == JsonType::String || t == JsonType::Number) doc_.nodes[index].text = append(text);
    return true;
  }

 private:
  struct Open {
    uint32_t node;
    uint32_t last_child;
  };

  Span append(std::string_view s) {
    Span r{static_cast<uint32_t>(doc_.strings.size()), static_cast<uint32_t>(s.size())};
    doc_.strings.append(s.data(), s.size());
    return r;
  }

  uint32_t add(JsonType t, Span span) {
    uint32_t index = static_cast<uint32_t>(doc_.nodes.size());
    JsonNode n;
    n.type = t;
    n.span = span;
    if (!open_.empty()) {
      Open& parent = open_.back();
      n.parent = parent.node;
      if (parent.last_child == kNoNode) {
        doc_.nodes[parent.node].first_child = index;
      } else {
        doc_.nodes[parent.last_child].next_sibling = index;
      }
      parent.last_child = index;
      JsonNode& p = doc_.nodes[parent.node];
      ++p.child_count;
      if (p.type == JsonType::Object) n.key = pending_key_;
    }
    doc_.nodes.push_back(n);
    return index;
  }

  JsonDoc& doc_;
  std::vector<Open> open_;
  Span pending_key_;
};

std::string reason_for(rapidjson::ParseErrorCode code, std::string_view text, uint32_t offset) {
  using namespace rapidjson;
  unsigned char at = offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0;
  switch (code) {
    case kParseErrorDocumentEmpty:
      return "there is no JSON value here, only whitespace.";
    case kParseErrorDocumentRootNotSingular:
      return "unexpected text after the end of the JSON value.";
    case kParseErrorValueInvalid:
      if (offset >= text.size()) return "the text ends where a value was expected.";
      return "expected a value here (an object, array, string, number, true, false or null).";
    case kParseErrorObjectMissName:
      return "expected a member name in double quotes.";
    case kParseErrorObjectMissColon:
      return "missing a colon after the member name.";
    case kParseErrorObjectMissCommaOrCurlyBracket:
      return "missing a comma or '}' after an object member.";
    case kParseErrorArrayMissCommaOrSquareBracket:
      return "missing a comma or ']' after an array element.";
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return "a \\u escape in a string needs four hexadecimal digits.";
    case kParseErrorStringUnicodeSurrogateInvalid:
      return "a \\u escape in a string is half of a surrogate pair without its other half.";
    case kParseErrorStringEscapeInvalid:
    case kParseErrorStringMissQuotationMark:
      // RapidJSON reports a raw control character (or a NUL byte) inside a
      // string as one of these two.
      if (offset < text.size() && at < 0x20) {
        if (at == '\n' || at == '\r')
          return "a line break inside a string must be written as \\n (JSON strings cannot span lines).";
        if (at == '\t') return "a tab inside a string must be written as \\t.";
        return "a control character inside a string must be written as a \\u escape.";
      }
      if (code == kParseErrorStringMissQuotationMark) return "a string is missing its closing double quote.";
      return "invalid escape sequence in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).";
    case kParseErrorStringInvalidEncoding:
      return "invalid character encoding in a string.";
    case kParseErrorNumberTooBig:
      return "this number is too large (beyond 1.8e308, the largest double).";
    case kParseErrorNumberMissFraction:
      return "a number needs digits after its decimal point.";
    case kParseErrorNumberMissExponent:
      return "a number needs digits in its exponent.";
    default:
      return "this is not valid JSON.";
  }
}

}  // namespace

uint32_t JsonDoc::member(uint32_t object, std::string_view name) const {
  if (object >= nodes.size() || nodes[object].type != JsonType::Object) return kNoNode;
  uint32_t found = kNoNode;
  for (uint32_t c = nodes[object].first_child; c != kNoNode; c = nodes[c].next_sibling) {
    if (key(nodes[c]) == name) found = c;  // the last duplicate wins
  }
  return found;
}

std::optional<std::string_view> string_value(const JsonDoc& doc, uint32_t object, std::string_view name) {
  const uint32_t n = doc.member(object, name);
  if (n == kNoNode || doc.nodes[n].type != JsonType::String) return std::nullopt;
  return doc.text(doc.nodes[n]);
}

std::string string_member(const JsonDoc& doc, uint32_t object, std::string_view name) {
  return std::string(string_value(doc, object, name).value_or(std::string_view()));
}

std::string identity_type(const JsonDoc& doc) {
  if (doc.nodes.empty()) return "";
  return string_member(doc, doc.member(0, "userIdentity"), "type");
}

uint32_t JsonDoc::element(uint32_t array, uint32_t index) const {
  if (array >= nodes.size() || nodes[array].type != JsonType::Array) return kNoNode;
  if (index >= nodes[array].child_count) return kNoNode;
  uint32_t c = nodes[array].first_child;
  for (uint32_t i = 0; i < index && c != kNoNode; ++i) c = nodes[c].next_sibling;
  return c;
}

LineColumn line_column(std::string_view text, uint32_t offset) {
  LineColumn lc;
  size_t end = offset < text.size() ? offset : text.size();
  size_t line_start = 0;
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  for (size_t i = line_start; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++lc.column;
  }
  if (offset > text.size()) lc.column += offset - static_cast<uint32_t>(text.size());
  return lc;
}

std::string invalid_json_message(LineColumn at, std::string_view reason) {
  std::string m = "Invalid JSON at line " + group_thousands(at.line) + ", column " + group_thousands(at.column) + ": ";
  m.append(reason.data(), reason.size());
  return m;
}

JsonParseResult parse_json(std::string_view text) {
  JsonParseResult r;
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    r.error = Diagnostic{"invalid-json", "", "The text is 4 GiB or more; cwlf cannot read it as JSON.", Span{0, 0}};
    return r;
  }
  json_sax::ReadResult rr;
  {
    TreeBuilder builder(r.doc, text.size());
    rr = json_sax::read_json(text, builder, kMaxJsonDepth);
  }
  if (rr.outcome == json_sax::Outcome::Ok) return r;

  r.doc = JsonDoc{};
  uint32_t size = static_cast<uint32_t>(text.size());
  if (rr.outcome == json_sax::Outcome::Syntax && rr.code == rapidjson::kParseErrorValueInvalid) {
    // RapidJSON reports a broken literal (`tru`, `nul`, `-x`) after the bytes it
    // consumed; point at the start of the word instead.
    auto wordy = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; };
    while (rr.offset > 0 && rr.offset <= size && wordy(text[rr.offset - 1])) --rr.offset;
  }
  Span at{rr.offset, rr.offset < size ? 1u : 0u};
  if (rr.outcome == json_sax::Outcome::TooDeep) {
    r.error = Diagnostic{"json-too-deep", "",
                         "The event nests JSON deeper than 1,000 levels; cwlf stops there "
                         "(CloudWatch's JSON reader has the same limit)",
                         at};
    return r;
  }
  r.error_reason = reason_for(rr.code, text, rr.offset);
  r.error = Diagnostic{"invalid-json", "", invalid_json_message(line_column(text, rr.offset), r.error_reason), at};
  return r;
}

}  // namespace cwlf
