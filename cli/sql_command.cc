// `cwlf sql`: prints a filter pattern as a SQL predicate (or a whole query)
// over one VARCHAR column holding the raw event, with cwlf's verdicts. A
// construct that cannot be translated exactly is refused: the reason and
// its place in the pattern on stderr, exit status 2.
#include "sql_command.h"

#include <cstdlib>
#include <iostream>

#include "cwlf/i18n.h"
#include "caret.h"
#include "cwlf/sql.h"

namespace cwlf::cli {

const char* kSqlUsage =
    "  cwlf sql PATTERN --dialect duckdb|trino|athena [--column message] [--table T]\n"
    "           [--query count|events|timeline] [--time-column C] [--period-minutes 5]\n"
    "      Print the pattern as a SQL predicate over the column holding the raw event, with the\n"
    "      same verdicts as cwlf; with --table, a whole query (count, the matching events, or\n"
    "      matches per period). What SQL cannot say exactly is refused, exit 2 (docs/sql.md).\n";

namespace {

int sql_usage_error(const std::string& what) {
  std::cerr << "cwlf: " << what << "\n\nusage:\n" << kSqlUsage;
  return 2;
}

}  // namespace

int cmd_sql(const std::vector<std::string>& args) {
  SqlOptions o;
  std::string pattern;
  bool have_pattern = false, have_dialect = false, have_query = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool takes_value = a == "--dialect" || a == "--column" || a == "--table" || a == "--query" ||
                       a == "--time-column" || a == "--period-minutes";
    if (takes_value) {
      if (i + 1 >= args.size()) return sql_usage_error(a + " needs a value");
      const std::string& v = args[++i];
      if (a == "--dialect") {
        if (!parse_sql_dialect(v, o.dialect)) return sql_usage_error("unknown dialect " + v + " (duckdb, trino or athena)");
        have_dialect = true;
      } else if (a == "--column") {
        o.column = v;
      } else if (a == "--table") {
        o.table = v;
      } else if (a == "--query") {
        if (!parse_sql_query(v, o.query) || o.query == SqlQuery::Predicate)
          return sql_usage_error("unknown query " + v + " (count, events or timeline)");
        have_query = true;
      } else if (a == "--time-column") {
        o.time_column = v;
      } else {
        char* end = nullptr;
        unsigned long m = std::strtoul(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || m == 0 || m > 10080)
          return sql_usage_error("--period-minutes takes a whole number of minutes from 1 to 10080");
        o.period_minutes = static_cast<uint32_t>(m);
      }
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      return sql_usage_error("unknown option " + a);
    } else if (!have_pattern) {
      pattern = a;
      have_pattern = true;
    } else {
      return sql_usage_error("sql takes one PATTERN");
    }
  }
  if (!have_pattern) return sql_usage_error("sql takes a PATTERN");
  if (!have_dialect) return sql_usage_error("--dialect is required (duckdb, trino or athena)");
  if (!o.table.empty() && !have_query) o.query = SqlQuery::Count;
  if (have_query && o.table.empty()) return sql_usage_error("--query needs --table");

  SqlResult r = pattern_text_to_sql(pattern, o);
  if (!r.ok) {
    if (r.refusal_family == "option") return sql_usage_error(r.reason);
    std::cerr << "cwlf: " << say("cli.sql.refused", {{"family", r.refusal_family}});
    const std::string reason = say("cli.sql.reason", {{"reason", r.reason}});  // with the language's full stop
    if (r.span.length > 0)
      std::cerr << "\n" << caret_diagnostic(pattern, Diagnostic{r.refusal_family, "", reason, r.span});
    else
      std::cerr << ": " << reason << "\n";
    return 2;
  }
  std::cout << r.sql << "\n";
  return 0;
}

}  // namespace cwlf::cli
