#!/usr/bin/env node
// Benchmark: the page's memory while it reads big files (files panel, engine
// worker, wasm FileScan), to show that it does not grow with the file.
// For each kind (.json CloudTrail S3 object on one line, .jsonl, .json.gz)
// and each size (default 25, 50 and 100 MB on disk), a fresh Chromium loads
// the page, picks the generated file with a pattern that matches 1 record in
// 8, and samples every 100 ms or so until the page has read it all:
//   wasm      the engine worker's WebAssembly memory (it only ever grows, so
//             the last value is its peak)
//   page JS   the page's JS heap in use, with the ArrayBuffers it holds
//             (CDP Runtime.getHeapUsage: usedSize + backingStorageSize)
//   worker JS the same for the engine worker (through a CDP session
//             attached to the worker): the file's chunks are its ArrayBuffers
//   renderer  memory of Chromium's renderer processes (the page, its worker
//             and the service worker live there), summed: their own pages
//             (USS: Private_Clean + Private_Dirty of /proc/PID/smaps_rollup;
//             not RSS or PSS, which count pages shared with every other
//             Chromium on the machine), and their peak RSS (VmHWM)
// and prints, per run, the value before the file was picked, the highest
// sample while reading, and the value after it (garbage collected first).
// Not a test (no pass/fail): run it by hand, e.g.
//   node bench/page_memory.mjs              (25 50 100 MB, all three kinds)
//   node bench/page_memory.mjs 100 json.gz  (one size, one kind)
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCloudTrail } from './cloudtrail-files.mjs';
import { launchBrowser, loadPage, openPage, startServer } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const kinds = args.filter((a) => /^(json|jsonl|json\.gz)$/.test(a));
if (!sizes.length) sizes.push(25, 50, 100);
if (!kinds.length) kinds.push('json', 'jsonl', 'json.gz');
const PATTERN = '{ $.eventName = PutRolePolicy }';
const MB = (n) => (n == null ? '—' : (n / (1 << 20)).toFixed(1));

// A process's `field` in /proc/PID/`file` (kB there), as bytes.
function procBytes(pid, file, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch (_) {
    return 0;  // the process ended
  }
}

const jsBytes = (usage) => (usage ? usage.usedSize + (usage.backingStorageSize || 0) : null);

// CDP to the engine worker: a session on the page auto-attaches to its
// workers (not flattened, so messages go through Target.sendMessageToTarget).
async function workerSession(cdp) {
  const sessions = [];
  const replies = new Map();
  let next = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.id && replies.has(m.id)) {
      replies.get(m.id)(m.result || null);
      replies.delete(m.id);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  for (let i = 0; i < 50 && !sessions.length; i += 1) await new Promise((r) => setTimeout(r, 100));
  if (!sessions.length) return null;
  const sessionId = sessions[0];
  return (method, params = {}) => new Promise((resolve) => {
    const id = next++;
    replies.set(id, resolve);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(null));
  });
}

async function run(file) {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, server);
    await loadPage(page, server);
    await page.getByRole('textbox', { name: 'Filter pattern' }).fill(PATTERN);
    await page.waitForSelector('html[data-results="current"]');
    const cdp = await page.context().newCDPSession(page);
    const toWorker = await workerSession(cdp);
    const engineWorker = page.workers().find((w) => /engine-worker/.test(w.url()));
    const renderers = (await (await browser.newBrowserCDPSession()).send('SystemInfo.getProcessInfo'))
      .processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
    const sample = async () => ({
      wasm: engineWorker ? await engineWorker.evaluate(() => (typeof engine === 'object' && engine ? engine.HEAPU8.length : null)).catch(() => null) : null,
      page: jsBytes(await cdp.send('Runtime.getHeapUsage')),
      worker: toWorker ? jsBytes(await toWorker('Runtime.getHeapUsage')) : null,
      renderer: renderers.reduce((sum, pid) => sum + procBytes(pid, 'smaps_rollup', 'Private_Clean') + procBytes(pid, 'smaps_rollup', 'Private_Dirty'), 0),
    });
    const collect = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      if (toWorker) await toWorker('HeapProfiler.collectGarbage');
      await new Promise((r) => setTimeout(r, 500));
    };
    await collect();
    const before = await sample();
    const peak = { ...before };
    const t = Date.now();
    await page.locator('#files-input').setInputFiles(file);
    // The renderers' highest USS in each tenth of the file: flat if memory
    // does not grow with the bytes read, rising if it does.
    const tenths = new Array(10).fill(0);
    for (;;) {
      const [done, read] = await page.evaluate(() => {
        const progress = document.querySelector('#files progress');
        return [document.documentElement.dataset.files !== 'reading', progress.value / progress.max];
      });
      const s = await sample();
      for (const k of Object.keys(peak)) if (s[k] != null && s[k] > peak[k]) peak[k] = s[k];
      const tenth = Math.min(9, Math.floor(read * 10));
      tenths[tenth] = Math.max(tenths[tenth], s.renderer);
      if (done) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - t) / 1000;
    const status = await page.locator('#files .files-status').textContent();
    await collect();
    const after = await sample();
    const hwm = renderers.reduce((sum, pid) => sum + procBytes(pid, 'status', 'VmHWM'), 0);
    return { before, peak, after, hwm, tenths, seconds, status, shown: await page.locator('#files .files-matches li').count() };
  } finally {
    await browser.close();
    server.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cwlf-bench-memory-'));
console.log(`pattern ${PATTERN}; MiB; before → highest while reading → after (GC)`);
console.log('| file | size MB | records | read s | wasm MiB | page JS MiB | worker JS MiB | renderers USS MiB | renderers peak RSS MiB |');
console.log('|---|---:|---:|---:|---|---|---|---|---:|');
const notes = [];
try {
  for (const kind of kinds) {
    for (const size of sizes) {
      const file = join(dir, `111122223333_CloudTrail_us-east-1_${size}MB.${kind}`);
      const records = await writeCloudTrail(file, size);
      const bytes = statSync(file).size;
      const r = await run(file);
      const cell = (k) => `${MB(r.before[k])} → ${MB(r.peak[k])} → ${MB(r.after[k])}`;
      console.log(`| .${kind} | ${(bytes / 1e6).toFixed(1)} | ${records.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${cell('wasm')} | ${cell('page')} | ${cell('worker')} | ${cell('renderer')} | ${MB(r.hwm)} |`);
      notes.push(`.${kind} ${size} MB: ${r.status.trim()} (${r.shown} listed); renderers' highest USS per tenth of the file: ${r.tenths.map(MB).join(' ')} MiB`);
      rmSync(file);
    }
  }
  console.log(notes.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
