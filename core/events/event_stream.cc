// EventStream: events from a stream, holding only the event in progress.
#include "event_stream.h"

#include <algorithm>
#include <cstring>

#include "cwlf/i18n.h"
#include "event_stream_internal.h"
#include "json_doc.h"
#include "record_end.h"

namespace cwlf {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
// Bytes that would glue two tokens into one if the whitespace between them
// were removed (`1 2` -> `12`, `tr ue` -> `true`).
bool is_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
         c == '-';
}

std::string with_commas(uint64_t v) {
  std::string d = std::to_string(v), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(d[i]);
  }
  return out;
}

}  // namespace

std::string event_too_large_message() {
  return say("events.too-large.stream", {{"limit", with_commas(kMaxEventBytes)}});
}

EventStream::EventStream(StreamMode mode, Sink sink) : mode_(mode), sink_(std::move(sink)) {
  if (mode_ == StreamMode::Lines) layout_ = Layout::Lines;
}

void EventStream::feed(std::string_view chunk) {
  if (!bom_checked_ && !chunk.empty()) {
    // A UTF-8 byte order mark (only when it arrives whole in the first chunk).
    bom_checked_ = true;
    if (chunk.size() >= 3 && std::memcmp(chunk.data(), "\xEF\xBB\xBF", 3) == 0) {
      chunk.remove_prefix(3);
      pos_ += 3;
    }
  }
  while (!chunk.empty() && layout_ == Layout::Unknown) {
    char c = chunk[0];
    if (is_space(c)) {
      if (c == '\n') ++line_;
      ++pos_;
      chunk.remove_prefix(1);
      continue;
    }
    layout_ = c == '{' ? Layout::Objects : c == '[' ? Layout::Array : Layout::Lines;
  }
  if (chunk.empty()) return;
  if (layout_ == Layout::Lines)
    feed_lines(chunk);
  else
    feed_json(chunk);
}

// ---- JSON -----------------------------------------------------------------------

void EventStream::begin_capture(uint64_t offset) {
  cur_.clear();
  capturing_ = true;
  too_large_ = joined_ = pending_ws_ = false;
  cur_offset_ = offset;
  cur_line_ = line_;
}

void EventStream::append(char c) {
  if (too_large_) return;
  if (cur_.size() >= kMaxEventBytes) {
    too_large_ = true;
    return;
  }
  cur_.push_back(c);
}

void EventStream::hand_off(std::string_view message) {
  StreamedEvent ev;
  ev.offset = cur_offset_;
  ev.line = cur_line_;
  ev.message = message;
  sink_(ev);
}

void EventStream::emit_error(std::string code, std::string message) {
  StreamedEvent ev;
  ev.offset = cur_offset_;
  ev.line = cur_line_;
  ev.message = cur_;
  ev.error = Diagnostic{std::move(code), "", std::move(message), Span{0, static_cast<uint32_t>(cur_.size())}};
  sink_(ev);
}

void EventStream::emit_capture() {
  if (too_large_) {
    emit_error("event-too-large", event_too_large_message());
  } else if (joined_) {
    emit_error("invalid-json", say("events.invalid-json.joined"));
  } else if (!cur_.empty() && cur_[0] == '"') {
    // A string element of an array: its decoded text is the message.
    JsonParseResult r = parse_json(cur_);
    if (r.error || r.doc.nodes.empty()) {
      emit_error("invalid-json", say("events.invalid-json.string"));
    } else {
      std::string decoded(r.doc.text(r.doc.nodes[0]));
      hand_off(decoded);
    }
  } else {
    hand_off(cur_);
  }
  cur_.clear();
  capturing_ = scalar_ = too_large_ = joined_ = pending_ws_ = false;
}

void EventStream::emit_junk_line() {
  while (!cur_.empty() && is_space(cur_.back())) cur_.pop_back();
  std::string quote = cur_.substr(0, 60);
  while (!quote.empty() && (static_cast<unsigned char>(quote.back()) & 0xC0) == 0x80) quote.pop_back();
  if (quote.size() < cur_.size()) quote += "...";
  emit_error("expected-json-object", say("events.expected-object", {{"found", quote}}));
  cur_.clear();
  capturing_ = in_junk_ = too_large_ = false;
}

