// The engine worker answers every request but a file scan with one reply of
// the protocol (web/worker-protocol.js, docs/worker-protocol.md):
// { type: 'reply', id, ok, result | error }. Asked here of a worker of the
// served page's own, as the page's Engine.ask() does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLoadedPage } from './harness.mjs';

const env = useLoadedPage();

// Every message the worker posts for each request, until its reply.
async function ask(requests) {
  return env.page.evaluate(async (all) => {
    const worker = new Worker('engine-worker.js');
    const answers = [];
    for (const request of all) {
      answers.push(await new Promise((resolve) => {
        const seen = [];
        worker.onmessage = (e) => {
          if (e.data.type === 'ready') return;
          seen.push(e.data);
          if (e.data.type === 'reply') resolve(seen);
        };
        worker.postMessage(request);
      }));
    }
    worker.terminate();
    return answers;
  }, requests);
}

test('sql, prove and test-messages are answered by one reply each, failures too', async () => {
  const [sql, prove, messages, badSql, unknown] = await ask([
    { type: 'sql', id: 1, pattern: '{ $.eventName = "ConsoleLogin" }', dialect: 'athena' },
    { type: 'prove', id: 2, a: 'ERROR', b: 'ERROR WARN' },
    { type: 'test-messages', id: 3, pattern: 'ERROR', messages: ['an ERROR here', 'fine'] },
    { type: 'sql', id: 4, pattern: 'ERROR' },
    { type: 'sql-result', id: 5 },
  ]);
  for (const answer of [sql, prove, messages, badSql, unknown]) assert.equal(answer.length, 1, JSON.stringify(answer));
  assert.deepEqual([sql[0].type, sql[0].id, sql[0].ok], ['reply', 1, true]);
  assert.equal(sql[0].result.ok, true);
  assert.match(sql[0].result.sql, /ConsoleLogin/);
  assert.deepEqual([prove[0].id, prove[0].ok, prove[0].result.relation], [2, true, 'broader']);
  assert.deepEqual([messages[0].id, messages[0].ok], [3, true]);
  assert.equal(messages[0].result.compiled.ok, true);
  assert.deepEqual(messages[0].result.tested.matches.map((m) => m.eventNumber), [0]);
  assert.deepEqual([badSql[0].id, badSql[0].ok, badSql[0].error], [4, false, 'sql: the field dialect is missing']);
  assert.deepEqual([unknown[0].ok, unknown[0].error], [false, 'unknown request type "sql-result"']);
});

test('alarm-scan answers with one reply: the history, or the setting it refuses', async () => {
  const [good, bad] = await env.page.evaluate(async () => {
    const file = new File([
      '{"eventTime":"2026-01-01T00:00:10Z","eventName":"ConsoleLogin"}\n{"eventTime":"2026-01-01T00:00:20Z","eventName":"Other"}\n',
    ], 'a.json');
    const worker = new Worker('engine-worker.js');
    const asked = (request) => new Promise((resolve) => {
      worker.onmessage = (e) => { if (e.data.id === request.id) resolve(e.data); };
      worker.postMessage(request);
    });
    const settings = { period: 300, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 1 };
    const answers = [
      await asked({ type: 'alarm-scan', id: 1, pattern: '{ $.eventName = "ConsoleLogin" }', settings, files: [file] }),
      await asked({ type: 'alarm-scan', id: 2, pattern: '{ $.eventName = "ConsoleLogin" }', settings: { ...settings, comparison: 'Sideways' }, files: [file] }),
    ];
    worker.terminate();
    return answers;
  });
  assert.deepEqual([good.type, good.ok], ['reply', true], JSON.stringify(good));
  assert.equal(good.result.matched, 1);
  assert.deepEqual([bad.type, bad.ok], ['reply', false]);
  assert.match(bad.error, /Sideways/);
});
