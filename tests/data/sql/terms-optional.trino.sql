-- cwlf sql "?ERROR ?WARN" --dialect trino
(strpos("message", 'ERROR') > 0 OR strpos("message", 'WARN') > 0)
