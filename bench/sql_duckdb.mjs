// How fast DuckDB runs `cwlf sql --dialect duckdb` output: the CloudTrail
// corpus (tests/data/corpus, 569 records) repeated to N events in one table,
// then the count query of each pattern timed (best of 3). For docs/sql.md's
// cost paragraph; needs build/cwlf (or CWLF_BIN) and tests/node_modules.
// usage: node bench/sql_duckdb.mjs [N=200000] [PATTERN ...]
// prints: <pattern> <events> <matches> <seconds> <events per second>
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { DuckDBInstance } = createRequire(join(root, 'tests', 'package.json'))('@duckdb/node-api');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const [nArg, ...given] = process.argv.slice(2);
const n = Number(nArg || 200000);
const patterns = given.length ? given : [
  readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8').trim(),
  '{ $.eventName = "ConsoleLogin" && $.errorMessage = "Failed authentication" }',
  '{ $.resources[*].type = "AWS::S3::Bucket" }',
  'AccessDenied -ConsoleLogin',
];

const corpus = readFileSync(join(root, 'tests/data/corpus/cloudtrail-docs.ndjson'), 'utf8').split('\n').filter(Boolean);
const c = await (await DuckDBInstance.create(':memory:')).connect();
await c.run('CREATE TABLE events (message VARCHAR)');
const appender = await c.createAppender('events');
for (let i = 0; i < n; i++) {
  appender.appendVarchar(corpus[i % corpus.length]);
  appender.endRow();
}
appender.closeSync();

for (const pattern of patterns) {
  const r = spawnSync(bin, ['sql', pattern, '--dialect', 'duckdb', '--table', 'events'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`${JSON.stringify(pattern)} refused: ${r.stderr.split('\n')[0]}`);
    continue;
  }
  let best = Infinity, matches = 0;
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    matches = Number((await c.runAndReadAll(r.stdout)).getRows()[0][0]);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(`${JSON.stringify(pattern).slice(0, 60)} ${n} ${matches} ${best.toFixed(3)} ${Math.round(n / best)}`);
}
