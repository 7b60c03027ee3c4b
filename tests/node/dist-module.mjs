// The wasm module of the exact files the page serves (dist/cwlf.js and
// dist/cwlf.wasm, built by scripts/build-web.sh), loaded the way docs/api.md
// tells Node users to: require() plus wasmBinary (Emscripten 3.1.6's loader
// would fetch() a file path under Node 20, which fails).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = `${root}dist/`;

export async function loadCwlf() {
  assert.ok(existsSync(`${dist}cwlf.js`), 'dist/cwlf.js is missing: run scripts/build-web.sh first');
  const createCwlf = createRequire(import.meta.url)(`${dist}cwlf.js`);
  return createCwlf({ wasmBinary: readFileSync(`${dist}cwlf.wasm`) });
}
