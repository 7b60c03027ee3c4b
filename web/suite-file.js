// The test suite file: one test (a pattern, the pasted events, what each
// event is expected to do, the selected event) as JSON. It is what Download
// saves, what Open reads, what a share link carries (compressed, see
// share.js) and what `cwlf test --suite FILE` runs in CI. The format is
// documented in docs/suite-format.md; a version number lets links and files
// made today keep opening after later releases.
//
//   { "cwlf": "suite", "v": 1,
//     "pattern": "{ $.eventName = \"PutRolePolicy\" }",
//     "events": "…the pasted text, as pasted…",
//     "expectations": [ { "event": 2, "expect": "match" }, { "event": 3, "expect": "no-match" } ],
//     "selected": 2 }
//
// Event numbers are 1-based, as the page (#2) and the `cwlf` command print them.

export const SUITE_VERSION = 1;
// Larger files are refused before parsing: the page would not be usable anyway.
export const MAX_SUITE_CHARS = 64 * 1024 * 1024;

// expectations: Map of 0-based event index -> 'match' | 'no-match'; selected: 0-based;
// lang: the page language its author chose ('en' | 'ja'), or none.
export function makeSuite({ pattern, events, expectations, selected, lang = null }) {
  const list = [...expectations.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, expect]) => ({ event: index + 1, expect }));
  const suite = { cwlf: 'suite', v: SUITE_VERSION, pattern, events, expectations: list, selected: selected + 1 };
  if (lang === 'en' || lang === 'ja') suite.lang = lang;
  return suite;
}

export function suiteToJson(suite) {
  // One expectation per line: files are read in code review and CI logs.
  const text = JSON.stringify(suite, null, 2)
    .replace(/\{\n\s*"event": (\d+),\n\s*"expect": ("[a-z-]+")\n\s*\}/g, '{ "event": $1, "expect": $2 }');
  return `${text}\n`;
}

// -> { ok: true, test: { pattern, events, expectations: Map, selected } }
//  | { ok: false, message }   (a sentence for the user)
export function parseSuite(text) {
  if (typeof text !== 'string') return fail('it is not text');
  if (text.length > MAX_SUITE_CHARS) return fail(`it is larger than ${MAX_SUITE_CHARS / 1024 / 1024} MiB`);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return fail(`it is not valid JSON (${err.message})`);
  }
  return readSuite(doc);
}

export function readSuite(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || doc.cwlf !== 'suite') {
    return fail('it is not a cwlf test (no "cwlf": "suite")');
  }
  if (!Number.isInteger(doc.v)) return fail('it has no version number "v"');
  if (doc.v > SUITE_VERSION) {
    return fail(`it was made by a newer cwlf (format version ${doc.v}; this page reads up to ${SUITE_VERSION})`);
  }
  if (doc.v < 1) return fail(`its format version ${doc.v} does not exist`);
  if (typeof doc.pattern !== 'string') return fail('"pattern" is missing or not a string');
  if (typeof doc.events !== 'string') return fail('"events" is missing or not a string');
  const expectations = new Map();
  const list = doc.expectations === undefined ? [] : doc.expectations;
  if (!Array.isArray(list)) return fail('"expectations" is not a list');
  for (const item of list) {
    if (!item || typeof item !== 'object' || !Number.isInteger(item.event) || item.event < 1) {
      return fail('an expectation has no event number ("event": 1 is the first event)');
    }
    if (item.expect !== 'match' && item.expect !== 'no-match') {
      return fail(`the expectation for event ${item.event} is neither "match" nor "no-match"`);
    }
    expectations.set(item.event - 1, item.expect);
  }
  let selected = 0;
  if (doc.selected !== undefined) {
    if (!Number.isInteger(doc.selected) || doc.selected < 1) return fail('"selected" is not an event number');
    selected = doc.selected - 1;
  }
  // "lang" (optional): the page's language its author chose; anything else is ignored.
  const lang = doc.lang === 'en' || doc.lang === 'ja' ? doc.lang : null;
  return { ok: true, test: { pattern: doc.pattern, events: doc.events, expectations, selected, lang } };
}

function fail(why) {
  return { ok: false, message: why };
}
