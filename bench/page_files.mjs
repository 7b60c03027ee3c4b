#!/usr/bin/env node
// Benchmark: a big generated CloudTrail .json.gz (default 50 MB of gzip)
// picked in the page (Chromium, ./serve.sh). Prints the time until the page
// has read it all (progress bar at 100 %, summary drawn), the read rate, and
// how responsive the tab stayed meanwhile: the longest main-thread task and
// the time to re-test the boxes' pattern while the file is being read.
// Not a test (no pass/fail): run it by hand, e.g. `node bench/page_files.mjs 50`.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCloudTrail } from './cloudtrail-files.mjs';
import { withLoadedPage } from './page_harness.mjs';

const targetMB = Number(process.argv[2] || 50);

const dir = mkdtempSync(join(tmpdir(), 'cwlf-bench-'));
const file = join(dir, '111122223333_CloudTrail_us-east-1_BENCH.json.gz');
let t = Date.now();
const records = await writeCloudTrail(file, targetMB);
console.log(`generated ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB gzip, ${records.toLocaleString('en')} records (${((Date.now() - t) / 1000).toFixed(1)} s)`);

await withLoadedPage(async (page) => {
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = PutRolePolicy && $.userIdentity.sessionContext.sessionIssuer.userName != cm-policymaintainer }');
  await page.waitForSelector('html[data-results="current"]');
  t = Date.now();
  await page.locator('#files-input').setInputFiles(file);
  // While it reads: edit the pattern and time the re-test of the boxes.
  await page.waitForFunction(() => document.querySelector('#files progress').value > 0, null, { timeout: 120_000 });
  const e0 = Date.now();
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = AttachUserPolicy }');
  await page.waitForSelector('html[data-results="current"]', { timeout: 120_000 });
  const editMs = Date.now() - e0;
  await page.waitForSelector('html[data-files="done"]', { timeout: 600_000 });
  const ms = Date.now() - t;
  const status = await page.locator('#files .files-status').textContent();
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  const uncompressed = (await page.evaluate(() => document.querySelector('#files progress').max)) / 1e6;
  console.log(`page read it in ${(ms / 1000).toFixed(1)} s (${(uncompressed / (ms / 1000)).toFixed(1)} MB/s of gzip): ${status}`);
  console.log(`responsiveness while reading: pattern edit re-tested in ${editMs} ms; longest main-thread task ${longest.toFixed(0)} ms`);
});
