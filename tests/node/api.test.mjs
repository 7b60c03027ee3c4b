// The JS API of the exact files the page serves (dist/cwlf.js + dist/cwlf.wasm,
// built by scripts/build-web.sh), loaded the way a Node user would: require()
// plus wasmBinary. The seed scenario (tests/data/seed/) is the same one the
// Catch2 tests, the browser tests and the page's worked example use.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf, root } from './dist-module.mjs';

const seedPattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').replace(/\r?\n$/, '');
const seedEvents = readFileSync(`${root}tests/data/seed/events.txt`, 'utf8');

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

const slice = (text, offset, length) => text.slice(offset, offset + length);
const patternText = (node, pattern) => slice(pattern, node.patternOffset, node.patternLength);

// The decisive nodes that have no decisive child.
function decidingLeaves(nodes) {
  const out = [];
  const walk = (i) => {
    const decisive = nodes[i].children.filter((c) => nodes[c].decisive);
    if (decisive.length === 0) out.push(i);
    decisive.forEach(walk);
  };
  walk(0);
  return out;
}

test('the module exposes compile, test and testMetricFilter', () => {
  for (const name of ['compile', 'test', 'testMetricFilter']) assert.equal(typeof cwlf[name], 'function', name);
});

test('compile: a valid pattern gives its family and no error', () => {
  assert.deepEqual(cwlf.compile(seedPattern), { ok: true, family: 'json', error: null });
  assert.deepEqual(cwlf.compile(''), { ok: true, family: 'match-all', error: null });
  assert.equal(cwlf.compile('ERROR -healthcheck').family, 'terms');
  assert.equal(cwlf.compile('[ip, user, status = 5*]').family, 'space-delimited');
});

test('compile: an error carries its code, both wordings and its position', () => {
  const pattern = '{ $.a == 1 }';
  const { ok, family, error } = cwlf.compile(pattern);
  assert.equal(ok, false);
  assert.equal(family, null);
  assert.equal(error.offset, pattern.indexOf('=='));
  assert.equal(error.length, 2);
  assert.equal(slice(pattern, error.offset, error.length), '==');
  assert.equal(typeof error.code, 'string');
  assert.ok(error.code.length > 0);
  assert.equal(typeof error.awsMessage, 'string');
  assert.ok(error.awsMessage.length > 0);
  assert.ok(error.message.length > 0);
});

test('seed: the events are split and tested as the README says', () => {
  const run = cwlf.test(seedPattern, seedEvents);
  assert.deepEqual(run.pattern, { ok: true, family: 'json', error: null });
  assert.equal(run.format, 'json-objects');
  assert.deepEqual(run.counts, { matched: 1, unmatched: 3, errors: 0 });
  assert.deepEqual(run.events.map((e) => e.matched), [false, true, false, false]);
  for (const [i, event] of run.events.entries()) {
    assert.equal(event.index, i);
    assert.equal(event.tested, true);
    assert.equal(event.error, null);
    assert.deepEqual(event.extracted, []);
    // Each event's span is one pretty-printed object of the paste...
    const source = slice(seedEvents, event.offset, event.length);
    assert.ok(source.startsWith('{') && source.endsWith('}'), `event ${i} span`);
    // ...and its message is that object compacted, as CloudWatch receives it.
    assert.deepEqual(JSON.parse(event.message), JSON.parse(source));
    assert.ok(!event.message.includes('\n'));
  }
});

test('seed event 0: no match, decided by the userName != condition, which found cm-policymaintainer', () => {
  const event = cwlf.test(seedPattern, seedEvents).events[0];
  const { nodes } = event.explanation;
  assert.equal(nodes[0].decisive, true);
  assert.equal(nodes[0].outcome, 'false');
  const leaves = decidingLeaves(nodes);
  assert.equal(leaves.length, 1);
  const node = nodes[leaves[0]];
  assert.equal(node.kind, 'condition');
  assert.equal(node.outcome, 'false');
  assert.match(patternText(node, seedPattern), /sessionIssuer\.userName\s*!=\s*cm-policymaintainer/);
  assert.equal(node.found, 'string');
  assert.equal(node.foundText, 'cm-policymaintainer');
  // The value's span points into the pasted text, at the value itself.
  assert.match(slice(seedEvents, node.eventOffset, node.eventLength), /^"?cm-policymaintainer"?$/);
  assert.ok(node.eventOffset > event.offset && node.eventOffset < event.offset + event.length);
  assert.equal(typeof node.reason, 'string');
  assert.ok(node.reason.length > 0);
});

