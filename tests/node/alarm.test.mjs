// The wasm module's exclusion() and metric() (docs/api.md), on the seed
// events, loaded from dist/ as Node users do.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf, root } from './dist-module.mjs';

const seedEvents = readFileSync(`${root}tests/data/seed/events.txt`, 'utf8');

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

const matched = (pattern) => cwlf.test(pattern, seedEvents, { explain: 'none' }).events.map((e) => e.matched);

test('exclusion: the maintainer role of event #1, checked by the engine on the seed events', () => {
  const x = cwlf.exclusion('{ $.eventName = PutRolePolicy || $.eventName = AttachUserPolicy }', seedEvents, 0, false);
  assert.equal(x.error, null);
  assert.equal(x.identityType, 'AssumedRole');
  assert.equal(x.pattern, '{($.userIdentity.sessionContext.sessionIssuer.userName != "cm-policymaintainer") && ' +
    '($.eventName = PutRolePolicy || $.eventName = AttachUserPolicy)}');
  assert.deepEqual(matched(x.pattern), [false, true, false, false]);
  assert.deepEqual(x.dropped, [2]);
  assert.match(x.drops, /IAMUser/);
  assert.deepEqual(matched(x.keepingPattern), [false, true, true, false]);
  assert.match(cwlf.exclusion('ERROR', seedEvents, 0, false).error, /JSON pattern/);
  assert.match(cwlf.exclusion('', seedEvents, 9, false).error, /no event #10/);
});

test('metric: a dimension per event; AWS\'s validation as an error value', () => {
  const run = cwlf.metric('{ $.eventName = * }', seedEvents, { value: '1', dimensions: [['Event', '$.eventName']] });
  assert.equal(run.error, null);
  assert.equal(run.datapoints, 4);
  assert.equal(run.sum, 4);
  assert.deepEqual(run.points.map((p) => p.dimensions[0][1]), ['PutRolePolicy', 'PutRolePolicy', 'AttachUserPolicy', 'DescribeInstances']);
  assert.match(cwlf.metric('{ $.a = 1 }', seedEvents, { value: '$.x[*]' }).error, /wildcard/);
});
