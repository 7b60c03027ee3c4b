// The SQL generator's entry point: picks the family's translation, wraps
// the predicate in a whole query when a table is given, and reports the
// first construct that cannot be translated exactly.
#include "cwlf/i18n.h"
#include "sql_internal.h"

namespace cwlf {

namespace sd = sql_detail;

namespace {

// A table name as given, each dot-separated part quoted (db.table -> "db"."table").
std::string quote_table(std::string_view name) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    out += sd::quote_identifier(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    out += ".";
    start = dot + 1;
  }
  return out;
}

std::string time_expression(const SqlOptions& o, const std::string& column) {
  if (!o.time_column.empty()) return sd::quote_identifier(o.time_column);
  if (o.dialect == SqlDialect::DuckDB)
    return "CAST(json_extract_string(" + column + ", '$.eventTime') AS TIMESTAMP)";
  return "from_iso8601_timestamp(json_extract_scalar(" + column + ", '$.eventTime'))";
}

std::string period_start(const SqlOptions& o, const std::string& time) {
  std::string minutes = std::to_string(o.period_minutes);
  if (o.dialect == SqlDialect::DuckDB) return "time_bucket(INTERVAL '" + minutes + " minutes', " + time + ")";
  std::string seconds = std::to_string(o.period_minutes * 60);
  return "from_unixtime(floor(to_unixtime(" + time + ") / " + seconds + ") * " + seconds + ")";
}

SqlResult refused(std::string family, std::string reason, Span span = {}) {
  SqlResult r;
  r.refusal_family = std::move(family);
  r.reason = std::move(reason);
  r.span = span;
  return r;
}

}  // namespace

SqlResult pattern_to_sql(const Pattern& p, const SqlOptions& o) {
  if (o.column.empty()) return refused("option", say("sql.option.column-empty"));
  if (o.query != SqlQuery::Predicate && o.table.empty()) return refused("option", say("sql.option.needs-table"));
  if (o.period_minutes == 0 || o.period_minutes > 10080)
    return refused("option", say("sql.option.period"));
  sd::Dialect d(o.dialect);
  sd::Context c{p, d, sd::quote_identifier(o.column), std::nullopt, 0};
  std::string predicate;
  switch (p.family) {
    case PatternFamily::MatchAll: predicate = "TRUE"; break;
    case PatternFamily::Terms: predicate = sd::terms_predicate(c); break;
    case PatternFamily::Json: predicate = sd::json_predicate(c); break;
    case PatternFamily::Delimited: predicate = sd::delimited_predicate(c); break;
  }
  if (c.refusal) return refused(c.refusal->family, c.refusal->reason, c.refusal->span);

  SqlResult r;
  r.ok = true;
  std::string table = o.table.empty() ? "" : quote_table(o.table);
  switch (o.query) {
    case SqlQuery::Predicate:
      r.sql = predicate;
      break;
    case SqlQuery::Count:
      r.sql = "SELECT count(*) AS matches\nFROM " + table + "\nWHERE " + predicate + ";";
      break;
    case SqlQuery::Events:
      r.sql = "SELECT " + c.column + "\nFROM " + table + "\nWHERE " + predicate + ";";
      break;
    case SqlQuery::Timeline:
      r.sql = "SELECT " + period_start(o, time_expression(o, c.column)) + " AS period_start, count(*) AS matches\nFROM " +
              table + "\nWHERE " + predicate + "\nGROUP BY 1\nORDER BY 1;";
      break;
  }
  return r;
}

SqlResult pattern_text_to_sql(std::string_view text, const SqlOptions& o) {
  CompileResult cr = compile_pattern(text);
  if (!cr.pattern) {
    std::string why = cr.error ? cr.error->message : say("sql.pattern-invalid");
    return refused("pattern-invalid", why, cr.error ? cr.error->span : Span{});
  }
  return pattern_to_sql(*cr.pattern, o);
}

bool parse_sql_dialect(std::string_view name, SqlDialect& out) {
  if (name == "duckdb") out = SqlDialect::DuckDB;
  else if (name == "trino") out = SqlDialect::Trino;
  else if (name == "athena") out = SqlDialect::Athena;
  else return false;
  return true;
}

bool parse_sql_query(std::string_view name, SqlQuery& out) {
  if (name == "predicate") out = SqlQuery::Predicate;
  else if (name == "count") out = SqlQuery::Count;
  else if (name == "events") out = SqlQuery::Events;
  else if (name == "timeline") out = SqlQuery::Timeline;
  else return false;
  return true;
}

}  // namespace cwlf
