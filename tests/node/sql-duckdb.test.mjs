// `cwlf sql --dialect duckdb` verified on a real engine: the generated
// predicate runs in DuckDB (npm @duckdb/node-api) over every semantic row of
// the golden conformance table, over rows of this file's own for the SQL's
// hard cases, and over the CloudTrail corpus under the CloudTrail patterns;
// DuckDB's verdict must equal cwlf's for every event of every pattern that
// is not refused, and every refusal must be of a family docs/sql.md lists.
// The native binary (CWLF_BIN, else build/cwlf) gives cwlf's verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readConformanceTable } from './conformance-table.mjs';
import { root } from './dist-module.mjs';

const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const work = mkdtempSync(join(tmpdir(), 'cwlf-sql-'));

function run(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// cwlf's own verdicts, one per message (each message is exactly one event).
function cwlfVerdicts(pattern, messages) {
  const file = join(work, 'messages.json');
  writeFileSync(file, JSON.stringify(messages));
  const r = run(['test-metric-filter', '--filter-pattern', pattern, '--log-event-messages', `file://${file}`]);
  assert.equal(r.code, 0, `cwlf test-metric-filter failed for ${pattern}: ${r.err}`);
  const matched = new Set(JSON.parse(r.out).matches.map((m) => m.eventNumber));
  return messages.map((_, i) => matched.has(i));
}

// The predicate, or the refusal's family and reason.
function translate(pattern) {
  const r = run(['sql', pattern, '--dialect', 'duckdb']);
  if (r.code === 0) return { sql: r.out.trim() };
  assert.equal(r.code, 2, `cwlf sql crashed for ${pattern}: ${r.err}`);
  const family = /exactly \(([a-z-]+)\)/.exec(r.err);
  assert.ok(family, `a refusal names its family: ${r.err}`);
  return { refused: family[1], reason: r.err };
}

// The refusal families docs/sql.md lists (its "Refusals" table, one `family` per row).
function documentedFamilies() {
  const doc = readFileSync(join(root, 'docs/sql.md'), 'utf8');
  return new Set([...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]));
}

let connection;
async function duck() {
  if (!connection) connection = await (await DuckDBInstance.create(':memory:')).connect();
  return connection;
}

// DuckDB's verdicts for `predicate` over `messages`.
async function duckVerdicts(predicate, messages) {
  const c = await duck();
  await c.run('CREATE OR REPLACE TABLE events (id INTEGER, message VARCHAR)');
  const appender = await c.createAppender('events');
  messages.forEach((m, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(m);
    appender.endRow();
  });
  appender.closeSync();
  const reader = await c.runAndReadAll(`SELECT id, (${predicate}) AS verdict FROM events ORDER BY id`);
  return reader.getRows().map((row) => row[1]);
}

// Compares DuckDB with cwlf over `messages`; returns the tally for the report.
async function compare(pattern, messages, expected, tally) {
  const t = translate(pattern);
  if (t.refused) {
    tally.refused.set(t.refused, (tally.refused.get(t.refused) || 0) + 1);
    tally.refusedPatterns.push(`${t.refused}: ${pattern}`);
    return;
  }
  tally.patterns++;
  let got;
  try {
    got = await duckVerdicts(t.sql, messages);
  } catch (e) {
    assert.fail(`DuckDB rejected the SQL for ${pattern}: ${e.message}\n${t.sql}`);
  }
  messages.forEach((m, i) => {
    assert.equal(typeof got[i], 'boolean', `a verdict is never NULL: ${pattern} on ${JSON.stringify(m)}`);
    tally.events++;
    if (got[i] === expected[i]) tally.agree++;
    else tally.disagree.push(`${pattern}  on  ${JSON.stringify(m)}: cwlf ${expected[i]}, DuckDB ${got[i]}`);
  });
}

function newTally() {
  return { patterns: 0, events: 0, agree: 0, disagree: [], refused: new Map(), refusedPatterns: [] };
}

function report(name, tally) {
  const refusals = [...tally.refused].map(([f, n]) => `${f} ${n}`).join(', ') || 'none';
  console.log(`# ${name}: ${tally.patterns} patterns translated, ${tally.agree}/${tally.events} verdicts agree; ` +
    `refused: ${refusals}`);
  for (const p of tally.refusedPatterns) console.log(`#   refused ${p}`);
}

function assertClean(tally) {
  assert.deepEqual(tally.disagree, [], 'DuckDB and cwlf disagree');
  const documented = documentedFamilies();
  for (const family of tally.refused.keys()) assert.ok(documented.has(family), `refusal ${family} is listed in docs/sql.md`);
}

