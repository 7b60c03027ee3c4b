// The test suite file: one test (a pattern, the pasted events, what each
// event is expected to do, the selected event) as JSON. It is what Download
// saves, what Open reads, what a share link carries (compressed, see
// share.js) and what `cwlf test --suite FILE` runs in CI. The format is
// documented in docs/suite-format.md; a version number lets links and files
// made today keep opening after later releases.
//
//   { "cwlf": "suite", "v": 2,
//     "pattern": "{ $.eventName = \"PutRolePolicy\" }",
//     "events": "…the pasted text, as pasted…",
//     "expectations": [ { "event": 2, "id": "eventID:3a1f…", "expect": "match" },
//                       { "event": 3, "id": "h:9c0e54d1a2b3c4d5", "expect": "no-match" } ],
//     "selected": 2,
//     "alarm": { "period": 300, "threshold": 5, … } }   (alarm-settings.js; left out when all defaults)
//
// Event numbers are 1-based, as the page (#2) and the `cwlf` command print them.
// Version 2 adds "id", the event's identity (expectations.js): a reader finds
// the event by it, wherever it now is; "event" says where it was when saved.
// Version 1 files (no "id") are read by position.
//
// A key twice in one object is refused (JSON readers disagree on which one
// counts; `cwlf test --suite` refuses the same files), and so is a string
// with a lone surrogate escape ("\ud800", which is not text).

import { beyondLimits } from './limits.js';
import { phrase } from './phrase.js';
import { alarmToSave, readAlarm } from './alarm-settings.js';

export const SUITE_VERSION = 2;
// Larger files are refused before parsing: the page would not be usable anyway.
export const MAX_SUITE_CHARS = 64 * 1024 * 1024;

// expectations: Map of event identity -> 'match' | 'no-match'; indexOf:
// Map identity -> 0-based index of its event now (an identity not in it is an
// expectation for an event that is gone: saved with its identity only);
// selected: 0-based; lang: the page language its author chose ('en' | 'ja'), or none;
// alarm: the alarm's settings (alarm-settings.js).
export function makeSuite({ pattern, events, expectations, selected, indexOf = new Map(), lang = null, alarm }) {
  const list = [...expectations.entries()]
    .filter(([id]) => !id.startsWith('#') && !id.startsWith('gone:'))
    .map(([id, expect]) => (indexOf.has(id) ? { event: indexOf.get(id) + 1, id, expect } : { id, expect }))
    .sort((a, b) => (a.event || Infinity) - (b.event || Infinity));
  const suite = { cwlf: 'suite', v: SUITE_VERSION, pattern, events, expectations: list, selected: selected + 1 };
  if (lang === 'en' || lang === 'ja') suite.lang = lang;
  const saved = alarmToSave(alarm);
  if (saved) suite.alarm = saved;
  return suite;
}

export function suiteToJson(suite) {
  // One expectation per line: files are read in code review and CI logs.
  const lines = suite.expectations.map((e) => {
    const fields = [];
    if (e.event !== undefined) fields.push(`"event": ${e.event}`);
    if (e.id !== undefined) fields.push(`"id": ${JSON.stringify(e.id)}`);
    fields.push(`"expect": ${JSON.stringify(e.expect)}`);
    return `    { ${fields.join(', ')} }`;
  });
  const head = JSON.stringify({ ...suite, expectations: [] }, null, 2)
    .replace('"expectations": []', lines.length ? `"expectations": [\n${lines.join(',\n')}\n  ]` : '"expectations": []');
  return `${head}\n`;
}

// The first key that occurs twice in one object of the JSON `text` (already
// known to be valid JSON), or null. One pass, no recursion.
export function duplicateKey(text) {
  const stack = [];  // per open object: { keys: Set, wantKey }; arrays: null
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.wantKey) {
        const key = JSON.parse(text.slice(i, j + 1));
        if (top.keys.has(key)) return key;
        top.keys.add(key);
        top.wantKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) stack.push({ keys: new Set(), wantKey: true });
    else if (c === 0x5b /* [ */) stack.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */ && stack[stack.length - 1]) stack[stack.length - 1].wantKey = true;
  }
  return null;
}

