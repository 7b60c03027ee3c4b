// `cwlf test --suite FILE`: the test file the page downloads, run from a CI
// job. Also: the page's reader (web/suite-file.js) and the command accept and
// refuse the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSuite } from '../../web/suite-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const suites = join(root, 'tests/data/suites');

function cwlf(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempFile(name, text) {
  const file = join(mkdtempSync(join(tmpdir(), 'cwlf-suite-')), name);
  writeFileSync(file, text);
  return file;
}

test('a suite whose expectations all hold exits 0 and says so', () => {
  const file = join(suites, 'seed-as-is.json');
  const r = cwlf(['test', '--suite', file, '--no-color']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, [
    `${file}: 4 events, 1 matched`,
    '  ok    event 1 (lines 1-43): should not match, does not match',
    '  ok    event 2 (lines 45-87): should match, matches',
    '  ok    event 3 (lines 89-117): should not match, does not match',
    '  ok    event 4 (lines 119-160): should not match, does not match',
    '4/4 expectations hold',
    '',
  ].join('\n'));
});

test('a failing expectation exits 1 and names the event', () => {
  const file = join(suites, 'seed-intent.json');
  const r = cwlf(['test', '--suite', file, '--no-color']);
  assert.equal(r.code, 1, r.out + r.err);
  assert.match(r.out, /^ {2}FAIL {2}event 3 \(lines 89-117\): should match, does not match$/m);
  assert.match(r.out, /^3\/4 expectations hold$/m);
});

test('an expectation for an event that does not exist fails', () => {
  const file = tempFile('t.json', JSON.stringify({
    cwlf: 'suite', v: 1, pattern: 'ERROR', events: 'ERROR one\nok two\n',
    expectations: [{ event: 1, expect: 'match' }, { event: 2, expect: 'no-match' }, { event: 5, expect: 'no-match' }],
  }));
  const r = cwlf(['test', '--suite', file, '--no-color']);
  assert.equal(r.code, 1);
  assert.match(r.out, /FAIL {2}event 5: should not match, but there is no such event \(2 in the file\)/);
  assert.match(r.out, /2\/3 expectations hold/);
});

test('bad files exit 2 with the reason; the page refuses the same files', () => {
  const cases = [
    ['not json', /not valid JSON/],
    ['{"Records": []}', /not a cwlf test/],
    ['{"cwlf": "suite", "v": 3, "pattern": "", "events": ""}', /newer cwlf/],
    ['{"cwlf": "suite", "v": 1, "events": ""}', /"pattern" is missing/],
    ['{"cwlf": "suite", "v": 1, "pattern": "x", "events": "x", "expectations": [{"event": 0, "expect": "match"}]}', /no event number/],
    ['{"cwlf": "suite", "v": 1, "pattern": "x", "events": "x", "expectations": [{"event": 1, "expect": "yes"}]}', /neither "match" nor "no-match"/],
  ];
  for (const [text, why] of cases) {
    const r = cwlf(['test', '--suite', tempFile('bad.json', text)]);
    assert.equal(r.code, 2, text);
    assert.match(r.err, why, text);
    const page = parseSuite(text);
    assert.equal(page.ok, false, text);
    assert.match(page.message, why, text);
  }
  const invalid = cwlf(['test', '--suite', tempFile('p.json', '{"cwlf":"suite","v":1,"pattern":"{ $.a == 1 }","events":"{}"}')]);
  assert.equal(invalid.code, 2);
  assert.match(invalid.err, /pattern is invalid/);
  assert.match(invalid.err, /InvalidParameterException/);
  assert.equal(cwlf(['test', '--suite', join(suites, 'no-such-file.json')]).code, 2);
  assert.equal(cwlf(['test', '--suite']).code, 2);
});

test('the page reads the committed suite files as the command does', () => {
  for (const name of ['seed-intent.json', 'seed-as-is.json']) {
    const read = parseSuite(readFileSync(join(suites, name), 'utf8'));
    assert.equal(read.ok, true, name);
    assert.equal(read.test.pattern, readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8').replace(/\r?\n$/, ''));
    assert.equal(read.test.events, readFileSync(join(root, 'tests/data/seed/events.txt'), 'utf8'));
    assert.equal(read.test.expectations.size, 4);
  }
});
