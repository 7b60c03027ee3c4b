// EventStream, lines layout: every non-blank line is one event, exactly as
// written. With a LineFinder, lines without a hit are skipped in bulk.
#include <string_view>

#include "event_stream.h"
#include "event_stream_internal.h"
#include "literal_search.h"

namespace cwlf {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

void EventStream::feed_lines(std::string_view chunk) {
  const char* s = chunk.data();
  size_t n = chunk.size(), q = 0;
  if (finder_) finder_->begin(chunk);
  while (q < n) {
    if (finder_ && !capturing_) {  // at the start of a line, nothing held
      q = skip_lines(s, q, n);
      if (q == n) break;
    }
    const char* nl = find_byte(s + q, n - q, '\n');
    size_t e = nl ? static_cast<size_t>(nl - s) : n;
    if (!capturing_) {
      capturing_ = true;
      cur_offset_ = pos_ + q;
      cur_line_ = line_;
    }
    if (nl && cur_.empty() && !too_large_) {
      // The whole line is in this chunk: hand it over without copying.
      std::string_view line(s + q, e - q);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.size() > kMaxEventBytes) {
        too_large_ = true;
      } else {
        size_t f = 0;
        while (f < line.size() && is_blank(line[f])) ++f;
        if (f < line.size()) {
          hand_off(line);
        }
        capturing_ = false;
        ++line_;
        q = e + 1;
        continue;
      }
    }
    if (!too_large_) {
      size_t take = e - q;
      if (cur_.size() + take > kMaxEventBytes + 1) {  // +1: a '\r' that will be dropped
        too_large_ = true;
      } else {
        cur_.append(s + q, take);
      }
    }
    if (!nl) break;
    end_line();
    ++line_;
    q = e + 1;
  }
  pos_ += n;
}

// From `q`, the start of a line, skips the complete lines before the line of
// the finder's next hit (all complete lines when there is none) and returns
// the start of the first line not skipped. A message in which the finder
// finds nothing lies in those lines; one in which it does is the hit's line,
// which the caller hands over.
size_t EventStream::skip_lines(const char* s, size_t q, size_t n) {
  uint64_t breaks = 0;  // in [q, upto): the ends of the lines skipped
  size_t hit = finder_->next(q, &breaks);
  size_t upto = hit == std::string_view::npos ? n : hit;
  const char* nl = find_last_byte(s + q, upto - q, '\n');  // ends the last line wholly before `upto`
  if (!nl) return q;
  size_t end = static_cast<size_t>(nl - s) + 1;
  if (end - q <= kMaxEventBytes + 1) {
    line_ += breaks;
    return end;
  }
  // A line over the event size limit is an error to report, not a line to
  // skip: skip at most kMaxEventBytes + 1 bytes (with its line break, no line
  // in them can be longer than the limit); the next call goes on from there.
  nl = find_last_byte(s + q, kMaxEventBytes + 1, '\n');
  if (!nl) return q;  // the line at `q` is that long: the per-line path reports it
  end = static_cast<size_t>(nl - s) + 1;
  line_ += count_byte(s + q, end - q, '\n');
  return end;
}

void EventStream::end_line() {
  if (!capturing_) return;
  if (too_large_) {
    emit_error("event-too-large", event_too_large_message());
  } else {
    if (!cur_.empty() && cur_.back() == '\r') cur_.pop_back();
    if (cur_.size() > kMaxEventBytes) {
      emit_error("event-too-large", event_too_large_message());
    } else {
      size_t f = 0;
      while (f < cur_.size() && is_blank(cur_[f])) ++f;
      if (f < cur_.size()) {
        hand_off(cur_);
      }
    }
  }
  cur_.clear();
  capturing_ = false;
  too_large_ = false;
}

}  // namespace cwlf
