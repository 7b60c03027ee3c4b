-- cwlf sql "?ERROR ?WARN" --dialect duckdb
(strpos("message", 'ERROR') > 0 OR strpos("message", 'WARN') > 0)
