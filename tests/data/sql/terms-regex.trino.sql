-- cwlf sql "%ab+c$% -%^x%" --dialect trino
(regexp_like("message", '[\x{61}][\x{62}]+[\x{63}](?:\r\n|[\n\r\x{85}\x{2028}\x{2029}])?\z') AND NOT regexp_like("message", '^[\x{78}]'))
