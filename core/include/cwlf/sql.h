// A filter pattern as SQL: a boolean predicate over one VARCHAR column that
// holds the raw event as CloudWatch receives it, with the same verdict as
// cwlf for every event, for DuckDB, Trino and Amazon Athena (engine v3, which
// is Trino). One generator serves the three dialects; they differ only in the
// names and shapes of their JSON, list and regex functions.
//
// What cannot be reproduced exactly is refused with the reason (never a
// predicate that is almost right); docs/sql.md lists every refusal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "pattern.h"

namespace cwlf {

enum class SqlDialect : uint8_t { DuckDB, Trino, Athena };
enum class SqlQuery : uint8_t {
  Predicate,  // the boolean expression alone (no table)
  Count,      // SELECT count(*) ... WHERE predicate
  Events,     // SELECT column ... WHERE predicate
  Timeline,   // matches per period (default 5 minutes), by the record's time
};

struct SqlOptions {
  SqlDialect dialect = SqlDialect::DuckDB;
  std::string column = "message";  // the column holding the raw event
  std::string table;               // required for every query but Predicate
  SqlQuery query = SqlQuery::Predicate;
  // Timeline: the column with the event time (a TIMESTAMP); empty means the
  // record's own `eventTime` (CloudTrail), read from the JSON in `column`.
  std::string time_column;
  uint32_t period_minutes = 5;
};

struct SqlResult {
  bool ok = false;
  std::string sql;  // when ok
  // When not ok: the family of the refusal ("regex", "json-number-text",
  // "number-literal", "pattern-invalid", "option"), the reason in plain
  // words, and the pattern bytes at fault.
  std::string refusal_family;
  std::string reason;
  Span span;
};

// Translates a compiled pattern.
SqlResult pattern_to_sql(const Pattern& pattern, const SqlOptions& options);
// Compiles then translates; an invalid pattern is refused as "pattern-invalid".
SqlResult pattern_text_to_sql(std::string_view pattern_text, const SqlOptions& options);

// "duckdb" | "trino" | "athena"; false when the name is unknown.
bool parse_sql_dialect(std::string_view name, SqlDialect& out);
bool parse_sql_query(std::string_view name, SqlQuery& out);

}  // namespace cwlf