// The cases where a hand-written translation goes wrong, beyond the table's rows.
const hardCases = [
  ['{ $.v != 1 }', ['{"v":2}', '{"v":1}', '{"v":1.0}', '{}', '{"v":null}', '{"v":true}', '{"v":{}}', '{"v":[2]}', '{"v":"2"}', '{"v":"1"}']],
  ['{ $.v = 2 && $.w.x = 3 }', ['{"v":1,"v":2,"w":{"x":3}}', '{"v":2,"v":1,"w":{"x":3}}', '{"v":2,"w":{"x":3,"x":4}}', '{"v":2,"w":{"x":3},"w":{}}']],
  [String.raw`{ $.v = 2 && $.['a/b'] = 3 }`, [String.raw`{"v":1,"\u0076":2,"a/b":3}`, String.raw`{"v":2,"a\/b":4,"a/b":3}`,
    String.raw`{"v":2,"a/b":3,"a\/b":4}`, String.raw`{"v":2,"x":""v"","a/b":3}`]],
  ['{ $.v.* = 1 }', ['{"v":{"a":1,"a":2}}', '{"v":{"a":2,"a":1}}']],
  ['{ $.v = 1 }', ['{"v":1}', '{"v":1.0}', '{"v":1e0}', '{"v":"1"}', '{"v":"1.0"}', '{"v":10e-1}', '{"v":[1]}', '{"v":-0}']],
  ['{ $.v = "1" }', ['{"v":1}', '{"v":1.0}', '{"v":"1"}', '{"v":1e0}', '{"v":-1}', '{"v":10}']],
  ['{ $.v != "1" }', ['{"v":1}', '{"v":1.0}', '{"v":"1"}', '{"v":null}', '{"v":[]}']],
  ['{ $.v > 1e2 }', ['{"v":101}', '{"v":1e308}', '{"v":-1e308}', '{"v":"200"}', '{"v":100.0}', '{"v":1e-400}', '{"v":123456789012345678901234567890}']],
  ['{ $.v <= 0 }', ['{"v":1e-400}', '{"v":-0}', '{"v":0.5}', '{"v":-5}']],
  ['{ $.v = "a*" }', ['{"v":"abc"}', '{"v":"xa"}', '{"v":"a"}', '{"v":1}', '{"v":null}']],
  ['{ $.v = "*%_\\\\*" }', ['{"v":"x%_\\\\y"}', '{"v":"x%-\\\\y"}', '{"v":"%_"}', '{"v":"ab"}']],
  ['{ $.v = "*b" }', ['{"v":"ab"}', '{"v":"ba"}', '{"v":"b"}']],
  ['{ $.v IS NULL }', ['{"v":null}', '{"v":[1,null]}', '{"v":[1]}', '{"v":"null"}', '{}', '{"v":{"a":null}}', '{"v":[[null]]}']],
  ['{ $.v NOT EXISTS }', ['{}', '{"v":null}', '{"v":[]}', '{"w":{"v":1}}']],
  ['{ $.a.b NOT EXISTS }', ['{"a":null}', '{"a":[{"b":1}]}', '{"a":{"b":null}}', '{"a":"b"}', '{}']],
  ['{ $.a[0] = 5 }', ['{"a":[5]}', '{"a":{"0":5}}', '{"a":[[5]]}', '{"a":5}']],
  ['{ $.a.0 = 5 }', ['{"a":[5]}', '{"a":{"0":5}}']],
  ['{ $.a[*] = 5 }', ['{"a":[1,5]}', '{"a":{"x":5}}', '{"a":5}', '{"a":[[5]]}', '{"a":[]}']],
  ['{ $.a[*].b = "x" }', ['{"a":[{"b":"x"}]}', '{"a":{"k":{"b":"x"}}}', '{"a":[{"b":"y"},{"b":"x"}]}', '{"a":[["x"]]}']],
  ['{ $.a.*.c[1] IS TRUE }', ['{"a":{"k":{"c":[false,true]}}}', '{"a":[{"c":[1,true]}]}', '{"a":{"k":{"c":{"1":true}}}}']],
  ['{ $.v IS TRUE || $.w IS FALSE }', ['{"v":true}', '{"v":"true"}', '{"w":false}', '{"w":0}']],
  ['{ $.[\'a.b\'] = 1 && $.c = * }', ['{"a.b":1,"c":"x"}', '{"a.b":1,"c":2}', '{"a.b":1,"c":null}', '{"a":{"b":1},"c":"x"}']],
  ['{ $.m = %^a.c$% }', ['{"m":"abc"}', '{"m":"a\\nc"}', '{"m":"abc\\n"}', '{"m":"abc\\r\\n"}', '{"m":"abcd"}', '{"m":"a\\u2028c"}', '{"m":"aéc"}']],
  ['{ $.m = %\\d+% }', ['{"m":"x12"}', '{"m":"x"}']],
  ['{ $.a = 1 }', ['{"a":1,}', '{"a":1, "b":NaN}', '{"a":1, "b":"NaN,]"}', '  {"a":1}  ', '{"a":1} x', '[{"a":1}]', 'x {"a":1}', '{"a":1,"inf":2}']],
  ['ERROR', ['an ERROR here', 'error', 'ERRORS', '']],
  ['"a b" -c', ['a b', 'a b c', 'a  b', 'x a b x']],
  ['?ERROR ?WARN', ['ERROR', 'WARN x', 'INFO']],
  ['?ERROR WARN', ['ERROR', 'WARN', 'INFO']],
  ['%ab?c% -%^x%', ['ac', 'abc', 'xabc', 'a']],
  ['[a, b, c]', ['1 2 3', '1 2 3 4  5 ', '1 2', '"x y" [z w] q', '1\t2\t3', '  1   2   3  ']],
  ['[a, b, c = "3 4"]', ['1 2 3 4', '1 2 "3 4"', '1 2 3  4', '1 2 "3 4" ']],
  ['[a, b, c = 3*]', ['1 2 3 4', '1 2 34', '1 2 x']],
  ['[a = 1, ..., z = "end"]', ['1 end', '1 x y end', '1.0 end', '"1" q end', '+1 x "end"', 'end']],
  ['[a != 1, b > 2]', ['1 3', '2 3', 'x 3', '2 x', '2 3e0', '2 1e400', '0 [5]']],
  ['[a = %^\\d+$%]', ['12', '12 x', 'x12']],
  ['[a, b = *]', ['1', '1 2', '1 "" ']],
  ['[...]', ['', 'x', 'a b c']],
  ['[a, b = "x\ty"]', ['1 "x\ty"', '1 x\ty', '"ab"cd x', '" x', '[ x']],
  ['[a, b, c = *d*]', ['"ab"cd x y d', '[a b]c x [d', '1 " 2 d', 'a\nb c d']],
  [String.raw`%\xe9\s\W% ?x`, ["café ,", "cafe ,", "é\t!", "é\u00a0!"]],
  ['%^.$%', ['a', '\u0085', '😀', 'ab', 'a\n', '\n', '']],
  ['{ $.s = "a\\"b" || $.t = "é" }', ['{"s":"a\\"b"}', '{"t":"\\u00e9"}', '{"t":"é"}', '{"s":"a\\\\\\"b"}']],
  ['{ $.a.b = 1 }', ['{"a":[{"b":1}]}', '{"a":{"b":[1]}}', '{"a":{"b":1}}']],
  ['[]', ['', 'x']],
  ['', ['', 'anything', '{"a":1}']],
];

