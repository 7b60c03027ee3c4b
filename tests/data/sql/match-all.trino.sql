-- cwlf sql "" --dialect trino
TRUE
