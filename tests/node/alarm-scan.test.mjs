// The wasm AlarmScan (wasm/alarm_bindings.cc) gives the native `cwlf alarm`'s
// answer on the same files, and web/alarm-chart.js's model places the bars,
// the threshold and the ALARM shading where the numbers say.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDistModule, loadCwlf, root } from './dist-module.mjs';
import { replayFiles } from './alarm-feed.mjs';

let cwlf, chartModel;
before(async () => {
  cwlf = await loadCwlf();
  ({ chartModel } = await importDistModule('alarm-chart.js'));  // as served: it reads dist/messages.js
});

const at = (h, m, s = 0) => `2026-11-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;
// Two CloudTrail files: failures at 03:01-03:04 (5), 14:10-14:18 (12), traffic every 30 minutes.
function files() {
  const rec = (eventName, eventTime, errorCode) => ({ eventName, eventTime, ...(errorCode ? { errorCode } : {}) });
  const a = [], b = [];
  for (let m = 0; m < 1440; m += 30) a.push(rec('GetObject', at(Math.floor(m / 60), m % 60)));
  for (let i = 0; i < 5; ++i) b.push(rec('ConsoleLogin', at(3, 1 + (i % 4), i), 'Failed authentication'));
  for (let i = 0; i < 12; ++i) (i % 2 ? a : b).push(rec('ConsoleLogin', at(14, 10 + (i % 9), i), 'Failed authentication'));
  return [JSON.stringify({ Records: a }), JSON.stringify({ Records: b })];
}
const pattern = '{ $.errorCode = "Failed authentication" }';

const scan = (texts, options) => replayFiles(cwlf, pattern, texts, options);

test('AlarmScan agrees with cwlf alarm --json on the same files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-alarm-wasm-'));
  try {
    const texts = files();
    texts.forEach((t, i) => writeFileSync(join(dir, `f${i}.json`), t));
    for (const [options, args] of [
      [{ period: 300, threshold: 5 }, ['--period', '300', '--threshold', '5']],
      [{ period: 600, threshold: 1, evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'breaching' },
        ['--period', '600', '--threshold', '1', '--evaluation-periods', '3', '--datapoints-to-alarm', '2', '--treat-missing-data', 'breaching']],
      [{ period: 1800, threshold: 1, comparison: 'LessThanThreshold', defaultValue: '0', statistic: 'Maximum' },
        ['--period', '1800', '--threshold', '1', '--comparison', 'LessThanThreshold', '--default-value', '0', '--statistic', 'Maximum']],
    ]) {
      const wasm = scan(texts, options);
      const r = spawnSync(join(root, 'build/cwlf'), ['alarm', pattern, dir, ...args, '--json'], { encoding: 'utf8' });
      const native = JSON.parse(r.stdout);
      assert.equal(wasm.error, null);
      assert.equal(wasm.matched, native.matched);
      assert.deepEqual(wasm.datapoints.map((p) => [p.timestamp, p.value, p.count]), native.datapoints.map((p) => [p.timestamp, p.value, p.count]));
      assert.deepEqual(wasm.alarms.map((a) => [a.startText, a.endText, a.events, a.open]), native.alarms.map((a) => [a.start, a.end, a.events, a.open]));
    }
    // By hand: 03:00 holds 5 failures; 14:10 holds 8 (minutes 10-14: i % 9 in 0..4), 14:15 holds 4.
    const five = scan(texts, { period: 300, threshold: 5 });
    assert.deepEqual(five.alarms.map((a) => [a.startText, a.endText, a.events]), [[at(3, 0), at(3, 5), 5], [at(14, 10), at(14, 15), 8]]);
    assert.deepEqual(five.datapoints.map((p) => [p.timestamp, p.value, p.breaching]),
      [[at(3, 0), 5, true], [at(14, 10), 8, true], [at(14, 15), 4, false]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('AlarmScan refuses bad settings with a sentence', () => {
  for (const [options, why] of [[{ period: 45 }, /multiple of 60/], [{ period: -60 }, /multiple of 60/],
    [{ period: 60, evaluationPeriods: 2, datapointsToAlarm: 3 }, /cannot be more/], [{ comparison: 'Bigger' }, /Unknown comparison/],
    [{ threshold: Infinity }, /number/]]) {
    const s = new cwlf.AlarmScan(pattern, options);
    assert.match(s.error(), why);
    s.delete();
  }
});

test('chart model: a bar per datapoint, the threshold line, ALARM intervals shaded, all inside the view', () => {
  const result = {
    datapoints: [{ start: 0, value: 2, count: 2 }, { start: 300000, value: 6, count: 6 }, { start: 900000, value: 1, count: 1 }],
    alarms: [{ start: 300000, end: 600000 }],
  };
  const m = chartModel(result, 5, { width: 400, height: 100 });
  assert.equal(m.bars.length, 3);
  // 4 periods of 300 s across 400 units: 100 each.
  assert.deepEqual(m.bars.map((b) => Math.round(b.x)), [0, 100, 300]);
  assert.equal(m.max, 6);
  assert.equal(Math.round(m.thresholdY), Math.round(100 - (5 / 6) * 100));
  assert.equal(Math.round(m.bars[1].height), 100);  // the highest bar fills the height
  assert.deepEqual(m.shades.map((s) => [Math.round(s.x), Math.round(s.width)]), [[100, 100]]);
  for (const b of m.bars) assert.ok(b.x >= 0 && b.x + b.width <= 400 && b.y >= 0 && b.y + b.height <= 100.0001);
  assert.deepEqual(chartModel({ datapoints: [], alarms: [] }, 5).bars, []);
});