test('DuckDB agrees with cwlf on every semantic row of the conformance table', async () => {
  const rows = readConformanceTable().filter((c) => c.error === undefined);
  assert.ok(rows.length > 100, `the table has its semantic rows (${rows.length})`);
  const byPattern = new Map();
  for (const row of rows) {
    if (!byPattern.has(row.pattern)) byPattern.set(row.pattern, []);
    byPattern.get(row.pattern).push(row);
  }
  const tally = newTally();
  for (const [pattern, group] of byPattern) {
    const messages = group.map((r) => r.message);
    const expected = cwlfVerdicts(pattern, messages);
    group.forEach((r, i) => assert.equal(expected[i], r.match, `cwlf itself agrees with ${r.where}`));
    await compare(pattern, messages, expected, tally);
  }
  report(`conformance table (${rows.length} rows, ${byPattern.size} patterns)`, tally);
  assertClean(tally);
  assert.ok(tally.events > 100, 'most rows were compared');
});

test('DuckDB agrees with cwlf on the SQL-specific hard cases', async () => {
  const tally = newTally();
  for (const [pattern, messages] of hardCases) await compare(pattern, messages, cwlfVerdicts(pattern, messages), tally);
  report(`hard cases (${hardCases.length} patterns)`, tally);
  assertClean(tally);
  assert.ok(tally.patterns >= hardCases.length - 2, 'nearly every hard case is translated');
});

test('DuckDB agrees with cwlf on the CloudTrail corpus under the CloudTrail patterns', async () => {
  const corpus = readFileSync(join(root, 'tests/data/corpus/cloudtrail-docs.ndjson'), 'utf8').split('\n').filter(Boolean);
  const patterns = [readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8').trim()];
  for (const line of readFileSync(join(root, 'bench/patterns.tsv'), 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (!line.startsWith('#') && cols[1] === 'cloudtrail') patterns.push(cols[2]);
  }
  // Every JSON pattern of the table, too: its selectors meet CloudTrail's shapes.
  for (const c of readConformanceTable()) if (!c.error && c.pattern.trim().startsWith('{')) patterns.push(c.pattern);
  patterns.push('{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    '{ $.errorCode = "*UnauthorizedOperation" || $.errorCode = "AccessDenied*" }', '{ $.requestParameters.* IS NULL }',
    '{ $.resources[*].type = "AWS::S3::*" }', '{ $.responseElements.ConsoleLogin = Failure }', '{ $.readOnly IS FALSE }',
    'AccessDenied -ConsoleLogin', '"ConsoleLogin"', '{ $.userIdentity.sessionContext.attributes.mfaAuthenticated != "true" }');
  const unique = [...new Set(patterns)];
  const tally = newTally();
  for (const pattern of unique) await compare(pattern, corpus, cwlfVerdicts(pattern, corpus), tally);
  report(`CloudTrail corpus (${corpus.length} records, ${unique.length} patterns)`, tally);
  assertClean(tally);
  assert.ok(tally.patterns > 30, 'the patterns are translated');
});

test('the generated SQL is checked against the native binary that exists', () => {
  assert.ok(existsSync(bin), `the native cwlf is built at ${bin}`);
});
