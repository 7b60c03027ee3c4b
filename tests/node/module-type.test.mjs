// Every folder of .js ES modules says so in a package.json, so that Node reads
// them as ES modules wherever the repository is cloned: inside a folder whose
// package.json says "type": "commonjs", and on Node 18 (Debian 12's own
// nodejs), which has no syntax detection to fall back on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ignored = new Set(['node_modules', 'dist', '.git']);  // dist/: checked below
const ignoredPrefix = ['build'];  // build*/ folders: build outputs

function foldersWithJs(dir, out = []) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.js'))) out.push(dir);
  for (const e of entries) {
    if (!e.isDirectory() || ignored.has(e.name) || ignoredPrefix.some((p) => e.name.startsWith(p))) continue;
    foldersWithJs(join(dir, e.name), out);
  }
  return out;
}

test('every folder holding .js files declares "type": "module" in its own package.json', () => {
  const folders = foldersWithJs(root);
  assert.ok(folders.some((f) => f.endsWith(`${join('', 'web')}`)), 'web/ holds .js files');
  for (const folder of folders) {
    const manifest = join(folder, 'package.json');
    assert.ok(existsSync(manifest), `${folder} holds .js files but no package.json says what they are`);
    assert.equal(JSON.parse(readFileSync(manifest, 'utf8')).type, 'module', manifest);
  }
});

test('the served dist/ declares CommonJS, for require(dist/cwlf.js) (docs/api.md)', { skip: !existsSync(join(root, 'dist', 'cwlf.js')) }, () => {
  assert.equal(JSON.parse(readFileSync(join(root, 'dist', 'package.json'), 'utf8')).type, 'commonjs');
});

test('the page modules load inside a "type": "commonjs" folder, without syntax detection', () => {
  const parent = mkdtempSync(join(tmpdir(), 'cwlf-cjs-'));
  writeFileSync(join(parent, 'package.json'), '{ "type": "commonjs" }\n');
  mkdirSync(join(parent, 'repo'));
  cpSync(join(root, 'web'), join(parent, 'repo', 'web'), { recursive: true });
  // Node 20.19+ would otherwise guess ES modules from their syntax; Node 18 cannot.
  const flags = process.allowedNodeEnvironmentFlags.has('--experimental-detect-module')
    ? ['--no-experimental-detect-module'] : [];
  const url = new URL(`file://${join(parent, 'repo', 'web', 'suite-file.js')}`).href;
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e',
    `const m = await import(${JSON.stringify(url)}); console.log(typeof m.parseSuite);`],
  { cwd: parent, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'function');
});
