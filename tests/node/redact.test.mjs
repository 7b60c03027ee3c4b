// Redact (web/shorten.js, web/email-scan.js): the same placeholders as
// before, and linear time on text built to make a backtracking regular
// expression quadratic (issue 10: 400,000 characters of it took one 71 s task).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactText } from '../../web/shorten.js';
import { findEmails } from '../../web/email-scan.js';
import { keepOnly } from '../../web/json-fields.js';

test('redacts accounts, ARNs, keys, addresses and e-mails consistently; keeps what the pattern reads', () => {
  const text = 'mail alice@example.com, bob.smith+x@mail.corp.example.org and alice@example.com; ' +
    '123456789012 10.0.0.1 arn:aws:iam::111122223333:role/x AKIAIOSFODNN7EXAMPLE fe80::1 a@b.c x_y@z.com';
  const { text: out, replaced } = redactText(text);
  assert.equal(out, 'mail user1@example.com, user2@example.com and user1@example.com; ' +
    '100000000001 192.0.2.1 arn:aws:iam::100000000002:role/x AKIAREDACTED00000001 2001:db8::1 a@b.c user3@example.com');
  assert.equal(replaced, 8);
  const kept = redactText(text, ['arn:aws:iam::111122223333:role/x', '10.0.0.1']).text;
  assert.match(kept, /10\.0\.0\.1 arn:aws:iam::111122223333:role\/x/);
  assert.match(kept, /^mail user1@example\.com/);
});

test('e-mail addresses: the same ones the regular expression found', () => {
  const text = 'a.b@c.de, .x@y.org x@y z@q.co1 m@n.co-op w@v.com_';
  const re = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
  assert.deepEqual(findEmails(text).map(([s, e]) => text.slice(s, e)), text.match(re));
});

test('1 MB of a.a.a…, a@a@a@… and a@a.a.a… redact in under a second each', () => {
  for (const text of ['a.'.repeat(500_000), 'a@'.repeat(500_000), `a@${'a.'.repeat(500_000)}`]) {
    const t0 = performance.now();
    redactText(text);
    const ms = performance.now() - t0;
    assert.ok(ms < 1000, `${text.slice(0, 6)}…: ${ms.toFixed(0)} ms`);
  }
});

test('Keep only writes __proto__, constructor and prototype as fields, never into Object.prototype', () => {
  const event = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 2}}, "a": 1}');
  const steps = (...names) => ({ text: names.join('.'), steps: names.map((member) => ({ member })) });
  const out = keepOnly(event, [steps('__proto__', 'polluted'), steps('constructor', 'prototype', 'x')]);
  assert.equal(JSON.stringify(out), '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":2}}}');
  assert.equal({}.polluted, undefined);
  assert.equal({}.x, undefined);
});
