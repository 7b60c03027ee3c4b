// setLanguage() in the wasm module (docs/api.md): the engine's sentences in
// Japanese or English, from the catalogues compiled in; selectors and values
// untouched; an unknown tag changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf, root } from './dist-module.mjs';

const cwlf = await loadCwlf();
const pattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').replace(/\r?\n$/, '');
const events = readFileSync(`${root}tests/data/seed/events.txt`, 'utf8');
const SELECTOR = '`$.userIdentity.sessionContext.sessionIssuer.userName`';

// The reason of the condition that decided event #3 (the root && has it first).
function thirdReason() {
  const run = cwlf.test(pattern, events, { explain: 2 });
  const nodes = run.events[2].explanation.nodes;
  return nodes[nodes[0].children[0]].reason;
}

test('English by default; Japanese after setLanguage("ja"); back with "en"', () => {
  assert.equal(cwlf.language(), 'en');
  const english = thirdReason();
  assert.ok(english.startsWith(`${SELECTOR} is missing: `), english);
  const englishWarning = cwlf.lint(pattern, events).warnings[0];

  assert.equal(cwlf.setLanguage('ja-JP'), true);
  assert.equal(cwlf.language(), 'ja');
  const japanese = thirdReason();
  assert.ok(japanese.startsWith(`${SELECTOR} が存在しません。`), japanese);
  assert.match(japanese, /`!=` も例外ではありません。$/);
  const warning = cwlf.lint(pattern, events).warnings[0];
  assert.equal(warning.code, englishWarning.code);
  assert.match(warning.message, /欠落フィールドの落とし穴/);
  assert.deepEqual(warning.fixes.map((f) => f.label), ['フィールドがない場合も一致させる', 'AssumedRole の ID にだけ適用する']);
  // The rewrites themselves are pattern text: identical in both languages.
  assert.deepEqual(warning.fixes.map((f) => f.pattern), englishWarning.fixes.map((f) => f.pattern));

  assert.equal(cwlf.setLanguage('de'), false);
  assert.equal(cwlf.language(), 'ja');
  assert.equal(cwlf.setLanguage('en'), true);
  assert.equal(thirdReason(), english);
});
