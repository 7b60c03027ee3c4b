// dist/cwlf.d.ts (written by hand, wasm/cwlf.d.ts) declares exactly what the
// module exports: every function and class embind registers, and every method
// of each class. A binding added without its declaration, or a declaration of
// something the module no longer has, fails here.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dist, loadCwlf } from './dist-module.mjs';

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

// The members of each `interface Name { … }` of the declaration file (top level of the block only).
function declaredInterfaces(source) {
  const interfaces = new Map();
  const re = /^(?:export )?interface (\w+)(?: extends (\w+))? \{$/gm;
  let m;
  while ((m = re.exec(source)) !== null) {
    const members = new Set();
    const body = source.slice(re.lastIndex, source.indexOf('\n}', re.lastIndex));
    for (const line of body.split('\n')) {
      const member = /^ {2}(\w+)\??[(:]/.exec(line);
      if (member) members.add(member[1]);
    }
    interfaces.set(m[1], { members, parent: m[2] });
  }
  return interfaces;
}

function membersOf(interfaces, name) {
  const entry = interfaces.get(name);
  assert.ok(entry, `interface ${name} is declared`);
  const all = new Set(entry.members);
  if (entry.parent) for (const m of membersOf(interfaces, entry.parent)) all.add(m);
  return all;
}

// What Emscripten's glue puts on every module, as opposed to cwlf's own bindings.
const RUNTIME = new Set(['wasmBinary', 'ready', 'inspect', 'preloadedImages', 'preloadedAudios', 'BindingError',
  'InternalError', 'getInheritedInstanceCount', 'getLiveInheritedInstances', 'flushPendingDeletes',
  'setDelayFunction', 'UnboundTypeError', 'count_emval_handles', 'get_first_emval', 'stackSave', 'stackRestore',
  'stackAlloc', 'run', 'asm', 'calledRun', 'HEAP8', 'HEAP16', 'HEAP32', 'HEAPU8', 'HEAPU16', 'HEAPU32', 'HEAPF32',
  'HEAPF64']);
const isRuntime = (name) => RUNTIME.has(name) || name.startsWith('_');

test('every exported function and class is declared in cwlf.d.ts, and nothing else', () => {
  const interfaces = declaredInterfaces(readFileSync(`${dist}cwlf.d.ts`, 'utf8'));
  const declared = membersOf(interfaces, 'CwlfModule');
  const exported = Object.keys(cwlf).filter((name) => !isRuntime(name));
  assert.ok(exported.length >= 10, `the bindings are found (${exported})`);
  for (const name of exported) assert.ok(declared.has(name), `cwlf.${name} is exported but not declared`);
  for (const name of declared) assert.ok(name in cwlf, `cwlf.${name} is declared but not exported`);
});

test('every method of every exported class is declared on its interface, and nothing else', () => {
  const interfaces = declaredInterfaces(readFileSync(`${dist}cwlf.d.ts`, 'utf8'));
  const classes = Object.keys(cwlf).filter((name) => !isRuntime(name) && typeof cwlf[name] === 'function'
    && Object.getOwnPropertyNames(cwlf[name].prototype).length > 1);
  assert.deepEqual(classes.sort(), ['AlarmScan', 'EventSet', 'FileScan', 'Gunzip', 'StreamFilter']);
  for (const name of classes) {
    const methods = Object.getOwnPropertyNames(cwlf[name].prototype).filter((m) => m !== 'constructor');
    const declared = membersOf(interfaces, name);
    for (const m of methods) assert.ok(declared.has(m), `${name}.${m} is exported but not declared`);
    for (const m of declared) assert.ok(typeof cwlf[name].prototype[m] === 'function', `${name}.${m} is declared but missing`);
  }
});
