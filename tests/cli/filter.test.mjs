// `cwlf filter`, end to end: grep-like output, -c, --explain, the input forms
// (JSON Lines, pretty-printed objects, CloudTrail Records files, .json.gz,
// directories, stdin), exit codes, and memory that does not grow with the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const corpusFile = join(root, 'tests/data/corpus/cloudtrail-docs.ndjson');
const corpus = readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean);
const seedPattern = readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8').trim();

function cwlf(args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lines = (s) => s.split('\n').filter(Boolean);

// The reference: `cwlf test --json` (split, parse everything, no prefilter).
function reference(pattern, text) {
  const r = cwlf(['test', pattern, '-', '--json'], text);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out).events.filter((e) => e.matched).map((e) => e.message);
}

const patterns = [
  seedPattern,
  '{ $.eventName = ConsoleLogin }',
  '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  '"AccessDenied" -HeadBucket',
  '{ $.eventSource = kms.amazonaws.com && $.requestParameters.keySpec = * }',
];

test('filter prints the events `cwlf test` finds matching, in order, for the corpus', () => {
  const text = corpus.join('\n') + '\n';
  for (const p of patterns) {
    const want = reference(p, text);
    const r = cwlf(['filter', p, corpusFile]);
    assert.equal(r.code, want.length ? 0 : 1, r.err);
    assert.deepEqual(lines(r.out), want, p);
    const c = cwlf(['filter', '-c', p, corpusFile]);
    assert.equal(c.out, `${want.length}\n`);
  }
  // The seed pattern finds something in the corpus (the test is not vacuous).
  assert.ok(reference(patterns[3], text).length > 0);
});

test('filter reads pretty-printed events from stdin and prints them compact', () => {
  const pretty = readFileSync(join(root, 'tests/data/corpus/pretty-multi.txt'), 'utf8');
  const r = cwlf(['filter', '{ $.eventName = * }'], pretty);
  assert.equal(r.code, 0, r.err);
  const got = lines(r.out);
  assert.deepEqual(got, reference('{ $.eventName = * }', pretty));
  assert.ok(got.length > 10);
  for (const m of got) assert.ok(!m.includes('\n') && corpus.includes(m), m.slice(0, 80));
});

test('filter reads CloudTrail S3 objects (.json.gz Records) and directories, recursively in sorted order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-filter-'));
  mkdirSync(join(dir, 'b'));
  const records = (rs) => JSON.stringify({ Records: rs.map((r) => JSON.parse(r)) }, null, 1);
  writeFileSync(join(dir, 'c.json.gz'), gzipSync(records(corpus.slice(20, 30))));
  writeFileSync(join(dir, 'b', 'x.json'), records(corpus.slice(10, 20)));
  writeFileSync(join(dir, 'a.jsonl'), corpus.slice(0, 10).join('\n'));
  const r = cwlf(['filter', '', dir]);  // the empty pattern matches everything
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(lines(r.out), corpus.slice(0, 30));
  const one = cwlf(['filter', '-c', '{ $.eventName = ConsoleLogin }', join(dir, 'c.json.gz')]);
  assert.equal(one.out, `${corpus.slice(20, 30).filter((m) => JSON.parse(m).eventName === 'ConsoleLogin').length}\n`);
  rmSync(dir, { recursive: true });
});

test('filter --explain gives the reasons of the deciding conditions after each match', () => {
  const r = cwlf(['filter', '--explain', '{ $.eventName = ConsoleLogin && $.awsRegion = "us-east-2" }', corpusFile]);
  assert.equal(r.code, 0, r.err);
  const out = lines(r.out);
  assert.ok(out[0].startsWith('{'));
  assert.match(out[1], /^ {2}because `\$\.eventName` is `ConsoleLogin`/);
  assert.match(out[2], /^ {2}because `\$\.awsRegion` is `us-east-2`/);
});

test('filter: exit 1 when nothing matches, 2 with the position for an invalid pattern or a missing file', () => {
  assert.equal(cwlf(['filter', '{ $.eventName = NoSuchEvent }', corpusFile]).code, 1);
  const bad = cwlf(['filter', '{ $.eventName = }', corpusFile]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /InvalidParameterException: Invalid metric filter pattern/);
  assert.match(bad.err, /column/);
  const missing = cwlf(['filter', 'x', '/nonexistent/file.json']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read \/nonexistent\/file.json/);
});

test('filter: a broken event is reported with its line and the others are still filtered', () => {
  const r = cwlf(['filter', '{ $.a = 1 }'], '{"a":1}\n{"a":2\n{"a":1,"b":2}\nnot json\n');
  assert.deepEqual(lines(r.out), ['{"a":1}', '{"a":1,"b":2}']);
  assert.match(r.err, /-:2: This JSON object is not closed/);
  assert.match(r.err, /-:4: Expected a JSON object here; found 'not json'/);
});

test('filter streams: memory stays flat on inputs far larger than it may use', () => {
  // About 120 MB of CloudTrail, as JSON Lines and as one single-line Records
  // file, filtered under a 100 MB address-space limit: reading either whole
  // would not fit.
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-big-'));
  const block = corpus.join('\n') + '\n';
  const copies = Math.ceil(120e6 / block.length);
  const jsonl = join(dir, 'big.jsonl');
  const recs = join(dir, 'big.json');
  let fd = openSync(jsonl, 'w');
  for (let i = 0; i < copies; i++) writeSync(fd, block);
  closeSync(fd);
  fd = openSync(recs, 'w');
  writeSync(fd, '{"Records":[');
  const joined = corpus.join(',');
  for (let i = 0; i < copies; i++) writeSync(fd, (i ? ',' : '') + joined);
  writeSync(fd, ']}');
  closeSync(fd);
  const want = reference('{ $.eventName = ConsoleLogin }', block).length * copies;
  for (const f of [jsonl, recs]) {
    const r = spawnSync('bash', ['-c', 'ulimit -v 100000 && exec "$0" filter -c "$1" "$2"', bin,
      '{ $.eventName = ConsoleLogin }', f], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${want}\n`);
  }
  rmSync(dir, { recursive: true });
});
