// `cwlf test` on a CloudWatch Logs Insights CSV export (Export results →
// Download table (CSV)): one event per row, its @message tested, a malformed
// row reported as that event's error (core/events/unwrap_insights_csv.cc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');

function cwlf(args, input) {
  const r = spawnSync(bin, args, { encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A CloudTrail record as the CSV export writes it: a quoted field, quotes doubled.
const csvField = (record) => `"${JSON.stringify(record).replaceAll('"', '""')}"`;
const root1 = { eventVersion: '1.08', userIdentity: { type: 'Root' }, eventName: 'ConsoleLogin', eventID: 'a' };
const user = { eventVersion: '1.08', userIdentity: { type: 'IAMUser', userName: 'bob' }, eventName: 'ConsoleLogin', eventID: 'b' };
const csv = [
  '@timestamp,@message',
  `2026-11-20 09:14:02.000,${csvField(root1)}`,
  `2026-11-20 09:14:03.000,${csvField(user)}`,
  '2026-11-20 09:14:04.000,"broken "quoted" field"',
  '',
].join('\r\n');

test('cwlf test reads a Logs Insights CSV export: the @message of each row', () => {
  const r = cwlf(['test', '{ $.userIdentity.type = "Root" }', '-', '--json'], csv);
  assert.equal(r.err, '');
  const out = JSON.parse(r.out);
  assert.equal(out.format, 'logs-insights-csv');
  assert.equal(out.events.length, 3);
  assert.equal(out.events[0].matched, true);
  assert.equal(out.events[1].matched, false);
  assert.ok(out.events[2].error, 'the malformed row is an error');
  assert.match(out.events[2].error.message, /must be doubled/);
});

test('cwlf test prints the verdicts of a CSV export in text too', () => {
  const r = cwlf(['test', '{ $.userIdentity.type = "Root" }', '-'], csv);
  assert.match(r.out, /Input: logs-insights-csv, 3 events/);
  assert.match(r.out, /Event 1 \(line 2\): MATCH/);
  assert.match(r.out, /Event 2 \(line 3\): NO MATCH/);
  assert.match(r.out, /1 matched, 1 not matched, 1 error/);
});
