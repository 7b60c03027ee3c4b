// The page's pure pieces behind big pastes and the app.js split, in Node:
// the line index of the events view (web/line-index.js, built a slice at a
// time) and the results list's keys (web/list-keys.js). (web/marks.js needs
// render.js and so the page's generated catalogue: the browser tests cover it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../web/line-index.js';
import { optionAfterKey } from '../../web/list-keys.js';

function built(text) {
  return new Promise((resolve) => {
    const progress = [];
    // eslint-disable-next-line no-new
    new LineIndex(text, (index) => {
      progress.push(index.count);
      if (index.done) resolve({ index, progress });
    });
  });
}

test('line index: every line found, over several slices, with CRLF and a last line without a break', async () => {
  const lines = [];
  for (let i = 0; i < 300_000; i++) lines.push(i % 7 === 0 ? '' : `line ${i} ${'x'.repeat(i % 13)}`);
  const text = `${lines.join('\n')}\r\nlast`;
  const { index, progress } = await built(text);
  assert.ok(progress.length > 2, `built in ${progress.length} slices`);
  assert.equal(index.count, lines.length + 1);
  for (const i of [0, 1, 7, 12345, lines.length - 1]) {
    const { start, end } = index.line(i);
    assert.equal(text.slice(start, end).replace(/\r$/, ''), lines[i], `line ${i}`);
  }
  const last = index.line(lines.length);
  assert.equal(text.slice(last.start, last.end), 'last');
  // lineOf: the line holding an offset.
  const at = text.indexOf('line 12345 ');
  assert.equal(index.lineOf(at), 12345);
  assert.equal(index.lineOf(at + 3), 12345);
  assert.equal(index.lineOf(0), 0);
  assert.equal(index.lineOf(text.length), lines.length);
});

test('line index: an empty text is one empty line; cancel stops the scan', async () => {
  const empty = new LineIndex('');
  assert.equal(empty.done, true);
  assert.equal(empty.count, 1);
  assert.deepEqual(empty.line(0), { start: 0, end: 0 });
  const text = 'a\n'.repeat(2_000_000);
  const index = new LineIndex(text);
  index.cancel();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(index.done, false);
  assert.ok(index.count < 2_000_000);
});

test('list keys: arrows, Home/End, pages, Enter; other keys are not handled', () => {
  assert.equal(optionAfterKey('ArrowDown', -1, 5), 0);
  assert.equal(optionAfterKey('ArrowDown', 4, 5), 4);
  assert.equal(optionAfterKey('ArrowUp', 0, 5), 0);
  assert.equal(optionAfterKey('End', 1, 5), 4);
  assert.equal(optionAfterKey('Home', 3, 5), 0);
  assert.equal(optionAfterKey('PageDown', 2, 30), 12);
  assert.equal(optionAfterKey('PageUp', 2, 30), 0);
  assert.equal(optionAfterKey('Enter', 2, 5), 2);
  assert.equal(optionAfterKey('Enter', -1, 5), null);
  assert.equal(optionAfterKey('a', 2, 5), undefined);
  assert.equal(optionAfterKey('ArrowDown', 0, 0), undefined);
});