// Whether a string holds a lone surrogate (only possible through a \u escape).
function hasLoneSurrogate(s) {
  return typeof s.isWellFormed === 'function' ? !s.isWellFormed() : /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

// -> { ok: true, test: { pattern, events, expectations: Map, selected, lang, alarm } }
//  | { ok: false, message }   (a sentence for the user)
export function parseSuite(text) {
  if (typeof text !== 'string') return fail(phrase('page.suite.not-text', 'it is not text'));
  if (text.length > MAX_SUITE_CHARS) return fail(phrase('page.suite.too-large', 'it is larger than {size} MiB', { size: MAX_SUITE_CHARS / 1024 / 1024 }));
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return fail(phrase('page.suite.not-json', 'it is not valid JSON ({message})', { message: err.message }));
  }
  const twice = duplicateKey(text);
  if (twice !== null) return fail(phrase('page.suite.duplicate-key', 'it has the key {key} twice in one object', { key: JSON.stringify(twice) }));
  return readSuite(doc);
}

export function readSuite(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || doc.cwlf !== 'suite') {
    return fail(phrase('page.suite.not-suite', 'it is not a cwlf test (no "cwlf": "suite")'));
  }
  if (!Number.isInteger(doc.v)) return fail(phrase('page.suite.no-version', 'it has no version number "v"'));
  if (doc.v > SUITE_VERSION) {
    return fail(phrase('page.suite.newer', 'it was made by a newer cwlf (format version {version}; this page reads up to {supported})', { version: doc.v, supported: SUITE_VERSION }));
  }
  if (doc.v < 1) return fail(phrase('page.suite.bad-version', 'its format version {version} does not exist', { version: doc.v }));
  if (typeof doc.pattern !== 'string') return fail(phrase('page.suite.no-pattern', '"pattern" is missing or not a string'));
  if (typeof doc.events !== 'string') return fail(phrase('page.suite.no-events', '"events" is missing or not a string'));
  const tooBig = beyondLimits(doc.events);
  if (tooBig) return fail(tooBig);
  if (hasLoneSurrogate(doc.pattern) || hasLoneSurrogate(doc.events)) return fail(phrase('page.suite.lone-surrogate', 'it contains a lone surrogate (\\ud800-\\udfff), which is not text'));
  // Keys: event identities, or "#N" (a position, version 1 or no "id"); see expectations.js.
  const expectations = new Map();
  const list = doc.expectations === undefined ? [] : doc.expectations;
  if (!Array.isArray(list)) return fail(phrase('page.suite.expectations-not-list', '"expectations" is not a list'));
  for (const item of list) {
    const id = doc.v >= 2 && item && typeof item === 'object' ? item.id : undefined;
    if (id !== undefined && (typeof id !== 'string' || id === '' || hasLoneSurrogate(id))) {
      return fail(phrase('page.suite.bad-id', 'an expectation has an "id" that is not an event identity'));
    }
    if (!item || typeof item !== 'object' || ((!Number.isInteger(item.event) || item.event < 1) && id === undefined)) {
      return fail(phrase('page.suite.no-event', 'an expectation has no event number ("event": 1 is the first event)'));
    }
    if (item.expect !== 'match' && item.expect !== 'no-match') {
      return fail(phrase('page.suite.bad-expect', 'the expectation for event {event} is neither "match" nor "no-match"', { event: item.event || id }));
    }
    expectations.set(id !== undefined ? id : `#${item.event}`, item.expect);
  }
  let selected = 0;
  if (doc.selected !== undefined) {
    if (!Number.isInteger(doc.selected) || doc.selected < 1) return fail(phrase('page.suite.bad-selected', '"selected" is not an event number'));
    selected = doc.selected - 1;
  }
  // "lang" (optional): the page's language its author chose; anything else is ignored.
  const lang = doc.lang === 'en' || doc.lang === 'ja' ? doc.lang : null;
  const alarm = readAlarm(doc.alarm);
  if (!alarm.ok) return fail(alarm.message);
  return { ok: true, test: { pattern: doc.pattern, events: doc.events, expectations, selected, lang, alarm: alarm.alarm } };
}

function fail(why) {
  return { ok: false, message: why };
}
