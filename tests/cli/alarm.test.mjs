// `cwlf alarm` over a generated day of CloudTrail (two gzipped S3 objects,
// records shuffled between them) with known alarm intervals: the datapoints
// per period, each ALARM interval and its events, M out of N, missing data,
// the default value, --json, and the exit status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const cwlf = (args) => {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const at = (hh, mm, ss = 0) => `2026-11-20T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}Z`;
const record = (eventName, eventTime, errorCode) => ({
  eventVersion: '1.08', userIdentity: { type: 'IAMUser', userName: 'alice' }, eventTime,
  eventSource: 'signin.amazonaws.com', eventName, awsRegion: 'us-east-1', ...(errorCode ? { errorCode } : {}),
});

// The day: a GetObject every 10 minutes, and failed console logins
//   03:01-03:04  5 failures        -> period 03:00 reaches 5
//   07:00        2 failures        -> below the threshold
//   14:10-14:14  6 failures, 14:16-14:18 6 failures -> periods 14:10 and 14:15
//   22:59:59     5 failures in the last second of period 22:55, 23:00:00 one more in 23:00
// plus one failure without an eventTime (left out).
function day() {
  const recs = [];
  for (let m = 0; m < 24 * 60; m += 10) recs.push(record('GetObject', at(Math.floor(m / 60), m % 60)));
  const fail = (t) => recs.push(record('ConsoleLogin', t, 'Failed authentication'));
  for (let i = 0; i < 5; ++i) fail(at(3, 1 + (i % 4), i));
  fail(at(7, 0)); fail(at(7, 0, 30));
  for (let i = 0; i < 6; ++i) fail(at(14, 10 + (i % 5), i));
  for (let i = 0; i < 6; ++i) fail(at(14, 16 + (i % 3), i));
  for (let i = 0; i < 5; ++i) fail(at(22, 59, 59));
  fail(at(23, 0, 0));
  const noTime = record('ConsoleLogin', undefined, 'Failed authentication');
  delete noTime.eventTime;
  recs.push(noTime);
  // Shuffled (deterministically) into two files: out of time order.
  const a = [], b = [];
  recs.forEach((r, i) => ((i * 7919) % 3 === 0 ? a : b).push(r));
  return [a.reverse(), b];
}

