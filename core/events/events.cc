// split_events: pasted text -> the log events a user means.
#include "events.h"

#include "cwlf/workbench.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "cwlf/i18n.h"
#include "json_compact.h"
#include "json_sax.h"
#include "number_text.h"
#include "resource_limits.h"

namespace cwlf {

namespace {

using json_sax::is_json_space;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Line/column of offsets in the pasted text, computed incrementally: errors
// come in increasing order, so the whole paste is scanned once.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}

  LineColumn at(uint32_t offset) {
    if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
    if (offset < pos_) {
      pos_ = 0;
      line_ = 1;
      line_start_ = 0;
    }
    const char* base = text_.data();
    while (pos_ < offset) {
      const void* nl = std::memchr(base + pos_, '\n', offset - pos_);
      if (nl == nullptr) {
        pos_ = offset;
        break;
      }
      ++line_;
      pos_ = static_cast<uint32_t>(static_cast<const char*>(nl) - base) + 1;
      line_start_ = pos_;
    }
    LineColumn lc;
    lc.line = line_;
    for (uint32_t i = line_start_; i < offset; ++i) {
      if ((static_cast<unsigned char>(base[i]) & 0xC0) != 0x80) ++lc.column;
    }
    return lc;
  }

 private:
  std::string_view text_;
  uint32_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t line_start_ = 0;
};

Diagnostic too_large_error(const Event& ev) {
  return Diagnostic{"event-too-large", "",
                    say("events.too-large", {{"size", group_thousands(ev.message.size())}, {"limit", group_thousands(kMaxEventBytes)}}),
                    ev.span};
}

// The first non-whitespace byte of `s` is '{'.
bool looks_like_object(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_json_space(s[i])) ++i;
  return i < s.size() && s[i] == '{';
}

// Sets ev.json when ev.message is a JSON object (no error otherwise).
void attach_json_if_object(Event& ev) {
  if (ev.message.size() > kMaxEventBytes) {
    ev.error = too_large_error(ev);
    return;
  }
  if (!looks_like_object(ev.message)) return;
  JsonParseResult r = parse_json(ev.message);
  if (!r.error) ev.json = std::move(r.doc);
}

// What split_events collects from a JSON array (or a {"Records": [...]}
// wrapper) read whole: the spans of the elements, and decoded strings.
struct Element {
  Span span;
  JsonType type;
  Span decoded;  // String elements: range of ElementCollector::strings
};

class ElementCollector {
 public:
  // records: collect the elements of the root object's last "Records" member
  // when it is an array; otherwise the elements of a root array.
  explicit ElementCollector(bool records) : records_(records), target_(records ? 2 : 1) {}

  bool start(JsonType t, uint32_t bracket) {
    if (depth_ == 0) {
      root_type = t;
      if (!records_ && t == JsonType::Array) collecting_ = true;
    } else if (records_ && depth_ == 1) {
      if (key_is_records_) begin_records(t == JsonType::Array);
    } else if (collecting_ && depth_ == target_) {
      element_start_ = bracket;
      element_type_ = t;
    }
    ++depth_;
    return true;
  }
  bool end(uint32_t end_offset) {
    --depth_;
    if (collecting_ && depth_ == target_) {
      elements.push_back(Element{Span{element_start_, end_offset - element_start_}, element_type_, Span{}});
    } else if (records_ && collecting_ && depth_ == 1) {
      collecting_ = false;
    }
    return true;
  }
  bool key(std::string_view k) {
    if (depth_ == 1) key_is_records_ = (k == "Records");
    return true;
  }
  bool scalar(JsonType t, Span span, std::string_view text) {
    if (records_ && depth_ == 1) {
      if (key_is_records_) begin_records(false);
    } else if (collecting_ && depth_ == target_) {
      Element el{span, t, Span{}};
      if (t == JsonType::String) {
        el.decoded = Span{static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(text.size())};
        strings.append(text.data(), text.size());
      }
      elements.push_back(el);
    }
    return true;
  }