test('seed event 1: match, decided by both sides of the &&', () => {
  const event = cwlf.test(seedPattern, seedEvents).events[1];
  assert.equal(event.matched, true);
  const { nodes } = event.explanation;
  assert.equal(nodes[0].kind, 'and');
  assert.equal(nodes[0].outcome, 'true');
  assert.ok(nodes[0].children.every((c) => nodes[c].decisive && nodes[c].outcome === 'true'));
  const names = decidingLeaves(nodes).map((i) => patternText(nodes[i], seedPattern));
  assert.ok(names.some((t) => t.includes('$.eventName=PutRolePolicy')), names.join(' | '));
});

test('seed event 2: no match, decided by != on a missing field (the trap)', () => {
  const event = cwlf.test(seedPattern, seedEvents).events[2];
  assert.equal(event.matched, false);
  const { nodes } = event.explanation;
  const leaves = decidingLeaves(nodes);
  assert.equal(leaves.length, 1);
  const node = nodes[leaves[0]];
  assert.equal(node.kind, 'condition');
  assert.equal(node.outcome, 'false');
  assert.equal(node.found, 'missing');
  assert.match(patternText(node, seedPattern), /!=/);
  assert.equal(node.eventOffset, null);
  assert.equal(node.eventLength, null);
});

test('seed event 3: no match, decided by the || group of event names', () => {
  const event = cwlf.test(seedPattern, seedEvents).events[3];
  assert.equal(event.matched, false);
  const { nodes } = event.explanation;
  const decisive = nodes[0].children.filter((c) => nodes[c].decisive);
  assert.equal(decisive.length, 1);
  const or = nodes[decisive[0]];
  assert.equal(or.kind, 'or');
  assert.equal(or.outcome, 'false');
  assert.equal(or.children.length, 16);
  for (const c of or.children) {
    assert.equal(nodes[c].outcome, 'false');
    assert.equal(nodes[c].foundText, 'DescribeInstances');
  }
});

test('explanation nodes have the documented shape', () => {
  const { nodes } = cwlf.test(seedPattern, seedEvents).events[0].explanation;
  const kinds = new Set(['match-all', 'not-json', 'and', 'or', 'condition', 'terms', 'term', 'fields', 'field']);
  const found = new Set(['missing', 'null', 'boolean', 'object', 'array', 'string', 'number', 'text', null]);
  for (const node of nodes) {
    assert.deepEqual(Object.keys(node).sort(), ['children', 'decisive', 'eventLength', 'eventOffset', 'found',
      'foundText', 'kind', 'outcome', 'patternLength', 'patternOffset', 'reason'].sort());
    assert.ok(kinds.has(node.kind), node.kind);
    assert.ok(['true', 'false', 'skipped'].includes(node.outcome));
    assert.ok(found.has(node.found), String(node.found));
    assert.ok(node.children.every((c) => Number.isInteger(c) && c > 0 && c < nodes.length));
  }
  // The && short-circuits: the || after the false condition is not evaluated.
  assert.ok(nodes.some((n) => n.kind === 'or' && n.outcome === 'skipped' && !n.decisive));
});

test('results are plain data (no handles to delete)', () => {
  const run = cwlf.test(seedPattern, seedEvents);
  assert.deepEqual(JSON.parse(JSON.stringify(run)), run);
  assert.equal(Object.getPrototypeOf(run), Object.prototype);
  assert.ok(Array.isArray(run.events));
  assert.equal(run.delete, undefined);
});

test('options.explain: none, all, or one index', () => {
  assert.ok(cwlf.test(seedPattern, seedEvents, { explain: 'none' }).events.every((e) => e.explanation === null));
  assert.ok(cwlf.test(seedPattern, seedEvents, { explain: 'all' }).events.every((e) => e.explanation !== null));
  const one = cwlf.test(seedPattern, seedEvents, { explain: 2 }).events.map((e) => e.explanation !== null);
  assert.deepEqual(one, [false, false, true, false]);
  // Leaving the options out means 'all'.
  assert.ok(cwlf.test(seedPattern, seedEvents).events.every((e) => e.explanation !== null));
});

test('an invalid pattern: its error, and the events listed but not tested', () => {
  const pattern = '{ $.a == 1 }';
  const run = cwlf.test(pattern, '{"a":1}\n{"a":2}\n');
  assert.equal(run.pattern.ok, false);
  assert.equal(run.pattern.error.offset, pattern.indexOf('=='));
  assert.deepEqual(run.counts, { matched: 0, unmatched: 0, errors: 0 });
  assert.equal(run.events.length, 2);
  assert.ok(run.events.every((e) => !e.tested && !e.matched && e.explanation === null));
});

test('an invalid event carries its own error and position; the others are tested', () => {
  const text = '{"user":"bob"}\n{"user": }\n{"user":"eve"}\n';
  const run = cwlf.test('{ $.user = "bob" }', text);
  assert.equal(run.events.length, 3);
  assert.deepEqual(run.events.map((e) => e.matched), [true, false, false]);
  assert.deepEqual(run.events.map((e) => e.tested), [true, false, true]);
  const { error } = run.events[1];
  assert.equal(typeof error.code, 'string');
  assert.ok(error.message.length > 0);
  // The position is in the pasted text, inside the broken event.
  assert.ok(error.offset >= text.indexOf('{"user": }') && error.offset <= text.indexOf('{"user": }') + 10);
  assert.equal(run.counts.errors, 1);
});

