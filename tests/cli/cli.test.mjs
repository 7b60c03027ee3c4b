// The `cwlf` command, end to end: the three subcommands, their output and
// their exit codes. Runs the native binary built by ./test.sh (CWLF_BIN).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const seedPattern = readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8');
const seedEvents = join(root, 'tests/data/seed/events.txt');

function cwlf(args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('test-metric-filter prints TestMetricFilter JSON for matches only, 0-based', () => {
  const r = cwlf(['test-metric-filter', '--filter-pattern', '[..., status_code=404, size]',
    '--log-event-messages', 'a b 404 12', 'a b 200 12', 'c d 404 99']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), {
    matches: [
      { eventNumber: 0, eventMessage: 'a b 404 12', extractedValues: { $1: 'a', $2: 'b', $status_code: '404', $size: '12' } },
      { eventNumber: 2, eventMessage: 'c d 404 99', extractedValues: { $1: 'c', $2: 'd', $status_code: '404', $size: '99' } },
    ],
  });
});

test('test-metric-filter reads file://messages.json and gives {} for JSON patterns', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-'));
  const file = join(dir, 'messages.json');
  writeFileSync(file, JSON.stringify(['{"eventName":"ConsoleLogin"}', '{"eventName":"Other"}']));
  const r = cwlf(['test-metric-filter', '--filter-pattern', '{ $.eventName = ConsoleLogin }',
    '--log-event-messages', `file://${file}`]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out).matches,
    [{ eventNumber: 0, eventMessage: '{"eventName":"ConsoleLogin"}', extractedValues: {} }]);
});

test('test-metric-filter: an invalid pattern exits non-zero with AWS wording, position and reason', () => {
  const r = cwlf(['test-metric-filter', '--filter-pattern', '{ $.a == 1 }', '--log-event-messages', 'x']);
  assert.notEqual(r.code, 0);
  assert.equal(r.out, '');
  assert.match(r.err, /^InvalidParameterException: Invalid metric filter pattern\n/);
  assert.match(r.err, /line 1, column 7/);
  assert.match(r.err, /\n {8}\^\^\n/);
});

test('check validates, with a caret under the fault', () => {
  assert.equal(cwlf(['check', seedPattern]).code, 0);
  const bad = cwlf(['check', '{ $.eventName = ConsoleLogin ']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /InvalidParameterException: .*'\{' .*'\}'/);
});

test('test explains the seed scenario, marking what decided', () => {
  const r = cwlf(['test', seedPattern, seedEvents]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Input: json-objects, 4 events/);
  const events = r.out.split(/\n(?=Event \d)/).filter((s) => s.startsWith('Event'));
  assert.equal(events.length, 4);
  assert.match(events[0], /NO MATCH/);
  assert.match(events[0], />> \[false\] +\(\$\.userIdentity\.sessionContext\.sessionIssuer\.userName!=cm-policymaintainer\)/);
  assert.match(events[1], /MATCH/);
  assert.doesNotMatch(events[1], /NO MATCH/);
  assert.match(events[2], /even `!=`/);
  assert.match(r.out, /1 matched, 3 not matched, 0 errors/);
});

test('test reads stdin and --json gives the full result', () => {
  const r = cwlf(['test', 'ERROR', '--json'], 'ERROR one\ninfo two\n');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.format, 'lines');
  assert.deepEqual(j.counts, { matched: 1, unmatched: 1, errors: 0 });
  assert.equal(j.events[0].explanation.nodes[0].kind, 'terms');
  assert.equal(j.events[0].explanation.nodes[1].eventOffset, 0);
});

test('a malformed event gets its own error while the others are tested', () => {
  const r = cwlf(['test', '{ $.a = 1 }', '--json'], '{"a":1}\n{"a":\n{"a":2}\n');
  const j = JSON.parse(r.out);
  assert.equal(j.counts.matched, 1);
  assert.equal(j.counts.errors, 1);
  assert.ok(j.events.some((e) => e.error && e.error.code === 'invalid-json'));
});
