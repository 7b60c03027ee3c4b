// The page's reader of CloudTrail .json.gz files, under Node: the wasm
// FileScan (the engine the page's worker runs, with the Records bulk scan)
// fed by DecompressionStream (what the page uses), by Node's zlib, and with
// the files already inflated (the engine alone). Prints MB/s of inflated
// JSON for each, over a whole tree (bench/cloudtrail-tree.sh builds it).
// usage: node bench/wasm_tree.mjs PATTERN DIR
import { readFileSync } from 'node:fs';
import { treeFiles } from './tree-files.mjs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = resolve(process.env.CWLF_WASM_DIR || join(root, 'build-wasm', 'wasm'));
const createCwlf = createRequire(import.meta.url)(join(wasmDir, 'cwlf.js'));
const cwlf = await createCwlf({ wasmBinary: readFileSync(join(wasmDir, 'cwlf.wasm')) });
const [pattern, dir] = process.argv.slice(2);

const files = treeFiles(dir).map((f) => readFileSync(f));
const inflatedFiles = files.map((f) => gunzipSync(f));
const total = inflatedFiles.reduce((s, b) => s + b.length, 0);

function feed(scan, data) {
  for (let at = 0; at < data.length; at += 1 << 20) {
    const piece = data.subarray(at, Math.min(at + (1 << 20), data.length));
    cwlf.HEAPU8.set(piece, scan.reserve(piece.length));
    scan.feed(piece.length);
  }
}

async function run(name, each) {
  let best = Infinity;
  let matched = 0;
  for (let rep = 0; rep < 3; ++rep) {
    const t0 = performance.now();
    matched = 0;
    for (let i = 0; i < files.length; ++i) {
      const scan = new cwlf.FileScan(pattern, 0);
      await each(scan, i);
      scan.finish();
      matched += scan.matched();
      scan.delete();
    }
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${name.padEnd(40)} ${String(Math.round(total / 1000 / best)).padStart(6)} MB/s  ${(best / 1000).toFixed(3)} s  ${matched} matched`);
}

console.log(`${files.length} files, ${total} bytes inflated; wasm from ${wasmDir}`);
await run('wasm FileScan, files already inflated', (scan, i) => feed(scan, inflatedFiles[i]));
await run('DecompressionStream + FileScan', async (scan, i) => {
  const reader = new Blob([files[i]]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    feed(scan, value);
  }
});
await run('Node zlib gunzipSync + FileScan', (scan, i) => feed(scan, gunzipSync(files[i])));
