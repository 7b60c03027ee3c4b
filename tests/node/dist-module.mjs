// The wasm module of the exact files the page serves (dist/cwlf.js and
// dist/cwlf.wasm, built by scripts/build-web.sh), loaded the way docs/api.md
// tells Node users to: require() plus wasmBinary (Emscripten 3.1.6's loader
// would fetch() a file path under Node 20, which fails).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = `${root}dist/`;

export async function loadCwlf() {
  assert.ok(existsSync(`${dist}cwlf.js`), 'dist/cwlf.js is missing: run scripts/build-web.sh first');
  const createCwlf = createRequire(import.meta.url)(`${dist}cwlf.js`);
  return createCwlf({ wasmBinary: readFileSync(`${dist}cwlf.wasm`) });
}

// Imports one of the page's ES modules as served (dist/NAME.js, with the
// modules it imports). dist/ declares itself CommonJS for require('cwlf.js'),
// so the served .js files are imported from a copy in a folder that declares
// them ES modules (Node 18 has no syntax detection to fall back on).
export async function importDistModule(name) {
  const copy = mkdtempSync(join(tmpdir(), 'cwlf-dist-esm-'));
  for (const f of readdirSync(dist)) {
    if (f.endsWith('.js') && f !== 'cwlf.js') copyFileSync(`${dist}${f}`, join(copy, f));
  }
  writeFileSync(join(copy, 'package.json'), '{ "type": "module" }\n');
  return import(pathToFileURL(join(copy, name)).href);
}
