-- cwlf sql "" --dialect duckdb
TRUE
