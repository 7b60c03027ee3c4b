// The page's pure pieces behind big pastes and the app.js split, in Node:
// the line index of the events view (web/line-index.js, built a slice at a
// time), the results list's keys (web/list-keys.js) and the marks drawn for a
// result (web/marks.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../web/line-index.js';
import { optionAfterKey } from '../../web/list-keys.js';
import { markRanges } from '../../web/marks.js';

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

test('marks: pattern error at the end, selected event and its error, deciding and hovered steps', () => {
  const nodes = [
    { patternOffset: 0, patternLength: 10, eventOffset: null, eventLength: 0, decisive: true, children: [1] },
    { patternOffset: 2, patternLength: 5, eventOffset: 30, eventLength: 4, decisive: true, children: [] },
  ];
  const result = {
    pattern: { error: { offset: 10, length: 0 } },
    selected: { index: 1, explanation: { nodes } },
  };
  const event = { index: 1, offset: 20, length: 40, error: null };
  const { patternRanges, eventRanges } = markRanges({
    result, event, pattern: '{ $.a = 1 ', events: 'x'.repeat(100), hoverNode: 1, warningRange: { start: 3, end: 4 },
  });
  assert.deepEqual(patternRanges[0], { start: 9, end: 10, className: 'err' });
  assert.deepEqual(eventRanges[0], { start: 20, end: 60, className: 'sel' });
  assert.ok(eventRanges.some((r) => r.className === 'hl' && r.start === 30 && r.end === 34));
  assert.ok(patternRanges.some((r) => r.className === 'hl' && r.start === 3 && r.end === 4));
  // Another event selected than the one explained: no steps marked.
  const other = markRanges({ result, event: { ...event, index: 0 }, pattern: 'p', events: 'e', hoverNode: 1 });
  assert.deepEqual(other.eventRanges.map((r) => r.className), ['sel']);
});
