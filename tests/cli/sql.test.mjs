// `cwlf sql`: dialects, quoting, whole queries, refusals and usage errors,
// and the golden Trino/Athena output per construct (tests/data/sql/). The
// DuckDB output is run in DuckDB by tests/node/sql-duckdb.test.mjs; the
// Trino/Athena output shares its generator and is checked here by its text.
// Set CWLF_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const goldenDir = join(root, 'tests/data/sql');

function cwlf(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// One golden file per construct: name -> pattern.
const constructs = [
  ['match-all', ''],
  ['terms', 'ERROR -DEBUG "disk full"'],
  ['terms-optional', '?ERROR ?WARN'],
  ['terms-regex', '%ab+c$% -%^x%'],
  ['json-equal', '{ $.eventName = "ConsoleLogin" }'],
  ['json-not-equal', '{ $.status != 200 }'],
  ['json-number-order', '{ $.bytes >= 1.5e3 }'],
  ['json-wildcard-text', '{ $.errorCode = "*Unauthorized*" }'],
  ['json-null', '{ $.a IS NULL || $.b IS TRUE || $.c IS FALSE }'],
  ['json-not-exists', '{ $.userIdentity.invokedBy NOT EXISTS }'],
  ['json-quoted-member-index', '{ $.[\'a.b\'][2].c = "x" }'],
  ['json-star', '{ $.resources[*].type = "AWS::S3::Bucket" }'],
  ['json-regex', '{ $.sourceIPAddress = %^10\\.0\\.% }'],
  ['delimited', '[ip, user, ..., status = 4*, size > 1000]'],
  ['delimited-greedy-last', '[a, b = %x%, rest = "c d"]'],
];

for (const dialect of ['trino', 'duckdb']) {
  test(`${dialect} output matches the golden file of every construct`, () => {
    for (const [name, pattern] of constructs) {
      const r = cwlf(['sql', pattern, '--dialect', dialect]);
      assert.equal(r.code, 0, `${name}: ${r.err}`);
      const file = join(goldenDir, `${name}.${dialect}.sql`);
      const golden = `-- cwlf sql ${JSON.stringify(pattern)} --dialect ${dialect}\n${r.out}`;
      if (process.env.CWLF_UPDATE_GOLDEN) writeFileSync(file, golden);
      assert.ok(existsSync(file), `${file} exists (CWLF_UPDATE_GOLDEN=1 writes it)`);
      assert.equal(golden, readFileSync(file, 'utf8'), `${name} (${dialect})`);
    }
  });
}

test('athena prints what trino prints: Athena engine v3 is Trino', () => {
  for (const [, pattern] of constructs) {
    const a = cwlf(['sql', pattern, '--dialect', 'athena']);
    assert.equal(a.code, 0, a.err);
    assert.equal(a.out, cwlf(['sql', pattern, '--dialect', 'trino']).out);
  }
});

test('the dialects differ where their functions do', () => {
  const pattern = '{ $.a[*] = "x" }';
  const duck = cwlf(['sql', pattern, '--dialect', 'duckdb']).out;
  const trino = cwlf(['sql', pattern, '--dialect', 'trino']).out;
  assert.match(duck, /json_valid\("message"\)/);
  assert.match(duck, /list_filter\(/);
  assert.match(trino, /try\(json_parse\("message"\)\)/);
  assert.match(trino, /CAST\(v\d+ AS ARRAY\(JSON\)\)/);
  assert.match(trino, /any_match\(/);
  assert.doesNotMatch(trino, /list_filter|json_valid/);
});

test('string literals and identifiers are quoted', () => {
  const r = cwlf(['sql', `{ $.name = "it's" }`, '--dialect', 'trino', '--column', 'raw "event"', '--table', 'db.logs']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /'it''s'/);
  assert.match(r.out, /"raw ""event"""/);
  assert.match(r.out, /FROM "db"\."logs"/);
  const like = cwlf(['sql', '{ $.p = "*50%_off\\\\*" }', '--dialect', 'duckdb']).out;
  assert.match(like, /LIKE '%50\\%\\_off\\\\%' ESCAPE '\\'/, 'LIKE escapes %, _ and the escape character');
});

test('--table wraps the predicate in a query: count (default), events, timeline', () => {
  const count = cwlf(['sql', 'ERROR', '--dialect', 'athena', '--table', 'cloudtrail_raw']);
  assert.equal(count.code, 0, count.err);
  assert.equal(count.out, 'SELECT count(*) AS matches\nFROM "cloudtrail_raw"\nWHERE (strpos("message", \'ERROR\') > 0);\n');
  const events = cwlf(['sql', 'ERROR', '--dialect', 'duckdb', '--table', 't', '--query', 'events', '--column', 'm']);
  assert.equal(events.out, 'SELECT "m"\nFROM "t"\nWHERE (strpos("m", \'ERROR\') > 0);\n');
  const timeline = cwlf(['sql', 'ERROR', '--dialect', 'athena', '--table', 't', '--query', 'timeline']);
  assert.match(timeline.out, /from_unixtime\(floor\(to_unixtime\(from_iso8601_timestamp\(json_extract_scalar\("message", '\$\.eventTime'\)\)\) \/ 300\) \* 300\) AS period_start/);
  assert.match(timeline.out, /GROUP BY 1\nORDER BY 1;/);
  const duckTimeline = cwlf(['sql', 'ERROR', '--dialect', 'duckdb', '--table', 't', '--query', 'timeline',
    '--time-column', 'ts', '--period-minutes', '60']);
  assert.match(duckTimeline.out, /time_bucket\(INTERVAL '60 minutes', "ts"\) AS period_start/);
});

test('a construct SQL cannot say exactly is refused with its reason and place, exit 2', () => {
  const r = cwlf(['sql', '{ $.v = "1.5" }', '--dialect', 'duckdb']);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /cannot translate this pattern into SQL exactly \(json-number-text\)/);
  assert.match(r.err, /1\.50 as 1\.5/);
  assert.match(r.err, /\n  \{ \$\.v = "1\.5" \}\n {10}\^{5}\n/);
  const zero = cwlf(['sql', '{ $.v = %^\\d+$% }', '--dialect', 'trino']);
  assert.equal(zero.code, 2);
  assert.match(zero.err, /-0 from 0/);
  const dollar = cwlf(['sql', '%a$b%', '--dialect', 'duckdb']);
  assert.equal(dollar.code, 2);
  assert.match(dollar.err, /\(regex\)/);
});

test('text no decimal number can match is translated, not refused', () => {
  for (const p of ['{ $.ip != 123.123.* }', '{ $.ip = %^192\\.168\\.12\\.% }', '{ $.v = "1" }', '{ $.v = "*e" }'])
    assert.equal(cwlf(['sql', p, '--dialect', 'duckdb']).code, 0, p);
});

test('usage errors exit 2 with the reason', () => {
  const cases = [
    [['sql', 'ERROR'], /--dialect is required/],
    [['sql', 'ERROR', '--dialect', 'mysql'], /unknown dialect mysql/],
    [['sql', '--dialect', 'duckdb'], /sql takes a PATTERN/],
    [['sql', 'ERROR', '--dialect', 'duckdb', '--query', 'count'], /--query needs --table/],
    [['sql', 'ERROR', '--dialect', 'duckdb', '--table', 't', '--query', 'sum'], /unknown query sum/],
    [['sql', 'ERROR', '--dialect', 'duckdb', '--table', 't', '--period-minutes', '0'], /--period-minutes/],
    [['sql', 'ERROR', '--dialect', 'duckdb', '--bogus'], /unknown option --bogus/],
    [['sql', 'a', 'b', '--dialect', 'duckdb'], /one PATTERN/],
  ];
  for (const [args, reason] of cases) {
    const r = cwlf(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, reason);
  }
  const invalid = cwlf(['sql', '{ $.a = }', '--dialect', 'duckdb']);
  assert.equal(invalid.code, 2);
  assert.match(invalid.err, /\(pattern-invalid\)/);
});

test('cwlf --help lists the sql command', () => {
  assert.match(cwlf(['--help']).out, /cwlf sql PATTERN --dialect duckdb\|trino\|athena/);
});
