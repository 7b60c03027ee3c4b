// Test files, version 2 (docs/suite-format.md): expectations carry their
// event's identity and find it wherever it now is, in `cwlf test --suite`
// as in the page; duplicate keys and lone surrogates are refused by both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSuite, parseSuite, suiteToJson } from '../../web/suite-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const seedEvents = readFileSync(join(root, 'tests/data/seed/events.txt'), 'utf8').trim().split(/\n\s*\n(?=\{)/);
const seedPattern = readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8').replace(/\r?\n$/, '');

function cwlf(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempFile(text) {
  const file = join(mkdtempSync(join(tmpdir(), 'cwlf-suite-v2-')), 'test.json');
  writeFileSync(file, text);
  return file;
}

// The identity the engine gives an event without a unique eventID: "h:" and
// the 64-bit FNV-1a hash of its message (the compact JSON).
function contentIdentity(prettyJson) {
  const bytes = new TextEncoder().encode(JSON.stringify(JSON.parse(prettyJson)));
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return `h:${h.toString(16).padStart(16, '0')}`;
}

test('expectations by identity follow their events through reordering and deletion', () => {
  // The seed's events have unique eventIDs: those are their identities.
  const ids = seedEvents.map((e) => `eventID:${JSON.parse(e).eventID}`);
  const expectations = new Map([[ids[0], 'no-match'], [ids[1], 'match'], [ids[2], 'match']]);
  const reversed = [...seedEvents].reverse().join('\n\n');
  const suite = makeSuite({
    pattern: seedPattern, events: reversed, expectations, selected: 0,
    indexOf: new Map([[ids[0], 3], [ids[1], 2], [ids[2], 1]]),
  });
  const text = suiteToJson(suite);
  assert.match(text, /"v": 2/);
  assert.match(text, new RegExp(`\\{ "event": 2, "id": "${ids[2]}", "expect": "match" \\}`));
  const r = cwlf(['test', '--suite', tempFile(text), '--no-color']);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /ok {4}event 4 \(lines \d+-\d+\): should not match, does not match/);
  assert.match(r.out, /ok {4}event 3 \(lines \d+-\d+\): should match, matches/);
  assert.match(r.out, /FAIL {2}event 2 \(lines \d+-\d+\): should match, does not match/);
  assert.match(r.out, /2\/3 expectations hold/);
  // The page reads the same file to the same identities.
  assert.deepEqual([...parseSuite(text).test.expectations.keys()].sort(), [...expectations.keys()].sort());

  // alice's event deleted: her expectation is for an event that is gone.
  const without = JSON.parse(text);
  without.events = seedEvents.filter((_, i) => i !== 2).join('\n\n');
  const gone = cwlf(['test', '--suite', tempFile(JSON.stringify(without)), '--no-color']);
  assert.equal(gone.code, 1);
  assert.match(gone.out, new RegExp(`FAIL {2}event 2: should match, but it is gone \\(no event has the identity ${ids[2]}\\)`));
});

test('a unique eventID is the identity; a repeated one falls back to the content', () => {
  const a = '{"eventID":"e-1","eventName":"A"}';
  const b = '{"eventID":"e-2","eventName":"B"}';
  const suite = `{"cwlf":"suite","v":2,"pattern":"{ $.eventName = A }","events":${JSON.stringify(`${b}\n${a}\n`)},
    "expectations":[{"event":1,"id":"eventID:e-1","expect":"match"},{"event":2,"id":"eventID:e-2","expect":"no-match"}]}`;
  const r = cwlf(['test', '--suite', tempFile(suite), '--no-color']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /ok {4}event 2 \(line 2\): should match, matches/);
  const twice = suite.replace('"eventID\\":\\"e-2', '"eventID\\":\\"e-1');
  const r2 = cwlf(['test', '--suite', tempFile(twice), '--no-color']);
  assert.equal(r2.code, 1);
  assert.match(r2.out, /gone/);
  // Without eventIDs, the identity is the hash of the compact message, whatever the indentation.
  const c = '{\n  "eventName": "A",\n  "n": [1, 2]\n}';
  const hashed = `{"cwlf":"suite","v":2,"pattern":"{ $.eventName = A }","events":${JSON.stringify(`{"eventName":"B"}\n\n${c}`)},
    "expectations":[{"event":1,"id":"${contentIdentity(c)}","expect":"match"}]}`;
  const r3 = cwlf(['test', '--suite', tempFile(hashed), '--no-color']);
  assert.equal(r3.code, 0, r3.out + r3.err);
  assert.match(r3.out, /ok {4}event 2 \(lines 3-6\): should match, matches/);
});

test('duplicate keys and lone surrogates: the page and the command refuse the same files', () => {
  const cases = [
    ['{"cwlf": "suite", "v": 1, "pattern": "a", "pattern": "b", "events": ""}', /key "pattern" twice/],
    ['{"cwlf": "suite", "v": 2, "pattern": "a", "events": "", "expectations": [{"event": 1, "event": 2, "expect": "match"}]}', /key "event" twice/],
    ['{"cwlf": "suite", "v": 1, "pattern": "a", "events": "", "x": {"k": 1, "k": 2}}', /key "k" twice/],
  ];
  for (const [text, why] of cases) {
    const r = cwlf(['test', '--suite', tempFile(text)]);
    assert.equal(r.code, 2, text);
    assert.match(r.err, why, text);
    const page = parseSuite(text);
    assert.equal(page.ok, false, text);
    assert.match(page.message, why, text);
  }
  // A lone surrogate: both refuse (each in its own words).
  const lone = '{"cwlf": "suite", "v": 1, "pattern": "\\ud800", "events": ""}';
  assert.equal(cwlf(['test', '--suite', tempFile(lone)]).code, 2);
  assert.equal(parseSuite(lone).ok, false);
  // Same key in different objects is fine.
  const fine = '{"cwlf": "suite", "v": 2, "pattern": "", "events": "{}", "expectations": [{"event": 1, "expect": "match"}, {"event": 1, "expect": "match"}]}';
  assert.equal(parseSuite(fine).ok, true);
  assert.equal(cwlf(['test', '--suite', tempFile(fine)]).code, 0);
});