  JsonType root_type = JsonType::Null;
  bool found_records = false;
  std::vector<Element> elements;
  std::string strings;

 private:
  void begin_records(bool is_array) {  // a "Records" member: the last one wins
    elements.clear();
    strings.clear();
    found_records = is_array;
    collecting_ = is_array;
  }

  bool records_;
  uint32_t target_;  // depth of the container whose elements are collected
  uint32_t depth_ = 0;
  bool collecting_ = false;
  bool key_is_records_ = false;
  uint32_t element_start_ = 0;
  JsonType element_type_ = JsonType::Null;
};

class Splitter {
 public:
  Splitter(std::string_view text, SplitResult& out)
      : text_(text), n_(static_cast<uint32_t>(text.size())), out_(out), lines_(text) {}

  bool try_array(uint32_t base);
  bool try_records(uint32_t base);
  void split_objects(uint32_t first);
  void split_lines(uint32_t base);

 private:
  bool full() const { return out_.events.size() >= kMaxEventsPerPaste; }
  void add_too_many(uint32_t from);
  void add_compact_event(Span span, bool may_be_invalid);
  void add_string_element(Span span, std::string_view decoded);
  void add_elements(uint32_t base, const ElementCollector& c);
  uint32_t scan_chunk(uint32_t p);
  uint32_t scan_junk(uint32_t p);
  uint32_t cut_line_target(uint32_t line_start) const;
  bool continues_value(uint32_t at) const;
  Diagnostic mapped_error(const Event& ev, const JsonParseResult& r, uint32_t shift, bool through_map);

  std::string_view text_;
  uint32_t n_;
  SplitResult& out_;
  LineCounter lines_;
  uint32_t indent_ = 0;  // JsonObjects: indentation of the first object's line
};

void Splitter::add_too_many(uint32_t from) {
  Event ev;
  ev.span = Span{from, n_ - from};
  uint32_t line = lines_.at(from).line;
  ev.error =
      Diagnostic{"too-many-events", "",
                 say("events.too-many.from-line", {{"limit", group_thousands(kMaxEventsPerPaste)}, {"line", group_thousands(line)}}),
                 ev.span};
  out_.events.push_back(std::move(ev));
}

// The error of parsing an event, with its span in the pasted text and, for
// invalid JSON, the line and column there.
Diagnostic Splitter::mapped_error(const Event& ev, const JsonParseResult& r, uint32_t shift, bool through_map) {
  Diagnostic d = *r.error;
  if (through_map) {
    d.span = ev.source_span(d.span);
  } else {
    d.span.offset += shift;
  }
  if (d.code == "invalid-json") d.message = invalid_json_message(lines_.at(d.span.offset), r.error_reason);
  return d;
}

// An event whose message is the compact form of text[span] (a JSON value).
void Splitter::add_compact_event(Span span, bool may_be_invalid) {
  Event ev;
  ev.span = span;
  uint32_t joined = compact_json(text_, span, ev.message, ev.offset_map);
  if (ev.message.size() > kMaxEventBytes) {
    ev.error = too_large_error(ev);
  } else if (may_be_invalid && joined != kNothingJoined) {
    // Removing whitespace glued two tokens (`1 2` -> `12`): report the fault
    // as it is in the pasted text.
    JsonParseResult raw = parse_json(text_.substr(span.offset, span.length));
    if (raw.error) {
      ev.error = mapped_error(ev, raw, span.offset, false);
    } else {
      ev.error = Diagnostic{"invalid-json", "",
                            invalid_json_message(lines_.at(joined), say("json.reason.joined")),
                            Span{joined, 1}};
    }
  } else if (!ev.message.empty() && ev.message[0] == '{') {
    JsonParseResult r = parse_json(ev.message);
    if (r.error) {
      ev.error = mapped_error(ev, r, 0, true);
    } else {
      ev.json = std::move(r.doc);
    }
  }
  out_.events.push_back(std::move(ev));
}

