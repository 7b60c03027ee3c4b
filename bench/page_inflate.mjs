#!/usr/bin/env node
// Benchmark (by hand, no pass/fail): how fast headless Chromium inflates the
// CloudTrail tree of bench/cloudtrail-tree.sh (456 .json.gz files, 101 MB
// inflated) with the page's own inflater (the engine's Gunzip, core/gunzip
// in dist/cwlf.wasm: what web/file-bytes.js uses), the browser's
// DecompressionStream (what the page used before), another inflater compiled
// to wasm (wasm-gzip: Rust's libflate, 121 KB) and plain JavaScript (fflate).
// Issue 12 asked for this comparison before choosing the page's inflater;
// docs/performance.md has the figures. Each file is inflated whole, one after the other on the main
// thread, best of 5; only the inflated byte count is kept.
// Usage: node bench/page_inflate.mjs [TREE=build/bench-data/tree]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/browser/harness.mjs';
import { treeFiles } from './tree-files.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const tree = process.argv[2] || join(root, 'build/bench-data/tree');
const deps = join(root, 'bench/inflate-page');
if (!existsSync(join(deps, 'node_modules/wasm-gzip'))) {
  execFileSync('npm', ['--prefix', deps, 'install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const files = treeFiles(tree).map((p) => readFileSync(p));
// One body holding every file, and their lengths, so the page fetches once.
const lengths = files.map((f) => f.length);
const body = Buffer.concat(files);

// Everything is served from memory by request interception: no server.
const ORIGIN = 'http://bench.invalid';
const served = new Map([
  ['/', { type: 'text/html', body: '<!doctype html><title>inflate</title>' }],
  ['/files.bin', { type: 'application/octet-stream', body }],
  ['/fflate.js', { type: 'text/javascript', body: readFileSync(join(deps, 'node_modules/fflate/esm/browser.js')) }],
  ['/wasm_gzip.js', { type: 'text/javascript', body: readFileSync(join(deps, 'node_modules/wasm-gzip/wasm_gzip.js')) }],
  ['/wasm_gzip.wasm', { type: 'application/wasm', body: readFileSync(join(deps, 'node_modules/wasm-gzip/wasm_gzip.wasm')) }],
  ['/cwlf.js', { type: 'text/javascript', body: readFileSync(join(root, 'dist/cwlf.js')) }],
  ['/cwlf.wasm', { type: 'application/wasm', body: readFileSync(join(root, 'dist/cwlf.wasm')) }],
]);
if (!existsSync(join(root, 'dist/cwlf.js'))) throw new Error('no dist/: run scripts/build-web.sh first');

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const hit = served.get(new URL(route.request().url()).pathname);
    return hit ? route.fulfill({ status: 200, contentType: hit.type, body: hit.body }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ url: '/cwlf.js' });
  const rows = await page.evaluate(async (lengths) => {
    const all = new Uint8Array(await (await fetch('/files.bin')).arrayBuffer());
    const parts = [];
    for (let at = 0, k = 0; k < lengths.length; at += lengths[k], k++) parts.push(all.subarray(at, at + lengths[k]));
    const fflate = await import('/fflate.js');
    const gzip = await import('/wasm_gzip.js');
    await gzip.default('/wasm_gzip.wasm');
    const cwlf = await self.createCwlf({ locateFile: (f) => `/${f}` });
    const ours = new cwlf.Gunzip();
    async function viaStream(part) {
      const reader = new Blob([part]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
      let n = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return n;
        n += value.length;
      }
    }
    // The same stream read whole by the browser (no JavaScript read loop).
    async function viaResponse(part) {
      return (await new Response(new Blob([part]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()).byteLength;
    }
    const ways = [
      ['cwlf Gunzip (core/gunzip in wasm; the page now)', async (part) => {
        cwlf.HEAPU8.set(part, ours.reserve(part.length));
        if (ours.inflate(part.length, 1 << 28)) throw new Error('cwlf Gunzip refused a file');
        return ours.size();
      }],
      ['DecompressionStream, read loop (as the page reads)', viaStream],
      ['DecompressionStream, Response.arrayBuffer()', viaResponse],
      ['wasm-gzip 2.1.0 (libflate in wasm)', async (part) => { const n = gzip.decompress(part).length; gzip.freeBuffer(); return n; }],
      ['fflate 0.8.3 (JavaScript)', async (part) => fflate.gunzipSync(part).length],
    ];
    const out = [];
    for (const [name, inflate] of ways) {
      let best = Infinity, bytes = 0;
      for (let r = 0; r < 5; r++) {
        const t = performance.now();
        bytes = 0;
        for (const part of parts) bytes += await inflate(part);
        best = Math.min(best, performance.now() - t);
      }
      out.push({ name, ms: best, bytes });
    }
    return out;
  }, lengths);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`Chromium ${browser.version()}; ${files.length} files, ${body.length} bytes gzipped; load ${load}; ${new Date().toISOString().slice(0, 16)}Z`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(52)} ${(r.bytes / 1e6 / (r.ms / 1000)).toFixed(0).padStart(6)} MB/s  ${r.ms.toFixed(0).padStart(6)} ms  ${r.bytes} bytes out`);
  }
} finally {
  await browser.close();
}