void EventStream::feed_json(std::string_view chunk) {
  // Bytes that end a run inside a string.
  struct Table {
    bool stop[256] = {};
    Table() {
      stop[static_cast<unsigned char>('"')] = stop[static_cast<unsigned char>('\\')] = true;
      stop[static_cast<unsigned char>('\n')] = true;
    }
  };
  static const Table table;
  const char* s = chunk.data();
  const size_t n = chunk.size();
  if (records_finder_) {
    records_finder_->begin(chunk);
    record_hit_known_ = false;
  }
  for (size_t i = 0; i < n; ++i) {
    const uint64_t at = pos_ + i;
    char c = s[i];
    bool was_line_start = line_start_;
    line_start_ = c == '\n';
    if (c == '\n') ++line_;

    if (in_junk_) {
      if (c == '\n') {
        emit_junk_line();
      } else {
        append(c);
      }
      continue;
    }
    if (in_string_) {
      if (escape_) {
        escape_ = false;
        if (capturing_) append(c);
        if (depth_ == 1 && key_.size() < 16) key_.push_back('\\');
        continue;
      }
      if (c == '\\') {
        escape_ = true;
        if (capturing_) append(c);
        continue;
      }
      if (c == '"') {
        in_string_ = false;
        if (capturing_) append(c);
        if (depth_ == 1 && target_ == 0) key_is_records_ = key_ == "Records";
        if (capturing_ && depth_ == target_) emit_capture();  // a string element
        last_sig_ = '"';
        continue;
      }
      // A run of ordinary string bytes (a raw line break is kept: the JSON
      // reader will reject it with its position).
      size_t j = i + 1;
      while (j < n && !table.stop[static_cast<unsigned char>(s[j])]) ++j;
      if (capturing_ && !too_large_) {
        if (cur_.size() + (j - i) > kMaxEventBytes) {
          too_large_ = true;
        } else {
          cur_.append(s + i, j - i);
        }
      }
      if (depth_ == 1 && key_.size() < 16) key_.append(s + i, std::min<size_t>(j - i, 16));
      i = j - 1;
      continue;
    }
    if (scalar_) {
      if (c == ',' || c == ']' || c == '}' || is_space(c)) {
        emit_capture();  // and the byte is handled below
      } else {
        append(c);
        continue;
      }
    }
    if (is_space(c)) {
      if (capturing_) pending_ws_ = true;
      continue;
    }
    // Outside strings, a byte that is not whitespace.
    if (capturing_ && pending_ws_) {
      if (!cur_.empty() && is_word(cur_.back()) && is_word(c)) joined_ = true;
      pending_ws_ = false;
    }
    char prev_sig = last_sig_;
    last_sig_ = c;
    if (depth_ == target_ && !(depth_ == 0 && layout_ == Layout::Array)) {
      // Between events.
      if (c == ',') continue;
      if (layout_ == Layout::Objects && target_ == 0) {
        if (c == '{') {
          begin_capture(at);
          append(c);
          ++depth_;
        } else {
          begin_capture(at);
          in_junk_ = true;
          append(c);
        }
        continue;
      }
      if (c == ']' || c == '}') {  // the end of the array (or of a Records array)
        if (depth_ > 0) --depth_;
        if (records_) {
          records_ = false;  // the rest of the root object is skipped
          target_ = 0;
        }
        continue;
      }
      if (c == '{' && records_ && records_finder_) {
        const size_t end = skip_record(s, i, n);
        if (end != i) {  // a record without the literals: skipped
          ++records_skipped_;
          last_sig_ = '}';
          i = end - 1;
          continue;
        }
      }
      begin_capture(at);
      append(c);
      if (c == '{' || c == '[') {
        ++depth_;
      } else if (c == '"') {
        in_string_ = true;
      } else {
        scalar_ = true;
      }
      continue;
    }
    if (depth_ == 0) {
      // Array layout, outside the array.
      if (c == '[') {
        depth_ = 1;
        target_ = 1;
      } else {
        begin_capture(at);
        in_junk_ = true;
        append(c);
      }
      continue;
    }
    // Inside a value.
    if (c == '{' || c == '[') {
      if (c == '[' && layout_ == Layout::Objects && target_ == 0 && depth_ == 1 && key_is_records_ &&
          prev_sig == ':') {
        // {"Records": [ ... ]}: a CloudTrail S3 object. Its records are the events.
        cur_.clear();
        capturing_ = false;
        records_ = true;
        depth_ = 2;
        target_ = 2;
        continue;
      }
      if (c == '{' && was_line_start && target_ == 0 && capturing_ && prev_sig != ',' && prev_sig != '[' &&
          prev_sig != ':') {
        // A '{' at the start of a line that cannot continue the value: the
        // object before it was not closed. Report it and start over here.
        emit_error("unterminated-json", say("events.unterminated.next"));
        begin_capture(at);
        depth_ = 0;
      }
      if (capturing_) append(c);
      ++depth_;
      continue;
    }
    if (c == '}' || c == ']') {
      if (capturing_) append(c);
      --depth_;
      if (capturing_ && depth_ == target_) emit_capture();
      if (depth_ == 0) {
        key_is_records_ = false;
        if (records_ || target_ == 2) {
          records_ = false;
          target_ = 0;
        }
      }
      continue;
    }
    if (c == '"') {
      in_string_ = true;
      if (depth_ == 1) key_.clear();
      if (capturing_) append(c);
      continue;
    }
    if (capturing_) append(c);
  }
  pos_ += n;
}

// At `i`, the '{' of a record: the end of the record (one past its '}') when
// it can be skipped (see skip_records_without), else `i`.
size_t EventStream::skip_record(const char* s, size_t i, size_t n) {
  if (!record_hit_known_ || record_hit_ < i) {
    uint64_t breaks = 0;
    const size_t hit = records_finder_->next(i, &breaks);
    record_hit_ = hit == std::string_view::npos ? n : hit;
    record_hit_known_ = true;
  }
  if (record_hit_ == i) return i;
  const size_t end = compact_object_end(s, i, std::min(n, i + kMaxEventBytes));
  return end != 0 && end <= record_hit_ ? end : i;
}

void EventStream::finish() {
  if (layout_ == Layout::Lines) {
    end_line();
    return;
  }
  if (!capturing_) return;
  if (in_junk_) {
    emit_junk_line();
  } else if (scalar_) {
    emit_capture();
  } else {
    emit_error("unterminated-json", say("events.unterminated.end"));
    cur_.clear();
    capturing_ = false;
  }
}

}  // namespace cwlf
