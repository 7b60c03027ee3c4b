// CloudWatch Logs Insights "Export results → Download table (CSV)": a header
// row naming the query's fields (`@timestamp,@message`, plus whatever else the
// query's `fields` listed), then one row per log event, RFC 4180 quoting (a
// field holding a comma, a quote or a line break is quoted, its quotes
// doubled). A JSON message is therefore a quoted field full of `""`.
//
// Read in one pass (every byte is looked at once, so the time is linear in the
// paste), under the same limits as every other paste: 100,000 events, 1 MB per
// message (event_from_message). A row that is not well-formed CSV, or has not
// as many fields as the header, becomes an event carrying its own error; the
// rows after it are read as usual.
//
// Recognised only when the paste's first row is a header with an `@message`
// field and starts with `@` (or a quoted `"@`): Logs Insights' own fields all
// start with `@`, and its export lists them first, so a log line that merely
// contains "@message" is not taken for a CSV.
#include <string>
#include <vector>

#include "cwlf/i18n.h"
#include "cwlf/workbench.h"
#include "resource_limits.h"

namespace cwlf {

namespace {

struct Field {
  Span span;          // in the pasted text (with its quotes)
  std::string value;  // decoded
  // (value offset, pasted offset) where the mapping shifts: after each doubled quote.
  std::vector<std::pair<uint32_t, uint32_t>> offset_map;
};

struct Row {
  uint32_t start = 0;  // first byte of the row
  std::vector<Field> fields;
  const char* error = nullptr;  // why the row is not well-formed CSV: a message id (events.csv.*)
  uint32_t error_at = 0;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }

  // Skips lines that hold nothing (a blank line between rows, the final line break).
  void skip_blank_lines() {
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }

  // Reads one row from the current position; `keep(i)` says whether field i's
  // decoded value is wanted (the others are only skipped over).
  template <typename Keep>
  Row read_row(Keep keep) {
    Row row;
    row.start = static_cast<uint32_t>(pos_);
    for (;;) {
      Field field;
      const bool wanted = keep(row.fields.size());
      if (!read_field(field, wanted, row)) {
        skip_to_line_end();
        return row;
      }
      row.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return row;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      // A line break ends the row: "\n" or "\r\n" (and a lone "\r").
      ++pos_;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      return row;
    }
  }

 private:
  bool at_row_end() const {
    return pos_ >= text_.size() || text_[pos_] == ',' || text_[pos_] == '\n' || text_[pos_] == '\r';
  }

  bool read_field(Field& field, bool wanted, Row& row) {
    const size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      if (wanted) field.offset_map.emplace_back(0, static_cast<uint32_t>(pos_));
      for (;;) {
        const size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          row.error = "events.csv.unclosed-quote";
          row.error_at = static_cast<uint32_t>(start);
          pos_ = text_.size();
          return false;
        }
        if (wanted) field.value.append(text_.data() + pos_, quote - pos_);
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {  // a doubled quote stands for one
          if (wanted) {
            field.value.push_back('"');
            field.offset_map.emplace_back(static_cast<uint32_t>(field.value.size()), static_cast<uint32_t>(pos_ + 1));
          }
          ++pos_;
          continue;
        }
        break;
      }
      if (!at_row_end()) {
        row.error = "events.csv.text-after-quote";
        row.error_at = static_cast<uint32_t>(pos_);
        return false;
      }
    } else {
      while (!at_row_end()) ++pos_;
      if (wanted) field.value.assign(text_.data() + start, pos_ - start);
    }
    field.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(pos_ - start)};
    return true;
  }

  // After a malformed field: the rest of its line belongs to the broken row.
  void skip_to_line_end() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    if (pos_ < text_.size()) ++pos_;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// The sentence of a Row::error id.
std::string csv_reason(const char* id) { return say(id); }

Event error_event(Span span, std::string code, std::string message) {
  Event ev;
  ev.span = span;
  ev.error = Diagnostic{std::move(code), "", std::move(message), span};
  return ev;
}

}  // namespace

bool unwrap_insights_csv(std::string_view pasted, uint32_t start, SplitResult& out) {
  if (start >= pasted.size()) return false;
  const char first = pasted[start];
  if (first != '@' && !(first == '"' && start + 1 < pasted.size() && pasted[start + 1] == '@')) return false;
  // The header: short, on one line.
  const size_t line_end = pasted.find('\n', start);
  const std::string_view header_line = pasted.substr(start, line_end == std::string_view::npos ? line_end : line_end - start);
  if (header_line.find("@message") == std::string_view::npos) return false;

  const std::string_view text = pasted.substr(start);
  CsvReader reader(text);
  const Row header = reader.read_row([](size_t) { return true; });
  if (header.error) return false;
  size_t message_field = header.fields.size();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    if (header.fields[i].value == "@message") {
      message_field = i;
      break;
    }
  }
  if (message_field == header.fields.size()) return false;

  SplitResult result;
  result.format = InputFormat::LogsInsightsCsv;
  const size_t columns = header.fields.size();
  for (;;) {
    reader.skip_blank_lines();
    if (reader.done()) break;
    const Row row = reader.read_row([&](size_t i) { return i == message_field; });
    const uint32_t row_start = row.start + start;
    if (result.events.size() >= kMaxEventsPerPaste) {
      const Span rest{row_start, static_cast<uint32_t>(pasted.size()) - row_start};
      result.events.push_back(error_event(rest, "too-many-events",
                                          say("events.too-many", {{"limit", std::to_string(kMaxEventsPerPaste)}})));
      break;
    }
    const uint32_t row_end =
        row.fields.empty() ? row_start : row.fields.back().span.offset + row.fields.back().span.length + start;
    if (row.error) {
      const uint32_t at = row.error_at + start;
      result.events.push_back(error_event(Span{at, 1}, "csv-row",
                                          say("events.csv.malformed", {{"reason", csv_reason(row.error)}})));
      continue;
    }
    if (row.fields.size() != columns) {
      result.events.push_back(error_event(
          Span{row_start, row_end - row_start}, "csv-row",
          say(row.fields.size() == 1 ? "events.csv.field-count.one" : "events.csv.field-count.other",
              {{"count", std::to_string(row.fields.size())}, {"columns", std::to_string(columns)}})));
      continue;
    }
    const Field& field = row.fields[message_field];
    Event ev = event_from_message(field.value);
    ev.span = Span{field.span.offset + start, field.span.length};
    if (ev.error) ev.error->span = ev.span;
    for (const auto& [m, s] : field.offset_map) ev.offset_map.emplace_back(m, s + start);
    result.events.push_back(std::move(ev));
  }
  out = std::move(result);
  return true;
}

}  // namespace cwlf
