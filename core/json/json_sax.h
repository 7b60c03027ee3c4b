// Private to json_doc.cc and events.cc: RapidJSON's iterative SAX reader with
// byte spans, a depth limit and a trailing-text check.
//
// Every JSON reading in cwlf goes through read_json(), so all of them agree on
// what is valid JSON, on spans and on error positions.
//
// A visitor provides (each returns false to stop reading):
//   bool start(JsonType type, uint32_t bracket_offset);  // Object or Array opens
//   bool end(uint32_t end_offset);                       // one past the closing bracket
//   bool key(std::string_view decoded);                  // object member name
//   bool scalar(JsonType type, Span span, std::string_view text);
//       // text: String = decoded content, Number = spelling, else empty
#pragma once

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cstdint>
#include <string_view>

#include "diagnostic.h"
#include "json_doc.h"

namespace cwlf::json_sax {

enum class Outcome : uint8_t {
  Ok,
  Syntax,   // not JSON; `code` and `offset` say why and where
  TooDeep,  // a bracket opened deeper than max_depth; `offset` is that bracket
  Stopped,  // the visitor returned false
};

struct ReadResult {
  Outcome outcome = Outcome::Ok;
  rapidjson::ParseErrorCode code = rapidjson::kParseErrorNone;
  uint32_t offset = 0;  // error position
};

constexpr unsigned kReadFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseStopWhenDoneFlag;

inline bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

template <class Visitor>
class SpanHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, SpanHandler<Visitor>> {
 public:
  SpanHandler(Visitor& v, const rapidjson::MemoryStream& is, std::string_view text, uint32_t max_depth)
      : v_(v), is_(is), text_(text), max_depth_(max_depth) {}

  bool Null() { return scalar(JsonType::Null, {}); }
  bool Bool(bool b) { return scalar(b ? JsonType::True : JsonType::False, {}); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return scalar(JsonType::Number, {s, n}); }
  bool String(const char* s, rapidjson::SizeType n, bool) { return scalar(JsonType::String, {s, n}); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    last_end_ = tell();
    return keep(v_.key(std::string_view(s, n)));
  }
  // RapidJSON calls Start*/End* before taking the bracket: Tell() is the bracket.
  bool StartObject() { return start(JsonType::Object); }
  bool StartArray() { return start(JsonType::Array); }
  bool EndObject(rapidjson::SizeType) { return end(); }
  bool EndArray(rapidjson::SizeType) { return end(); }

  bool too_deep = false;
  bool stopped = false;
  uint32_t deep_offset = 0;

 private:
  uint32_t tell() const { return static_cast<uint32_t>(is_.Tell()); }
  bool keep(bool go) {
    if (!go) stopped = true;
    return go;
  }
  // Between two tokens there is only whitespace, ':' and ','.
  uint32_t value_start() const {
    uint32_t p = last_end_;
    while (p < text_.size()) {
      char c = text_[p];
      if (!is_json_space(c) && c != ':' && c != ',') break;
      ++p;
    }
    return p;
  }
  bool scalar(JsonType t, std::string_view s) {
    uint32_t b = value_start();
    uint32_t e = tell();
    last_end_ = e;
    return keep(v_.scalar(t, Span{b, e - b}, s));
  }
  bool start(JsonType t) {
    uint32_t at = tell();
    if (depth_ >= max_depth_) {
      too_deep = true;
      deep_offset = at;
      return false;
    }
    ++depth_;
    last_end_ = at + 1;
    return keep(v_.start(t, at));
  }
  bool end() {
    uint32_t e = tell() + 1;
    --depth_;
    last_end_ = e;
    return keep(v_.end(e));
  }

  Visitor& v_;
  const rapidjson::MemoryStream& is_;
  std::string_view text_;
  uint32_t max_depth_;
  uint32_t depth_ = 0;
  uint32_t last_end_ = 0;
};

// Reads exactly one JSON value filling `text` (surrounding whitespace allowed).
// `text` must be shorter than 4 GiB.
template <class Visitor>
ReadResult read_json(std::string_view text, Visitor& visitor, uint32_t max_depth) {
  rapidjson::MemoryStream is(text.data(), text.size());
  SpanHandler<Visitor> handler(visitor, is, text, max_depth);
  rapidjson::Reader reader;
  rapidjson::ParseResult pr = reader.Parse<kReadFlags>(is, handler);
  ReadResult r;
  if (handler.too_deep) {
    r.outcome = Outcome::TooDeep;
    r.offset = handler.deep_offset;
    return r;
  }
  if (handler.stopped) {
    r.outcome = Outcome::Stopped;
    r.offset = static_cast<uint32_t>(pr.Offset());
    return r;
  }
  if (pr.IsError()) {
    r.outcome = Outcome::Syntax;
    r.code = pr.Code();
    r.offset = static_cast<uint32_t>(pr.Offset());
    return r;
  }
  size_t p = is.Tell();
  while (p < text.size() && is_json_space(text[p])) ++p;
  if (p < text.size()) {
    r.outcome = Outcome::Syntax;
    r.code = rapidjson::kParseErrorDocumentRootNotSingular;
    r.offset = static_cast<uint32_t>(p);
  }
  return r;
}

}  // namespace cwlf::json_sax
