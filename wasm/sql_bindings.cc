// embind: sql(pattern, dialect), the pattern as a SQL predicate for the
// page's "Copy as… Athena SQL / DuckDB SQL" (core/include/cwlf/sql.h).
//
//   cwlf.sql('{ $.eventName = "ConsoleLogin" }', 'athena')
//     -> { ok: true, sql: "CASE WHEN ..." }
//     -> { ok: false, family: "json-number-text", reason: "...", offset, length }
// Offsets are UTF-16 indices into the pattern, as everywhere in the API.
#include <emscripten/bind.h>

#include <string>
#include <utility>

#include "cwlf/sql.h"
#include "js_values.h"

namespace {

using emscripten::val;

val sql(const std::string& pattern, const std::string& dialect) {
  val out = val::object();
  cwlf::SqlOptions options;
  if (!cwlf::parse_sql_dialect(dialect, options.dialect)) {
    out.set("ok", false);
    out.set("family", val("option"));
    out.set("reason", val("unknown dialect " + dialect + " (duckdb, trino or athena)"));
    return out;
  }
  cwlf::SqlResult r = cwlf::pattern_text_to_sql(pattern, options);
  out.set("ok", r.ok);
  if (r.ok) {
    out.set("sql", val(r.sql));
    return out;
  }
  out.set("family", val(r.refusal_family));
  out.set("reason", val(r.reason));
  std::pair<uint32_t, uint32_t> span = cwlf_js::Utf16Index(pattern).span(r.span);
  out.set("offset", span.first);
  out.set("length", span.second);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_sql) { emscripten::function("sql", &sql); }
