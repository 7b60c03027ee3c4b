// cwlf.selectors(pattern): the fields a pattern reads, from the engine
// (core/selectors.h), as the page's Redact and Keep-only use them; and the
// page's walk of those fields through events (web/json-fields.js).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { keepOnly, valuesAt } from '../../web/json-fields.js';
import { redactText } from '../../web/shorten.js';
import { loadCwlf } from './dist-module.mjs';

let cwlf;

before(async () => {
  cwlf = await loadCwlf();
});

test('selectors: each condition\'s field with its steps; none for other patterns', () => {
  assert.deepEqual(cwlf.selectors('{ $.a.[\'b.c\'][2].* = "x" && $.d NOT EXISTS }'), [
    { text: "$.a.['b.c'][2].*", steps: [{ member: 'a' }, { member: 'b.c' }, { index: 2 }, { any: true }] },
    { text: '$.d', steps: [{ member: 'd' }] },
  ]);
  assert.deepEqual(cwlf.selectors('{ $.note = "$.not.a.field" }').map((s) => s.text), ['$.note']);
  assert.deepEqual(cwlf.selectors('ERROR -healthcheck'), []);
  assert.deepEqual(cwlf.selectors('[ip, user, status = 404]'), []);
  assert.deepEqual(cwlf.selectors('{ $.a == 1 }'), []);  // invalid
});

test('keep only the fields read: same verdicts, nothing else kept', () => {
  const pattern = '{ $.userIdentity.sessionContext.sessionIssuer.userName != "ci" && $.items[1].id = 7 }';
  const event = {
    eventName: 'X', secret: 'AKIAIOSFODNN7EXAMPLE',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/r/s', sessionContext: { sessionIssuer: { userName: 'deploy', arn: 'a' } } },
    items: [{ id: 1, big: 'x'.repeat(100) }, { id: 7, other: true }],
  };
  const kept = keepOnly(event, cwlf.selectors(pattern));
  // keepOnly builds null-prototype objects (a `__proto__` key stays data): compare their JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(kept)), {
    userIdentity: { sessionContext: { sessionIssuer: { userName: 'deploy' } } },
    items: [null, { id: 7 }],
  });
  const verdict = (e) => cwlf.test(pattern, JSON.stringify(e), { explain: 'none' }).events[0].matched;
  assert.equal(verdict(kept), verdict(event));
  assert.equal(verdict(kept), true);
});

test('redact: placeholders are consistent, and the values the pattern reads stay', () => {
  const pattern = '{ $.sourceIPAddress = "203.0.113.9" }';
  const events = [
    { sourceIPAddress: '203.0.113.9', other: '198.51.100.4', account: '111122223333', arn: 'arn:aws:iam::111122223333:user/bob', mail: 'bob@corp.example.org' },
    { sourceIPAddress: '10.0.0.1', other: '198.51.100.4', key: 'AKIAIOSFODNN7EXAMPLE' },
  ];
  const text = events.map((e) => JSON.stringify(e)).join('\n');
  const keep = events.flatMap((e) => cwlf.selectors(pattern).flatMap((s) => valuesAt(e, s)));
  const { text: out, replaced } = redactText(text, keep);
  const [a, b] = out.split('\n').map((l) => JSON.parse(l));
  assert.equal(a.sourceIPAddress, '203.0.113.9');  // read by the pattern: kept
  assert.equal(a.other, b.other);                    // the same address, the same placeholder
  assert.notEqual(a.other, '198.51.100.4');
  assert.equal(a.account, '100000000001');
  assert.equal(a.arn, 'arn:aws:iam::100000000001:user/bob');
  assert.equal(a.mail, 'user1@example.com');
  assert.match(b.key, /^AKIAREDACTED\d{8}$/);
  assert.equal(b.sourceIPAddress, '10.0.0.1');     // a field the pattern reads, in every event
  assert.equal(replaced, 4);                         // one address, one account, one e-mail, one key
  const verdicts = (t) => cwlf.test(pattern, t, { explain: 'none' }).events.map((e) => e.matched);
  assert.deepEqual(verdicts(out), verdicts(text));
});