// A string element of a JSON array: the decoded string is the message
// (TestMetricFilter's logEventMessages shape).
void Splitter::add_string_element(Span span, std::string_view decoded) {
  Event ev;
  ev.span = span;
  ev.message.assign(decoded.data(), decoded.size());
  // Approximate: message byte m <-> string content byte m (exact without escapes).
  ev.offset_map.emplace_back(0, span.offset + 1);
  attach_json_if_object(ev);
  out_.events.push_back(std::move(ev));
}

void Splitter::add_elements(uint32_t base, const ElementCollector& c) {
  out_.events.reserve(std::min<size_t>(c.elements.size(), kMaxEventsPerPaste + 1));
  for (const Element& el : c.elements) {
    Span span{el.span.offset + base, el.span.length};
    if (full()) {
      add_too_many(span.offset);
      return;
    }
    if (el.type == JsonType::String && !c.found_records) {
      add_string_element(span, std::string_view(c.strings.data() + el.decoded.offset, el.decoded.length));
    } else {
      add_compact_event(span, false);
    }
  }
}

bool Splitter::try_array(uint32_t base) {
  ElementCollector c(false);
  json_sax::ReadResult rr = json_sax::read_json(text_.substr(base), c, kMaxJsonDepth + 1);
  if (rr.outcome != json_sax::Outcome::Ok || c.root_type != JsonType::Array) return false;
  out_.format = InputFormat::JsonArray;
  add_elements(base, c);
  return true;
}

bool Splitter::try_records(uint32_t base) {
  ElementCollector c(true);
  json_sax::ReadResult rr = json_sax::read_json(text_.substr(base), c, kMaxJsonDepth + 2);
  if (rr.outcome != json_sax::Outcome::Ok || c.root_type != JsonType::Object || !c.found_records) return false;
  out_.format = InputFormat::CloudTrailRecords;
  add_elements(base, c);
  return true;
}

// When the line starting at `line_start` begins with '{' after at most
// indent_ spaces or tabs (a new top-level object), the offset of that '{';
// otherwise UINT32_MAX.
uint32_t Splitter::cut_line_target(uint32_t line_start) const {
  uint32_t q = line_start;
  uint32_t limit = std::min(n_, line_start + indent_);
  while (q < limit && is_blank(text_[q])) ++q;
  if (q < n_ && text_[q] == '{') return q;
  return UINT32_MAX;
}

// Whether the last non-whitespace byte before `at` is ',', '[' or ':', so
// that a '{' that follows is a value inside the current object (as in
// `json.dumps(indent=0)` output, where array elements start at column 0).
bool Splitter::continues_value(uint32_t at) const {
  while (at > 0 && is_json_space(text_[at - 1])) --at;
  if (at == 0) return false;
  char c = text_[at - 1];
  return c == ',' || c == '[' || c == ':';
}

