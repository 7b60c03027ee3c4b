-- cwlf sql "ERROR -DEBUG \"disk full\"" --dialect duckdb
(strpos("message", 'ERROR') > 0 AND NOT strpos("message", 'DEBUG') > 0 AND strpos("message", 'disk full') > 0)
