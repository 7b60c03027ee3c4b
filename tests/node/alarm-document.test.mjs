// The alarm's settings as part of the test document (web/document.js):
// a change is one undoable step; a share link carries them there and back
// (web/share-link.js); an older link without them opens with the defaults.
// And the alarm panel hands the metric filter's value and default value to
// the replay (web/alarm-panel.js, with alarm-settings.js's metricSettings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestDocument } from '../../web/document.js';
import { ALARM_DEFAULTS, alarmToSave, metricSettings, readAlarm, sameAlarm } from '../../web/alarm-settings.js';
import { decodeFragment, encodeFragment } from '../../web/share-link.js';
import { makeSuite } from '../../web/suite-file.js';

const custom = Object.freeze({ ...ALARM_DEFAULTS, period: 3600, threshold: 4, comparison: 'GreaterThanThreshold',
  statistic: 'SampleCount', evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'ignore' });

test('a change of the alarm settings is a step: Undo and Redo take it back and again', () => {
  const doc = new TestDocument({ pattern: 'p', events: 'e' });
  assert.deepEqual(doc.current.alarm, ALARM_DEFAULTS);
  assert.equal(doc.change({ alarm: custom }, 'Changed the alarm settings'), true);
  assert.equal(doc.undoLabel, 'Changed the alarm settings');
  // The same settings again (a new object) are no step.
  assert.equal(doc.change({ alarm: { ...custom } }, 'again'), false);
  doc.undo();
  assert.deepEqual(doc.current.alarm, ALARM_DEFAULTS);
  assert.equal(doc.current.pattern, 'p');
  doc.redo();
  assert.ok(sameAlarm(doc.current.alarm, custom));
});

test('a share link carries the alarm settings; a link made before them opens with the defaults', async () => {
  const base = { pattern: '{ $.eventName = ConsoleLogin }', events: '{"eventName":"ConsoleLogin"}', expectations: new Map(), selected: 0 };
  const read = await decodeFragment(await encodeFragment(makeSuite({ ...base, alarm: custom })));
  assert.equal(read.ok, true);
  assert.deepEqual(read.test.alarm, custom);
  const old = await decodeFragment(await encodeFragment({ cwlf: 'suite', v: 1, pattern: base.pattern, events: base.events }));
  assert.equal(old.ok, true);
  assert.deepEqual(old.test.alarm, ALARM_DEFAULTS);
  const broken = await decodeFragment(await encodeFragment({ ...makeSuite(base), alarm: { statistic: 'p99' } }));
  assert.equal(broken.ok, false);
  assert.match(broken.message, /"alarm"."statistic" is not one of/);
});

test('readAlarm keeps only what it knows and fills in the defaults; alarmToSave writes all or nothing', () => {
  const read = readAlarm({ threshold: 0, extra: { deep: 1 } });
  assert.equal(read.ok, true);
  assert.deepEqual(read.alarm, { ...ALARM_DEFAULTS, threshold: 0 });
  assert.ok(Object.isFrozen(read.alarm));
  assert.equal(readAlarm({ threshold: Infinity }).ok, false);
  assert.equal(readAlarm({ period: NaN }).ok, false);
  assert.equal(alarmToSave(ALARM_DEFAULTS), undefined);
  assert.deepEqual(alarmToSave({ ...ALARM_DEFAULTS, threshold: 0 }), { ...ALARM_DEFAULTS, threshold: 0 });
});

test('the metric filter panel\'s value and default value go to the replay as cwlf alarm --metric-value / --default-value', () => {
  assert.deepEqual(metricSettings(undefined), {});
  assert.deepEqual(metricSettings({ value: '$.bytes', defaultValue: '', dimensions: [] }), { metricValue: '$.bytes' });
  assert.deepEqual(metricSettings({ value: '1', defaultValue: '0', dimensions: [['a', '$.a']] }), { metricValue: '1', defaultValue: '0' });
});