// ---- UTF-16 offsets -----------------------------------------------------------------

test('non-ASCII: pattern error offsets are JS string indices', () => {
  for (const pattern of ['"café" {', '"é😀" "ERROR', '{ $.name = "é😀" && $.x == 1 }']) {
    const { error } = cwlf.compile(pattern);
    assert.ok(error, pattern);
    const at = pattern.includes('==') ? pattern.indexOf('==') : pattern.includes('{') ? pattern.indexOf('{') : pattern.indexOf('"ERROR');
    assert.equal(error.offset, at, pattern);
  }
  const pattern = '{ $.name = "é😀" && $.x == 1 }';
  const { error } = cwlf.compile(pattern);
  assert.equal(slice(pattern, error.offset, error.length), '==');
});

test('non-ASCII: text terms and events with é and emoji before the value', () => {
  const text = 'first line é\né😀 says bob\n';
  const run = cwlf.test('bob', text);
  assert.equal(run.format, 'lines');
  const event = run.events[1];
  assert.equal(event.matched, true);
  assert.equal(slice(text, event.offset, event.length), 'é😀 says bob');
  const term = event.explanation.nodes.find((n) => n.kind === 'term');
  assert.equal(slice(text, term.eventOffset, term.eventLength), 'bob');
});

test('non-ASCII: a JSON value after é and emoji, compact and pretty-printed', () => {
  const pattern = '{ $.name = "é😀" && $.user = "bob" }';
  const compact = '{"note":"😀😀 é","name":"é😀","user":"bob"}\n';
  const pretty = '{\n  "note": "über 😀",\n  "name": "é😀",\n  "user":   "bob"\n}\n';
  for (const text of [compact, pretty, compact + pretty]) {
    const run = cwlf.test(pattern, text);
    assert.ok(run.events.length >= 1);
    for (const event of run.events) {
      assert.equal(event.matched, true, text);
      const { nodes } = event.explanation;
      const user = nodes.find((n) => n.kind === 'condition' && patternText(n, pattern).includes('$.user'));
      const name = nodes.find((n) => n.kind === 'condition' && patternText(n, pattern).includes('$.name'));
      assert.equal(patternText(user, pattern), '$.user = "bob"');
      assert.equal(patternText(name, pattern), '$.name = "é😀"');
      assert.equal(slice(text, user.eventOffset, user.eventLength), '"bob"');
      assert.equal(slice(text, name.eventOffset, name.eventLength), '"é😀"');
      assert.equal(name.foundText, 'é😀');
    }
  }
});

test('non-ASCII: space-delimited fields and extracted values', () => {
  const text = 'é😀 404 /ünï\n';
  const run = cwlf.test('[who, status = 404, path]', text);
  const event = run.events[0];
  assert.equal(event.matched, true);
  assert.deepEqual(event.extracted, [['$who', 'é😀'], ['$status', '404'], ['$path', '/ünï']]);
  const status = event.explanation.nodes.find((n) => n.kind === 'field' && n.foundText === '404');
  assert.equal(slice(text, status.eventOffset, status.eventLength), '404');
});

// ---- testMetricFilter -------------------------------------------------------------------

test('testMetricFilter: the TestMetricFilter response on the seed messages', () => {
  const messages = cwlf.test(seedPattern, seedEvents).events.map((e) => e.message);
  const response = cwlf.testMetricFilter(seedPattern, messages);
  assert.deepEqual(Object.keys(response), ['matches']);
  assert.equal(response.matches.length, 1);
  assert.equal(response.matches[0].eventNumber, 1);
  assert.equal(response.matches[0].eventMessage, messages[1]);
  assert.deepEqual(response.matches[0].extractedValues, {});
});

test('testMetricFilter: extracted values for a space-delimited pattern', () => {
  const response = cwlf.testMetricFilter('[ip, user, status = 404]', ['10.0.0.1 é😀 404', '10.0.0.2 bob 200']);
  assert.deepEqual(response, {
    matches: [{ eventNumber: 0, eventMessage: '10.0.0.1 é😀 404', extractedValues: { $ip: '10.0.0.1', $user: 'é😀', $status: '404' } }],
  });
});

test('testMetricFilter: an invalid pattern returns { error } (no exception)', () => {
  const pattern = '{ $.é = 1 && $.a == 1 }';
  const response = cwlf.testMetricFilter(pattern, ['{"a":1}']);
  assert.deepEqual(Object.keys(response), ['error']);
  assert.equal(typeof response.error.code, 'string');
  assert.ok(response.error.offset < pattern.length);
});