const pattern = '{ ($.eventName = ConsoleLogin) && ($.errorCode = "Failed authentication") }';
let dir;
function tree() {
  dir = mkdtempSync(join(tmpdir(), 'cwlf-alarm-'));
  const d = join(dir, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20');
  mkdirSync(d, { recursive: true });
  day().forEach((recs, i) => writeFileSync(join(d, `f${i}.json.gz`), gzipSync(JSON.stringify({ Records: recs }))));
  return dir;
}

test('5 failed logins in 5 minutes: the ALARM intervals of the day, with their events', () => {
  const t = tree();
  try {
    const r = cwlf(['alarm', pattern, t, '--period', '300', '--threshold', '5', '--json']);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.equal(out.matched, 25);
    assert.equal(out.eventsWithoutTime, 1);
    assert.deepEqual(out.datapoints.map((p) => [p.timestamp.slice(11, 16), p.value, p.count]), [
      ['03:00', 5, 5], ['07:00', 2, 2], ['14:10', 6, 6], ['14:15', 6, 6], ['22:55', 5, 5], ['23:00', 1, 1]]);
    assert.deepEqual(out.alarms, [
      { start: at(3, 0), end: at(3, 5), events: 5, open: false },
      { start: at(14, 10), end: at(14, 20), events: 12, open: false },
      { start: at(22, 55), end: at(23, 0), events: 5, open: false }]);
    // Human output: the same intervals.
    const human = cwlf(['alarm', pattern, t, '--period', '300', '--threshold', '5']);
    assert.match(human.out, /ALARM 2026-11-20T14:10:00Z to 2026-11-20T14:20:00Z: 12 events/);
    assert.match(human.out, /1 more without a time/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('2 of 3 periods, each missing-data treatment; hourly periods; a threshold never reached', () => {
  const t = tree();
  const alarms = (extra) => {
    const r = cwlf(['alarm', pattern, t, '--period', '300', '--threshold', '1', '--evaluation-periods', '3',
      '--datapoints-to-alarm', '2', '--json', ...extra]);
    return { code: r.code, alarms: JSON.parse(r.out).alarms.map((a) => `${a.start.slice(11, 16)}-${a.end.slice(11, 16)}`) };
  };
  try {
    // Real datapoints only at 03:00, 07:00, 14:10, 14:15, 22:55, 23:00. With
    // missing/notBreaching/ignore, 2 breaching of 3 happens at 14:15 (14:10,
    // 14:15) and holds at 14:20 (2 real of 3), and at 23:00 (open at the end).
    for (const treat of ['missing', 'notBreaching']) {
      assert.deepEqual(alarms(['--treat-missing-data', treat]).alarms, ['14:15-14:25', '23:00-23:05'], treat);
    }
    // breaching: a range with fewer than 2 real points counts its gaps as
    // breaching, and every real point breaches: ALARM from the first period on.
    const b = alarms(['--treat-missing-data', 'breaching']).alarms;
    assert.deepEqual(b, ['03:00-23:05']);
    // Hourly: 03:00 5, 07:00 2, 14:00 12, 22:00 5, 23:00 1; threshold 10 -> 14:00 only.
    const hourly = JSON.parse(cwlf(['alarm', pattern, t, '--period', '3600', '--threshold', '10', '--json']).out);
    assert.deepEqual(hourly.alarms.map((a) => [a.start, a.end, a.events]), [[at(14, 0), at(15, 0), 12]]);
    const never = cwlf(['alarm', pattern, t, '--period', '300', '--threshold', '50']);
    assert.equal(never.code, 1);
    assert.match(never.out, /never went to ALARM/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the default value: minutes with events but no failure publish 0 (LessThanThreshold)', () => {
  const t = tree();
  try {
    // Alarm when a 10-minute period with traffic has no failure at all; periods without any event are missing.
    const r = JSON.parse(cwlf(['alarm', pattern, t, '--period', '600', '--threshold', '1', '--comparison',
      'LessThanThreshold', '--default-value', '0', '--statistic', 'Maximum', '--json']).out);
    const quiet = r.datapoints.filter((p) => p.value === 0).length;
    // 144 ten-minute periods with traffic, 5 with failures (03:00, 07:00,
    // 14:10 (both bursts), 22:50, 23:00): their Maximum is 1, the others' 0.
    assert.equal(quiet, 144 - 5);
    assert.equal(r.datapoints.length, 144);
    // The quiet stretches: 00:00-03:00, 03:10-07:00, 07:10-14:10, 14:20-22:50, 23:10-(end).
    assert.deepEqual(r.alarms.map((a) => a.start.slice(11, 16)), ["00:00", "03:10", "07:10", "14:20", "23:10"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad arguments: a message and exit status 2', () => {
  for (const [args, why] of [
    [['alarm', pattern, '/dev/null', '--threshold', '1'], /--period and --threshold/],
    [['alarm', pattern, '/dev/null', '--period', '45', '--threshold', '1'], /10, 20, 30 or a multiple of 60/],
    [['alarm', pattern, '/dev/null', '--period', '60', '--threshold', '1', '--evaluation-periods', '2000'], /86400/],
    [['alarm', pattern, '/dev/null', '--period', '60', '--threshold', '1', '--datapoints-to-alarm', '3'], /cannot be more/],
    [['alarm', pattern, '/dev/null', '--period', '60', '--threshold', 'x'], /--threshold takes a number/],
    [['alarm', pattern, '/dev/null', '--period', '60', '--threshold', '1', '--statistic', 'p99'], /unknown statistic/],
    [['alarm', '{ $.a = ', '/dev/null', '--period', '60', '--threshold', '1'], /InvalidParameterException/],
    [['alarm', 'ERROR', '/dev/null', '--period', '60', '--threshold', '1', '--metric-value', '$.x'], /metric transformation/],
  ]) {
    const r = cwlf(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, why);
  }
});