// A JSON object starting at `p` ('{'): its extent is found by counting
// brackets outside strings. A line that starts a new top-level object ends it
// early (the object is then broken): a '{' at the start of a line, indented
// no more than the first object, that cannot continue the current value (not
// after ',', '[' or ':'; or the line break is inside a string, which JSON
// does not allow). Returns where scanning resumes.
uint32_t Splitter::scan_chunk(uint32_t p) {
  // Bytes that need a look, outside and inside strings; the rest is skipped
  // by one table lookup each.
  struct Tables {
    bool outside[256] = {};
    bool inside[256] = {};
    Tables() {
      for (unsigned char c : {'"', '{', '[', '}', ']', '\n'}) outside[c] = true;
      for (unsigned char c : {'"', '\\', '\n'}) inside[c] = true;
    }
  };
  static const Tables tables;
  const char* s = text_.data();
  uint32_t depth = 0;
  bool in_string = false;
  uint32_t end = n_;
  uint32_t next = n_;
  uint32_t q = p;
  for (;;) {
    const bool* special = in_string ? tables.inside : tables.outside;
    while (q < n_ && !special[static_cast<unsigned char>(s[q])]) ++q;
    if (q >= n_) break;
    char c = s[q];
    if (c == '\n') {
      uint32_t target = cut_line_target(q + 1);
      if (target != UINT32_MAX && (in_string || !continues_value(q))) {
        end = q;
        next = target;
        break;
      }
    } else if (in_string) {
      if (c == '\\') {
        if (q + 1 < n_ && s[q + 1] != '\n') ++q;
      } else {
        in_string = false;  // '"'
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (--depth == 0) {  // '}' or ']'
      end = q + 1;
      next = q + 1;
      break;
    }
    ++q;
  }
  while (end > p && is_json_space(s[end - 1])) --end;
  add_compact_event(Span{p, end - p}, true);
  return next;
}

// Text that is not a JSON object, from `p` up to the next line that starts a
// top-level object: one error event. Returns where scanning resumes.
uint32_t Splitter::scan_junk(uint32_t p) {
  const char* s = text_.data();
  uint32_t end = n_;
  uint32_t next = n_;
  uint32_t q = p;
  while (q < n_) {
    const void* nl = std::memchr(s + q, '\n', n_ - q);
    if (nl == nullptr) break;
    uint32_t at = static_cast<uint32_t>(static_cast<const char*>(nl) - s);
    uint32_t target = cut_line_target(at + 1);
    if (target != UINT32_MAX) {
      end = at;
      next = target;
      break;
    }
    q = at + 1;
  }
  while (end > p && is_json_space(s[end - 1])) --end;

  Event ev;
  ev.span = Span{p, end - p};
  ev.message.assign(s + p, end - p);
  // Quote the first line, shortened to about 60 bytes at a character boundary.
  uint32_t line_end = p;
  while (line_end < end && s[line_end] != '\n' && s[line_end] != '\r') ++line_end;
  uint32_t shown = line_end;
  bool shortened = false;
  if (shown - p > 60) {
    shown = p + 60;
    while (shown > p && (static_cast<unsigned char>(s[shown]) & 0xC0) == 0x80) --shown;
    shortened = true;
  }
  std::string quote(s + p, shown - p);
  if (shortened) quote += "...";
  ev.error = Diagnostic{"expected-json-object", "",
                        say("events.expected-object.after-json", {{"found", quote}}),
                        Span{p, line_end - p}};
  out_.events.push_back(std::move(ev));
  return next;
}

void Splitter::split_objects(uint32_t first) {
  out_.format = InputFormat::JsonObjects;
  uint32_t line_start = first;
  while (line_start > 0 && is_blank(text_[line_start - 1])) --line_start;
  indent_ = first - line_start;
  uint32_t p = first;
  for (;;) {
    // Whitespace and commas separate the objects (a comma: objects copied
    // out of an array).
    while (p < n_ && (is_json_space(text_[p]) || text_[p] == ',')) ++p;
    if (p >= n_) break;
    if (full()) {
      add_too_many(p);
      break;
    }
    p = text_[p] == '{' ? scan_chunk(p) : scan_junk(p);
  }
}

void Splitter::split_lines(uint32_t base) {
  out_.format = InputFormat::Lines;
  const char* s = text_.data();
  size_t newlines = static_cast<size_t>(std::count(s + base, s + n_, '\n'));
  out_.events.reserve(std::min<size_t>(newlines + 1, kMaxEventsPerPaste + 1));
  uint32_t q = base;
  while (q < n_) {
    const void* nl = std::memchr(s + q, '\n', n_ - q);
    uint32_t line_end = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - s) : n_;
    uint32_t e = line_end;
    if (e > q && s[e - 1] == '\r') --e;
    uint32_t f = q;
    while (f < e && is_blank(s[f])) ++f;
    if (f < e) {
      if (full()) {
        add_too_many(q);
        return;
      }
      Event ev;
      ev.span = Span{q, e - q};
      ev.message.assign(s + q, e - q);
      if (ev.message.size() > kMaxEventBytes) {
        ev.error = too_large_error(ev);
      } else if (s[f] == '{') {
        // It looks like JSON: the user meant JSON, so broken JSON is an error.
        JsonParseResult r = parse_json(ev.message);
        if (r.error) {
          ev.error = mapped_error(ev, r, q, false);
        } else if (!r.doc.nodes.empty() && r.doc.nodes[0].type == JsonType::Object) {
          ev.json = std::move(r.doc);
        }
      }
      out_.events.push_back(std::move(ev));
    }
    q = line_end + 1;
  }
}

}  // namespace

