// sql(pattern, dialect) in the WebAssembly module (the page's "Copy as…
// Athena SQL / DuckDB SQL") writes exactly what the native `cwlf sql` writes,
// and reports refusals with UTF-16 offsets like the rest of the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readConformanceTable } from './conformance-table.mjs';
import { loadCwlf, root } from './dist-module.mjs';

const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const cwlf = await loadCwlf();

test('the wasm sql() equals the native cwlf sql for every conformance pattern and dialect', () => {
  const patterns = [...new Set(readConformanceTable().filter((c) => !c.error).map((c) => c.pattern))];
  for (const dialect of ['duckdb', 'athena']) {
    for (const pattern of patterns) {
      const native = spawnSync(bin, ['sql', pattern, '--dialect', dialect], { encoding: 'utf8' });
      const wasm = cwlf.sql(pattern, dialect);
      assert.equal(wasm.ok, native.status === 0, pattern);
      if (wasm.ok) assert.equal(`${wasm.sql}\n`, native.stdout, pattern);
      else assert.match(native.stderr, new RegExp(`\\(${wasm.family}\\)`));
    }
  }
});

test('a refusal carries its family, reason and UTF-16 span', () => {
  const pattern = '{ $.a = "é😀" && $.v = "1.5" }';
  const r = cwlf.sql(pattern, 'duckdb');
  assert.equal(r.ok, false);
  assert.equal(r.family, 'json-number-text');
  assert.equal(pattern.slice(r.offset, r.offset + r.length), '"1.5"');
  assert.match(r.reason, /1\.50 as 1\.5/);
  assert.deepEqual({ ok: cwlf.sql('ERROR', 'mysql').ok, family: cwlf.sql('ERROR', 'mysql').family }, { ok: false, family: 'option' });
});
