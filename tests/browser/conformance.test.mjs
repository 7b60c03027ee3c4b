// The golden conformance table (tests/data/conformance/) through the served
// page's own engine worker (engine-worker.js with the dist/ wasm, in
// Chromium): every case's answer must be the one the table states, exactly as
// the Catch2 and Node runners check it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLoadedPage } from './harness.mjs';
import { actualAnswer, expectedAnswer, readConformanceTable } from '../node/conformance-table.mjs';

const env = useLoadedPage();

test('the golden conformance table holds in the page\'s worker', async () => {
  const cases = readConformanceTable();
  const inputs = cases.map((c) => ({ pattern: c.pattern, messages: c.error ? [] : [c.message] }));
  // One worker of the page's own, asked each case in turn.
  const replies = await env.page.evaluate(async (all) => {
    const worker = new Worker('engine-worker.js');
    const answers = [];
    for (let id = 0; id < all.length; id += 1) {
      answers.push(await new Promise((resolve, reject) => {
        worker.onmessage = (e) => {
          if (e.data.id !== id) return;
          if (e.data.type === 'reply' && e.data.ok) resolve(e.data.result);
          else reject(new Error(e.data.error));
        };
        worker.postMessage({ type: 'test-messages', id, ...all[id] });
      }));
    }
    worker.terminate();
    return answers;
  }, inputs);
  assert.equal(replies.length, cases.length);
  cases.forEach((c, i) => {
    assert.deepEqual(actualAnswer(c, replies[i].compiled, c.error ? null : replies[i].tested), expectedAnswer(c),
      `${c.where}: ${c.description}\n  pattern: ${c.pattern}`);
  });
});
