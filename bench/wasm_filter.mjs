// The wasm build of the engine under Node, filtering a file as `cwlf filter -c`
// does: read in 1 MB chunks, copy each into wasm memory, stream it through.
// usage: node bench/wasm_filter.mjs PATTERN FILE [--lines]
// prints: <matched> <events> <seconds>
import { readFileSync, openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = process.env.CWLF_WASM_DIR || join(root, 'build-wasm', 'wasm');
const require = createRequire(import.meta.url);
const createCwlf = require(join(wasmDir, 'cwlf.js'));
const cwlf = await createCwlf({ wasmBinary: readFileSync(join(wasmDir, 'cwlf.wasm')) });

const [pattern, file, mode] = process.argv.slice(2);
const start = process.hrtime.bigint();
const f = new cwlf.StreamFilter(pattern, mode === '--lines');
if (f.error()) {
  console.error(f.error());
  process.exit(2);
}
const chunk = Buffer.allocUnsafe(1 << 20);
const fd = openSync(file, 'r');
for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  const ptr = f.reserve(n);
  cwlf.HEAPU8.set(n === chunk.length ? chunk : chunk.subarray(0, n), ptr);  // HEAPU8 may be new after growth
  f.feed(n);
}
closeSync(fd);
f.finish();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${f.matched()} ${f.events()} ${seconds.toFixed(3)}`);
f.delete();
