// The alarm's settings as the test document holds them (document.js), as
// they are kept (keep.js), saved in a test file and carried by a share link
// (suite-file.js, key "alarm"), read the same way by `cwlf test --suite`
// (cli/suite.cc; the rules are in docs/suite-format.md). Pure: no DOM.
//
// Only the shape is checked here (whole numbers, a finite threshold, AWS's
// names); AWS's own rules on the values (a period of 10, 20, 30 or a
// multiple of 60 s, M ≤ N, …) are the engine's, said when the alarm is
// replayed, so that a test saved with a value AWS refuses still opens.
// Messages through phrase() (this module also runs in Node: suite-file.js).
import { phrase } from './phrase.js';

export const COMPARISONS = Object.freeze(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold',
  'LessThanOrEqualToThreshold']);
export const STATISTICS = Object.freeze(['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum']);
export const MISSING_DATA = Object.freeze(['missing', 'notBreaching', 'breaching', 'ignore']);

// What a test without alarm settings (an older link or file) opens with:
// the panel's initial values.
export const ALARM_DEFAULTS = Object.freeze({
  period: 300, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', statistic: 'Sum',
  evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: 'missing',
});

// Whole numbers above this are refused (the engine reads no larger count).
export const MAX_ALARM_COUNT = 10_000_000;

const WHOLE = ['period', 'evaluationPeriods', 'datapointsToAlarm'];
const NAMED = { comparison: COMPARISONS, statistic: STATISTICS, treatMissingData: MISSING_DATA };

// value: the "alarm" member of a test file (or what keep.js stored), or
// undefined. -> { ok: true, alarm } (frozen; defaults for the members left
// out; other members ignored) | { ok: false, message, field } (a sentence's
// end, and the member at fault when it is one of the settings).
export function readAlarm(value) {
  if (value === undefined) return { ok: true, alarm: ALARM_DEFAULTS };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(phrase('page.alarm-settings.not-object', '"alarm" is not an object'));
  const alarm = { ...ALARM_DEFAULTS };
  for (const name of WHOLE) {
    if (value[name] === undefined) continue;
    const n = value[name];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_ALARM_COUNT) {
      return fail(phrase('page.alarm-settings.not-whole', '"alarm"."{name}" is not a whole number from 1 to {max}', { name, max: MAX_ALARM_COUNT }), name);
    }
    alarm[name] = n;
  }
  if (value.threshold !== undefined) {
    if (typeof value.threshold !== 'number' || !Number.isFinite(value.threshold)) {
      return fail(phrase('page.alarm-settings.not-number', '"alarm"."threshold" is not a number'), 'threshold');
    }
    alarm.threshold = value.threshold;
  }
  for (const [name, names] of Object.entries(NAMED)) {
    if (value[name] === undefined) continue;
    if (!names.includes(value[name])) {
      return fail(phrase('page.alarm-settings.not-one-of', '"alarm"."{name}" is not one of {names}', { name, names: names.join(', ') }), name);
    }
    alarm[name] = value[name];
  }
  return { ok: true, alarm: Object.freeze(alarm) };
}

export function sameAlarm(a, b) {
  return a === b || Object.keys(ALARM_DEFAULTS).every((k) => a[k] === b[k]);
}

// The "alarm" member to save: every setting, or undefined when all are the
// defaults (a test that never used the alarm panel saves no "alarm").
export function alarmToSave(alarm) {
  if (!alarm || sameAlarm(alarm, ALARM_DEFAULTS)) return undefined;
  const out = {};
  for (const k of Object.keys(ALARM_DEFAULTS)) out[k] = alarm[k];
  return out;
}

// The metric filter's definition (metric.js) as AlarmScan's settings, like
// `cwlf alarm --metric-value V --default-value D`; nothing while its panel is closed.
export function metricSettings(definition) {
  if (!definition) return {};
  const out = { metricValue: definition.value };
  if (definition.defaultValue) out.defaultValue = definition.defaultValue;
  return out;
}

function fail(message, field) {
  return { ok: false, message, field };
}