uint32_t Event::source_offset(uint32_t m) const {
  uint32_t r;
  if (offset_map.empty()) {
    r = span.offset + m;
  } else {
    auto it = std::upper_bound(offset_map.begin(), offset_map.end(), m,
                               [](uint32_t v, const std::pair<uint32_t, uint32_t>& p) { return v < p.first; });
    if (it == offset_map.begin()) {
      r = span.offset + m;
    } else {
      --it;
      r = it->second + (m - it->first);
    }
  }
  return std::min(std::max(r, span.offset), span.end());
}

Span Event::source_span(Span s) const {
  uint32_t b = source_offset(s.offset);
  if (s.length == 0) return Span{b, 0};
  uint32_t e = source_offset(s.end() - 1) + 1;  // map the last byte, not the gap after it
  if (e < b) e = b;
  return Span{b, e - b};
}

SplitResult split_events(std::string_view pasted) {
  SplitResult out;
  if (pasted.size() >= std::numeric_limits<uint32_t>::max()) {
    out.format = InputFormat::Lines;
    Event ev;
    ev.error = Diagnostic{"paste-too-large", "", say("events.paste-too-large"), Span{}};
    out.events.push_back(std::move(ev));
    return out;
  }
  uint32_t n = static_cast<uint32_t>(pasted.size());
  uint32_t base = 0;
  if (n >= 3 && pasted.compare(0, 3, "\xEF\xBB\xBF") == 0) base = 3;
  uint32_t p = base;
  while (p < n && is_json_space(pasted[p])) ++p;
  if (p == n) return out;  // InputFormat::Empty

  if ((pasted[p] == '{' || pasted[p] == '[') && unwrap_aws_output(pasted, base, out)) return out;
  if ((pasted[p] == '@' || pasted[p] == '"') && unwrap_insights_csv(pasted, p, out)) return out;
  Splitter splitter(pasted, out);
  if (pasted[p] == '[' && splitter.try_array(base)) return out;
  if (pasted[p] == '{') {
    if (!splitter.try_records(base)) splitter.split_objects(p);
    return out;
  }
  splitter.split_lines(base);
  return out;
}

Event event_from_message(std::string message) {
  Event ev;
  ev.span = Span{0, static_cast<uint32_t>(std::min<size_t>(message.size(), std::numeric_limits<uint32_t>::max()))};
  ev.message = std::move(message);
  attach_json_if_object(ev);
  return ev;
}

const char* input_format_name(InputFormat f) {
  switch (f) {
    case InputFormat::Empty:
      return "empty";
    case InputFormat::JsonObjects:
      return "json-objects";
    case InputFormat::JsonArray:
      return "json-array";
    case InputFormat::CloudTrailRecords:
      return "cloudtrail-records";
    case InputFormat::Lines:
      return "lines";
    case InputFormat::AwsLookupEvents:
      return "aws-lookup-events";
    case InputFormat::AwsLogEvents:
      return "aws-log-events";
    case InputFormat::EventBridge:
      return "eventbridge";
    case InputFormat::LogsInsights:
      return "logs-insights";
    case InputFormat::LogsInsightsCsv:
      return "logs-insights-csv";
  }
  return "lines";
}

}  // namespace cwlf
