// EventSet, the page worker's way to test pattern after pattern against one
// paste (wasm/event_set_bindings.cc): it must give exactly what the one-shot
// functions give (cwlf.test, lint, exclusion, metric) for the same text, since
// the page shows the former and the docs and the CLI promise the latter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf, root } from './dist-module.mjs';

const seedPattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').replace(/\r?\n$/, '');
const seedEvents = readFileSync(`${root}tests/data/seed/events.txt`, 'utf8');
const corpus = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

const VERDICT = { 0: 'not tested', 1: 'no match', 2: 'match' };
const verdictOf = (event) => (!event.tested ? 'not tested' : event.matched ? 'match' : 'no match');

// A pasted text with every kind of event: pretty CloudTrail records (one with
// non-ASCII text, so UTF-16 offsets differ from bytes), a broken one, and more.
const mixed = [
  ...corpus.slice(0, 40).map((line) => JSON.stringify(JSON.parse(line), null, 2)),
  '{ "eventName": "PutRolePolicy", "note": "café ☕ 𝄞", "userIdentity": { "type": "Root" } }',
  '{ "eventName": "DeleteRolePolicy", "broken": }',
  '{ "eventName": "AttachRolePolicy", "userIdentity": { "type": "IAMUser" } }',
].join('\n\n');

const patterns = [
  seedPattern,
  '{ $.eventName = "ConsoleLogin" }',
  '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  '"AccessDenied"',
  '',
  '{ $.eventName = ',  // invalid: an error, and no event tested
];

test('verdicts() gives the verdicts, counts and extracted values of test(), for every pattern', () => {
  for (const text of [seedEvents, mixed]) {
    const set = new cwlf.EventSet(text);
    try {
      for (const pattern of patterns) {
        const full = cwlf.test(pattern, text, { explain: 'none' });
        const compact = set.verdicts(pattern, -1);
        assert.deepEqual(compact.pattern, full.pattern, pattern);
        assert.deepEqual(compact.counts, full.counts, pattern);
        assert.equal(compact.verdicts.length, full.events.length);
        assert.deepEqual([...compact.verdicts].map((v) => VERDICT[v]), full.events.map(verdictOf), pattern);
        const extracted = full.events.map((e, i) => [i, e.extracted]).filter(([, pairs]) => pairs.length);
        assert.deepEqual(compact.extracted, extracted, pattern);
        assert.equal(compact.explained, -1);
        assert.equal(compact.explanation, null);
      }
    } finally {
      set.delete();
    }
  }
});

test('verdicts() explains the one event asked for, as test() does', () => {
  const set = new cwlf.EventSet(mixed);
  try {
    const full = cwlf.test(seedPattern, mixed);
    for (const index of [0, 7, 40, full.events.length - 1]) {
      const compact = set.verdicts(seedPattern, index);
      assert.equal(compact.explained, index);
      assert.deepEqual(compact.explanation, full.events[index].explanation, `event ${index}`);
    }
    // An index past the end explains nothing (and does not fail).
    assert.equal(set.verdicts(seedPattern, 10_000).explanation, null);
  } finally {
    set.delete();
  }
});

test('events() gives each event offset, length, message and error as test() does', () => {
  const set = new cwlf.EventSet(mixed);
  try {
    const full = cwlf.test('', mixed, { explain: 'none' });
    assert.equal(set.format(), full.format);
    assert.equal(set.size(), full.events.length);
    const listed = set.events();
    assert.deepEqual(listed.map(({ title, detail, identity, ...rest }) => rest),
      full.events.map(({ index, offset, length, message, error }) => ({ index, offset, length, message, error })));
    // Each event's headline (core/include/cwlf/cloudtrail.h): CloudTrail records by eventName and principal.
    const record = listed.find((e) => e.message.includes('AttachRolePolicy'));
    assert.match(record.title, /^AttachRolePolicy · /);
    for (const e of listed) assert.ok(e.title.length > 0 && e.title.length <= 80, e.title);
    // Each event's identity (docs/suite-format.md): its unique eventID, or a hash of its message.
    for (const e of listed) assert.match(e.identity, /^(eventID:.+|h:[0-9a-f]{16})$/);
    // The offsets are string indices into the pasted text (here past non-ASCII text).
    const last = listed[listed.length - 1];
    assert.ok(mixed.slice(last.offset, last.offset + last.length).includes('AttachRolePolicy'));
    assert.ok(listed.some((e) => e.error !== null), 'the broken event has its own error');
  } finally {
    set.delete();
  }
});

test('lint(), exclusion() and metric() answer as the one-shot functions do', () => {
  const set = new cwlf.EventSet(seedEvents);
  try {
    for (const pattern of patterns) assert.deepEqual(set.lint(pattern), cwlf.lint(pattern, seedEvents), pattern);
    for (const index of [0, 1, 2, 3, 99]) {
      for (const byArn of [false, true]) {
        assert.deepEqual(set.exclusion(seedPattern, index, byArn), cwlf.exclusion(seedPattern, seedEvents, index, byArn));
      }
    }
    const definition = { value: '1', defaultValue: '0', dimensions: [['Event', '$.eventName']] };
    assert.deepEqual(set.metric(seedPattern, definition), cwlf.metric(seedPattern, seedEvents, definition));
    assert.ok(set.metric('{ $.eventName = ', definition).error);
  } finally {
    set.delete();
  }
});

test('two sets of events live side by side, and an empty text has no events', () => {
  const a = new cwlf.EventSet(seedEvents);
  const b = new cwlf.EventSet(mixed);
  const empty = new cwlf.EventSet('');
  try {
    assert.deepEqual([...a.verdicts(seedPattern, -1).verdicts], [...cwlf.test(seedPattern, seedEvents).events.map((e) => (e.tested ? (e.matched ? 2 : 1) : 0))]);
    assert.equal(b.size(), cwlf.test('', mixed).events.length);
    assert.equal(empty.size(), 0);
    assert.equal(empty.format(), 'empty');
    assert.equal(empty.verdicts(seedPattern, 0).verdicts.length, 0);
    assert.equal(empty.verdicts(seedPattern, 0).explanation, null);
  } finally {
    a.delete();
    b.delete();
    empty.delete();
  }
});
