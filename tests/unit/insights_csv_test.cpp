// core/events/unwrap_insights_csv.cc: a CloudWatch Logs Insights CSV export
// (header row with @message, RFC 4180 quoting) read as one event per row.
#include <catch2/catch.hpp>
#include <string>

#include "cwlf/workbench.h"
#include "events.h"
#include "resource_limits.h"

using namespace cwlf;

namespace {

// As the console's "Export results → Download table (CSV)" writes it.
const char* kExport =
    "@timestamp,@message\n"
    "2026-11-20 09:14:02.000,\"{\"\"eventVersion\"\":\"\"1.08\"\",\"\"userIdentity\"\":{\"\"type\"\":\"\"Root\"\"},"
    "\"\"eventName\"\":\"\"ConsoleLogin\"\"}\"\n"
    "2026-11-20 09:14:03.000,ERROR disk full\n";

}  // namespace

TEST_CASE("Logs Insights CSV export: each row's @message is one event", "[workbench][csv]") {
  SplitResult r = split_events(kExport);
  REQUIRE(r.format == InputFormat::LogsInsightsCsv);
  REQUIRE(std::string(input_format_name(r.format)) == "logs-insights-csv");
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message ==
        R"({"eventVersion":"1.08","userIdentity":{"type":"Root"},"eventName":"ConsoleLogin"})");
  CHECK(r.events[0].json.has_value());
  CHECK_FALSE(r.events[0].error.has_value());
  CHECK(r.events[1].message == "ERROR disk full");
  CHECK_FALSE(r.events[1].json.has_value());
  // The span is the quoted field in the pasted text.
  const std::string pasted(kExport);
  const Event& e = r.events[0];
  CHECK(pasted.substr(e.span.offset, 2) == "\"{");
  CHECK(pasted[e.span.offset + e.span.length - 1] == '"');
}

TEST_CASE("Logs Insights CSV: message offsets map past the doubled quotes", "[workbench][csv]") {
  SplitResult r = split_events(kExport);
  const std::string pasted(kExport);
  const Event& e = r.events[0];
  const size_t in_message = e.message.find("Root");
  const uint32_t source = e.source_offset(static_cast<uint32_t>(in_message));
  CHECK(pasted.substr(source, 4) == "Root");
  const size_t name = e.message.find("ConsoleLogin");
  CHECK(pasted.substr(e.source_offset(static_cast<uint32_t>(name)), 12) == "ConsoleLogin");
}

TEST_CASE("Logs Insights CSV: CRLF, quoted header, more fields, line breaks in a field", "[workbench][csv]") {
  SplitResult r = split_events(
      "\"@timestamp\",\"@logStream\",\"@message\"\r\n"
      "2026-01-01,s1,\"line one\nline two, with a comma\"\r\n"
      "\r\n"
      "2026-01-02,s2,\"\"\r\n");
  REQUIRE(r.format == InputFormat::LogsInsightsCsv);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message == "line one\nline two, with a comma");
  CHECK(r.events[1].message.empty());
  // @message need not be the last column.
  SplitResult r2 = split_events("@message,@timestamp\nhello world,2026-01-01\n");
  REQUIRE(r2.format == InputFormat::LogsInsightsCsv);
  REQUIRE(r2.events.size() == 1);
  CHECK(r2.events[0].message == "hello world");
}

TEST_CASE("Logs Insights CSV: a malformed row carries its own error, the others are read", "[workbench][csv]") {
  SplitResult r = split_events(
      "@timestamp,@message\n"
      "t1,\"bad \"quote\" here\"\n"
      "t2\n"
      "t3,fine\n"
      "t4,\"never closed\n");
  REQUIRE(r.format == InputFormat::LogsInsightsCsv);
  REQUIRE(r.events.size() == 4);
  REQUIRE(r.events[0].error.has_value());
  CHECK(r.events[0].error->code == "csv-row");
  CHECK(r.events[0].error->message.find("must be doubled") != std::string::npos);
  REQUIRE(r.events[1].error.has_value());
  CHECK(r.events[1].error->message.find("has 1 field; its header has 2") != std::string::npos);
  CHECK_FALSE(r.events[2].error.has_value());
  CHECK(r.events[2].message == "fine");
  REQUIRE(r.events[3].error.has_value());
  CHECK(r.events[3].error->message.find("not closed") != std::string::npos);
}

TEST_CASE("text that is not a Logs Insights CSV export is split as before", "[workbench][csv]") {
  // No @message field in the header.
  CHECK(split_events("@timestamp,@logStream\na,b\n").format == InputFormat::Lines);
  // A log line that mentions @message but does not start with a field name.
  CHECK(split_events("user @message,ok\nnext\n").format == InputFormat::Lines);
  // A quoted line that is not a header.
  CHECK(split_events("\"hello\" @message\n").format == InputFormat::Lines);
  // The header alone: an export with no rows has no events.
  SplitResult empty = split_events("@timestamp,@message\n");
  CHECK(empty.format == InputFormat::LogsInsightsCsv);
  CHECK(empty.events.empty());
}

TEST_CASE("Logs Insights CSV: the size limits of every paste", "[workbench][csv]") {
  std::string big = "@timestamp,@message\nt,\"" + std::string(kMaxEventBytes + 1, 'a') + "\"\nt,small\n";
  SplitResult r = split_events(big);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].error.has_value());
  CHECK(r.events[1].message == "small");
  std::string many = "@timestamp,@message\n";
  for (uint32_t i = 0; i < kMaxEventsPerPaste + 5; ++i) many += "t,m\n";
  SplitResult r2 = split_events(many);
  REQUIRE(r2.events.size() == kMaxEventsPerPaste + 1);
  REQUIRE(r2.events.back().error.has_value());
  CHECK(r2.events.back().error->code == "too-many-events");
}
