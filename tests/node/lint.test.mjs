// The wasm module's lint(pattern, pastedText) (docs/api.md): the pitfall
// warnings with UTF-16 offsets into the pattern, their fixes, and the
// normalised pattern. Loads dist/cwlf.js + dist/cwlf.wasm as Node users do.
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

const slice = (text, w) => text.slice(w.offset, w.offset + w.length);

test('lint: the seed pattern on the seed events', () => {
  const { warnings, normalised } = cwlf.lint(seedPattern, seedEvents);
  assert.deepEqual(warnings.map((w) => w.code), ['ne-missing-field']);
  const [w] = warnings;
  assert.equal(slice(seedPattern, w), '($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)');
  assert.deepEqual(w.fixes.map((f) => f.label), ['Also match when the field is missing', 'Apply it to AssumedRole identities only']);
  // Each fix, tested by the engine on the same events, lets the IAM user's change through.
  for (const fix of w.fixes) {
    const run = cwlf.test(fix.pattern, seedEvents, { explain: 'none' });
    assert.deepEqual(run.events.map((e) => e.matched), [false, true, true, false], fix.label);
  }
  assert.ok(normalised.startsWith('{ $.userIdentity.sessionContext.sessionIssuer.userName != cm-policymaintainer && ($.eventName = DeleteGroupPolicy || '));
});

test('lint: offsets are UTF-16 indices, also for an invalid pattern', () => {
  const pattern = '{ $.mood = "\u{1F600}" && $.city = \u201cParis\u201d }';
  const { warnings, normalised } = cwlf.lint(pattern, '');
  assert.equal(normalised, null);
  const w = warnings.find((x) => x.code === 'smart-quotes');
  assert.equal(slice(pattern, w), '\u201cParis\u201d');
  assert.equal(w.fixes[0].pattern, '{ $.mood = "\u{1F600}" && $.city = "Paris" }');
});

test('lint: nothing to say about a clean pattern; the empty pattern normalises to ""', () => {
  assert.deepEqual(cwlf.lint('{ $.eventName = ConsoleLogin }', '{"eventName":"ConsoleLogin"}').warnings, []);
  assert.deepEqual(cwlf.lint('', 'x'), { warnings: [], normalised: '' });
});
