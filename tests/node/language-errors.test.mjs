// The wasm module's errors in the chosen language (docs/api.md, setLanguage):
// a pattern's diagnostic (its `message` Japanese, `awsMessage`, `code` and
// span unchanged), the regex dialect's refusals, and the events' errors of
// test(), whose split of the last paste is kept between calls but not across
// a change of language; an EventSet keeps the language it was split in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCwlf } from './dist-module.mjs';

const cwlf = await loadCwlf();
const pasted = '{"a": 1}\n\n{"b": tru}\n\nhello';

function inLanguage(tag, f) {
  const before = cwlf.language();
  cwlf.setLanguage(tag);
  try {
    return f();
  } finally {
    cwlf.setLanguage(before);
  }
}

test('compile(): the reason in Japanese, AWS\'s message, the code and the span as in English', () => {
  const en = inLanguage('en', () => cwlf.compile('{ $.a = }'));
  const ja = inLanguage('ja', () => cwlf.compile('{ $.a = }'));
  assert.equal(en.error.message, "Expected a value after '=' (a string, a number, or * for any value), but found '}'.");
  assert.equal(ja.error.message, "'=' の後には値（文字列、数値、または任意の値を表す *）が必要ですが、'}' があります。");
  for (const key of ['code', 'awsMessage', 'offset', 'length']) assert.equal(ja.error[key], en.error[key], key);
  assert.equal(ja.error.awsMessage, 'Invalid metric filter pattern');
  const regex = inLanguage('ja', () => cwlf.compile('{ $.a = %a{5,2}% }'));
  assert.equal(regex.error.message, '繰り返し {5,2} の最小回数が最大回数を超えています');
  assert.equal(regex.error.awsMessage, 'Failed to compile regular expression.');
});

test('test(): the same paste\'s errors follow a change of language', () => {
  const errors = () => cwlf.test('{ $.a = 1 }', pasted).events.filter((e) => e.error).map((e) => e.error.message);
  const en = inLanguage('en', errors);
  const ja = inLanguage('ja', errors);
  const enAgain = inLanguage('en', errors);
  assert.equal(en.length, 2);
  assert.match(en[0], /^Invalid JSON at line 3, column 7: expected a value here/);
  assert.match(ja[0], /^JSON として正しくありません（3 行目、7 列目）：ここには値/);
  assert.match(ja[1], /^ここより前のイベントは JSON なので、ここにも JSON オブジェクトが必要ですが、'hello' があります。$/);
  assert.deepEqual(enAgain, en);
});

test('EventSet: its events\' errors are in the language it was split in', () => {
  const set = inLanguage('ja', () => new cwlf.EventSet(pasted));
  try {
    const messages = inLanguage('en', () => set.events().filter((e) => e.error).map((e) => e.error.message));
    assert.match(messages[0], /^JSON として正しくありません/);
  } finally {
    set.delete();
  }
});
