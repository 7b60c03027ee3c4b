#!/usr/bin/env node
// Benchmark (by hand, no pass/fail): the page reading CloudTrail's S3 layout,
// the 456 .json.gz files of bench/cloudtrail-tree.sh (101 MB inflated), picked
// at once in the files panel of headless Chromium, until the summary is
// drawn. Twice in the same run: as served (.gz inflated in wasm by the
// engine's Gunzip, web/file-bytes.js) and with that path switched off in the
// served file-bytes.js (DecompressionStream, what the page did before), so
// the two are compared on the same machine at the same load. Prints the time
// and the files panel's own status line (it says the MB/s it read).
// Usage: node bench/page_tree.mjs [PATTERN] [TREE=build/bench-data/tree]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../tests/browser/harness.mjs';
import { treeFiles } from './tree-files.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const pattern = process.argv[2] || '{ $.eventName = ConsoleLogin }';
const tree = process.argv[3] || join(root, 'build/bench-data/tree');
const files = treeFiles(tree);

const server = await startServer();
const browser = await launchBrowser();
try {
  const served = readFileSync(join(root, 'dist/file-bytes.js'), 'utf8');
  const streamed = served.replace('if (gz && engine.Gunzip && ', 'if (false && gz && engine.Gunzip && ');
  if (streamed === served) throw new Error('file-bytes.js changed: update the switch in this benchmark');
  for (const [name, source] of [['wasm Gunzip (as served)', served], ['DecompressionStream (switched off)', streamed],
    ['wasm Gunzip (as served), again', served]]) {
    // No service worker, so that every request is the route's to answer.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, serviceWorkers: 'block' });
    await context.route('**/file-bytes.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: source }));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Filter pattern' }).fill(pattern);
    await page.waitForSelector('html[data-results="current"]');
    const t0 = Date.now();
    await page.locator('#files-input').setInputFiles(files);
    await page.waitForSelector('html[data-files="done"]', { timeout: 600_000 });
    const ms = Date.now() - t0;
    const status = (await page.locator('#files .files-status').textContent()).replace(/\s+/g, ' ').trim();
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`${name.padEnd(36)} ${String(ms).padStart(6)} ms  load ${load}  | ${status}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
