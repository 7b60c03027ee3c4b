// The alarm's settings in a test file ("alarm", docs/suite-format.md): the
// page (web/suite-file.js) and `cwlf test --suite` (cli/suite.cc) accept and
// refuse the same files, with the same sentence; a file without "alarm"
// opens with the defaults, and one the page saves opens again unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSuite, parseSuite, suiteToJson } from '../../web/suite-file.js';
import { ALARM_DEFAULTS } from '../../web/alarm-settings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const dir = mkdtempSync(join(tmpdir(), 'cwlf-suite-alarm-'));

function cli(text) {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const r = spawnSync(bin, ['test', '--suite', file, '--no-color'], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

const file = (alarm) => `{"cwlf":"suite","v":2,"pattern":"{ $.a = 1 }","events":"{\\"a\\":1}"${alarm === undefined ? '' : `,"alarm":${alarm}`}}`;

// [the "alarm" member's JSON, the reason both refuse it (null: accepted)]
const CASES = [
  [undefined, null],
  ['{}', null],
  ['{"period":60,"threshold":2.5,"comparison":"LessThanThreshold","statistic":"Average","evaluationPeriods":5,"datapointsToAlarm":3,"treatMissingData":"breaching"}', null],
  ['{"period":45}', null],  // AWS refuses 45 s; that is said when the alarm is replayed, the test still opens
  ['{"threshold":-1e3,"unknown":"ignored"}', null],
  ['{"period":300.0}', null],  // a whole number written with a fraction is whole in both readers
  ['[]', '"alarm" is not an object'],
  ['"fast"', '"alarm" is not an object'],
  ['null', '"alarm" is not an object'],
  ['{"period":0}', '"alarm"."period" is not a whole number from 1 to 10000000'],
  ['{"period":2.5}', '"alarm"."period" is not a whole number from 1 to 10000000'],
  ['{"period":"300"}', '"alarm"."period" is not a whole number from 1 to 10000000'],
  ['{"evaluationPeriods":10000001}', '"alarm"."evaluationPeriods" is not a whole number from 1 to 10000000'],
  ['{"datapointsToAlarm":true}', '"alarm"."datapointsToAlarm" is not a whole number from 1 to 10000000'],
  ['{"threshold":"5"}', '"alarm"."threshold" is not a number'],
  ['{"comparison":"GreaterThan"}', '"alarm"."comparison" is not one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold'],
  ['{"statistic":"sum"}', '"alarm"."statistic" is not one of Sum, SampleCount, Average, Minimum, Maximum'],
  ['{"treatMissingData":"NotBreaching"}', '"alarm"."treatMissingData" is not one of missing, notBreaching, breaching, ignore'],
  ['{"period":60,"period":120}', 'it has the key "period" twice in one object'],
];

test('the page and cwlf test --suite accept and refuse the same "alarm" members, with the same reason', () => {
  for (const [alarm, why] of CASES) {
    const text = file(alarm);
    const page = parseSuite(text);
    const native = cli(text);
    if (why === null) {
      assert.equal(page.ok, true, `${alarm}: ${page.message}`);
      assert.equal(native.code, 0, `${alarm}: ${native.err}`);
    } else {
      assert.equal(page.ok, false, alarm);
      assert.equal(page.message, why);
      assert.equal(native.code, 2, alarm);
      assert.ok(native.err.includes(why), `${alarm}: ${native.err}`);
    }
  }
});

test('a file without "alarm" opens with the defaults; members left out take theirs', () => {
  assert.deepEqual(parseSuite(file(undefined)).test.alarm, ALARM_DEFAULTS);
  assert.deepEqual(parseSuite(file('{"threshold":9}')).test.alarm, { ...ALARM_DEFAULTS, threshold: 9 });
});

test('settings saved by the page open again unchanged; the defaults are not written', () => {
  const alarm = { ...ALARM_DEFAULTS, period: 600, threshold: 3, statistic: 'Maximum', evaluationPeriods: 4, datapointsToAlarm: 2, treatMissingData: 'notBreaching' };
  const saved = suiteToJson(makeSuite({ pattern: '{ $.a = 1 }', events: '{"a":1}', expectations: new Map(), selected: 0, alarm }));
  assert.deepEqual(parseSuite(saved).test.alarm, alarm);
  assert.equal(cli(saved).code, 0);
  const plain = suiteToJson(makeSuite({ pattern: '{ $.a = 1 }', events: '{"a":1}', expectations: new Map(), selected: 0, alarm: ALARM_DEFAULTS }));
  assert.doesNotMatch(plain, /"alarm"/);
});
