// The golden conformance table (tests/data/conformance/) on the exact wasm
// module the page ships (dist/cwlf.js + dist/cwlf.wasm): every verdict and
// extracted value through testMetricFilter(), every rejection through
// compile(), compared as the API returns them, with no normalisation.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCwlf } from './dist-module.mjs';
import { actualAnswer, expectedAnswer, readConformanceTable } from './conformance-table.mjs';

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

test('the golden conformance table holds on dist/cwlf.wasm', () => {
  const cases = readConformanceTable();
  assert.ok(cases.filter((c) => c.error).length >= 170, 'every rejection case is read');
  assert.ok(cases.filter((c) => !c.error).length >= 125, 'every verdict row is read');
  for (const c of cases) {
    const compiled = cwlf.compile(c.pattern);
    const tested = c.error ? null : cwlf.testMetricFilter(c.pattern, [c.message]);
    assert.deepEqual(actualAnswer(c, compiled, tested), expectedAnswer(c),
      `${c.where}: ${c.description}\n  pattern: ${c.pattern}${c.error ? '' : `\n  message: ${c.message}`}`);
  }
});
