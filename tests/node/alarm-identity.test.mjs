// The alarm's history by identity type, one period's events listed, and the
// metric value used by the statistics, in the wasm AlarmScan the page runs
// (wasm/alarm_bindings.cc); and web/alarm-chart.js's model stacking each
// bar's segments by identity type.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { importDistModule, loadCwlf } from './dist-module.mjs';
import { replayFiles } from './alarm-feed.mjs';

// The page's modules as served (they read their sentences from dist/messages.js).
let cwlf, barText, chartModel, colourOf, eventLine;
before(async () => {
  cwlf = await loadCwlf();
  ({ barText, chartModel, colourOf } = await importDistModule('alarm-chart.js'));
  ({ eventLine } = await importDistModule('alarm-period.js'));
});

const at = (m, s = 0) => `2026-11-20T10:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;
const rec = (type, eventTime, bytes) => ({ eventName: 'ConsoleLogin', userIdentity: { type, userName: `u-${type}` }, eventTime,
  errorCode: 'Failed authentication', additionalEventData: { bytes } });
// File 0: Root at 10:01 (bytes 10), IAMUser at 10:02 (20) and 10:06 (30);
// file 1: IAMUser at 10:03 (40), AssumedRole at 10:07 (50), IAMUser at 10:08 (60), and a GetObject.
const files = [
  JSON.stringify({ Records: [rec('Root', at(1), 10), rec('IAMUser', at(2), 20), rec('IAMUser', at(6), 30)] }),
  JSON.stringify({ Records: [rec('IAMUser', at(3), 40), rec('AssumedRole', at(7), 50), rec('IAMUser', at(8), 60),
    { eventName: 'GetObject', userIdentity: { type: 'AWSService' }, eventTime: at(4) }] }),
];
const pattern = '{ $.errorCode = "Failed authentication" }';

const scan = (options) => replayFiles(cwlf, pattern, files, options, 100);

test('each period\'s matching events by identity type, most frequent type first', () => {
  const r = scan({ period: 300, threshold: 3 });
  assert.deepEqual(r.identityTypes, ['IAMUser', 'Root', 'AssumedRole']);
  assert.deepEqual(r.datapoints.map((p) => [p.timestamp, p.count, p.byIdentity]),
    [[at(0), 3, [2, 1, 0]], [at(5), 3, [2, 0, 1]]]);
  assert.deepEqual(r.listed, []);
});

test('one period listed: its first events with the file each came from, and how many in all', () => {
  const r = scan({ period: 300, threshold: 3, listFrom: Date.parse(at(5)), listTo: Date.parse(at(10)), listMax: 2 });
  assert.equal(r.listedTotal, 3);
  assert.deepEqual(r.listed.map((e) => [JSON.parse(e.message).eventTime, e.source]), [[at(6), 0], [at(7), 1]]);
  assert.equal(eventLine(r.listed[1].message), `ConsoleLogin · AssumedRole · u-AssumedRole · ${at(7)}`);
});

test('the metric value feeds Sum and Average, the default value the minutes without a match', () => {
  const sum = scan({ period: 300, threshold: 100, metricValue: '$.additionalEventData.bytes' });
  assert.deepEqual(sum.datapoints.map((p) => p.value), [70, 140]);
  assert.deepEqual(sum.alarms.map((a) => a.startText), [at(5)]);
  const average = scan({ period: 300, threshold: 1, statistic: 'Average', metricValue: '$.additionalEventData.bytes' });
  assert.deepEqual(average.datapoints.map((p) => Math.round(p.value * 1000) / 1000), [23.333, 46.667]);
  // The GetObject at 10:04 is in a minute without a match: the default 0 is one more sample.
  const withDefault = scan({ period: 300, threshold: 1, statistic: 'SampleCount', metricValue: '1', defaultValue: '0' });
  assert.deepEqual(withDefault.datapoints.map((p) => [p.value, p.count]), [[4, 3], [3, 3]]);
});

test('chart model: each bar split by identity type in proportion, the segments filling the bar', () => {
  const result = {
    identityTypes: ['IAMUser', 'Root', '(other)'],
    datapoints: [{ start: 0, value: 4, count: 4, byIdentity: [3, 1, 0] }, { start: 60000, value: 2, count: 0, byIdentity: [0, 0, 0] }],
    alarms: [],
  };
  const m = chartModel(result, 10, { width: 200, height: 100, periodMs: 60000 });
  const [a, b] = m.bars;
  assert.deepEqual(a.segments.map((s) => [s.type, s.count, Math.round(s.height)]), [[0, 3, 30], [1, 1, 10]]);
  // Stacked from the bottom: the first type at the bottom, the last ending at the bar's top.
  assert.equal(Math.round(a.segments[0].y + a.segments[0].height), 100);
  assert.equal(Math.round(a.segments[1].y), Math.round(a.y));
  // A period with only the default value: no matching event, no segment (drawn grey).
  assert.deepEqual(b.segments, []);
  assert.equal(colourOf(result.identityTypes, 2), '#999999');
  assert.notEqual(colourOf(result.identityTypes, 0), colourOf(result.identityTypes, 1));
  assert.equal(barText({ ...result.datapoints[0], timestamp: 'T', breaching: true }, result.identityTypes),
    'T: value 4, 4 matching events (IAMUser 3, Root 1), breaching.');
});
