// The wasm build of the engine under Node, filtering a file as `cwlf filter -c`
// does: read in 4 MB chunks, copy each into wasm memory, stream it through.
// usage: node bench/wasm_filter.mjs PATTERN FILE [--lines]
// prints: <matched> <lines> <seconds> <cpu seconds> <main-thread cpu seconds>,
// all measured around the filtering alone (Node's start-up, the wasm
// compilation and an 8 MB warm-up excluded; see below). The CPU time is the
// process's; the main thread's leaves out V8's background threads (its
// optimizing compiler, which keeps working during the run, and GC helpers):
// the filtering itself. (Linux: /proc; "-" elsewhere.)
import { readFileSync, openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = resolve(process.env.CWLF_WASM_DIR || join(root, 'build-wasm', 'wasm'));
const require = createRequire(import.meta.url);
const createCwlf = require(join(wasmDir, 'cwlf.js'));
const cwlf = await createCwlf({ wasmBinary: readFileSync(join(wasmDir, 'cwlf.wasm')) });

const [pattern, file, mode] = process.argv.slice(2);
// Warm-up, not timed: the first 8 MB filtered once. V8 first runs wasm
// with its baseline compiler and recompiles the hot functions with its
// optimizing one on background threads while the program runs; without this,
// that compilation (start-up, as Node's own) lands in the timed CPU time,
// about 0.1 s of it, and the filtering runs unoptimised code meanwhile.
{
  const warm = new cwlf.StreamFilter(pattern, mode === '--lines');
  const wfd = openSync(file, 'r');
  for (let k = 0; k < 8; k++) {
    const ptr = warm.reserve(1 << 20);
    const n = readSync(wfd, cwlf.HEAPU8, ptr, 1 << 20, null);
    if (n === 0) break;
    warm.feed(n);
  }
  closeSync(wfd);
  warm.delete();
}

// CPU time of the main thread in seconds (the first field of schedstat: ns on a CPU).
function mainThreadCpu() {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return NaN;
  }
}

const mainStart = mainThreadCpu();
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const f = new cwlf.StreamFilter(pattern, mode === '--lines');
if (f.error()) {
  console.error(f.error());
  process.exit(2);
}
// Read straight into the wasm heap (no copy through a JS buffer).
const size = 4 << 20;
const fd = openSync(file, 'r');
for (;;) {
  const ptr = f.reserve(size);
  const n = readSync(fd, cwlf.HEAPU8, ptr, size, null);  // HEAPU8: read it again, memory may have grown
  if (n === 0) break;
  f.feed(n);
}
closeSync(fd);
f.finish();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const main = mainThreadCpu() - mainStart;
console.log(`${f.matched()} ${f.lines()} ${seconds.toFixed(3)} ${((cpu.user + cpu.system) / 1e6).toFixed(3)} ${Number.isNaN(main) ? '-' : main.toFixed(3)}`);
f.delete();
