#!/usr/bin/env node
// Benchmark: a big generated CloudTrail .json.gz (default 50 MB of gzip)
// picked in the page (Chromium, ./serve.sh). Prints the time until the page
// has read it all (progress bar at 100 %, summary drawn), the read rate, and
// how responsive the tab stayed meanwhile: the longest main-thread task and
// the time to re-test the boxes' pattern while the file is being read.
// Not a test (no pass/fail): run it by hand, e.g. `node bench/page_files.mjs 50`.
import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { launchBrowser, loadPage, openPage, startServer } from '../tests/browser/harness.mjs';

const targetMB = Number(process.argv[2] || 50);

// CloudTrail records with varied ids, names and principals (placeholder values).
const NAMES = ['DescribeInstances', 'GetObject', 'PutRolePolicy', 'AssumeRole', 'ConsoleLogin', 'AttachUserPolicy', 'ListBuckets', 'Decrypt'];
const USERS = ['alice', 'bob', 'carol', 'deploy-role', 'cm-policymaintainer'];
function record(i) {
  const user = USERS[i % USERS.length];
  const role = user.endsWith('role') || user.startsWith('cm-');
  const hex = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return JSON.stringify({
    eventVersion: '1.08',
    userIdentity: role
      ? { type: 'AssumedRole', principalId: `AROA${hex}EXAMPLE:s${i}`, arn: `arn:aws:sts::111122223333:assumed-role/${user}/s${i}`, accountId: '111122223333',
        sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::111122223333:role/${user}`, userName: user } } }
      : { type: 'IAMUser', principalId: `AIDA${hex}EXAMPLE`, arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', userName: user },
    eventTime: `2026-11-20T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}Z`,
    eventSource: 'iam.amazonaws.com', eventName: NAMES[(i * 7) % NAMES.length], awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${i % 250}`, userAgent: 'aws-cli/2.15.0',
    requestParameters: { roleName: `role-${hex}`, policyName: `p-${(i * 31) % 9973}` },
    responseElements: null, requestID: `${hex}-${i}-EXAMPLE`, eventID: `${hex}-${i * 3}-EXAMPLE`,
    readOnly: i % 3 === 0, eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: '111122223333',
  });
}

async function generate(path) {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(path);
  gzip.pipe(out);
  gzip.write('{"Records":[');
  let i = 0;
  for (;;) {
    let batch = '';
    for (let k = 0; k < 2000; k += 1, i += 1) batch += (i ? ',' : '') + record(i);
    if (!gzip.write(batch)) await once(gzip, 'drain');
    if (out.bytesWritten >= targetMB * 1e6) break;
  }
  gzip.end(']}');
  await once(out, 'finish');
  return i;
}

const dir = mkdtempSync(join(tmpdir(), 'cwlf-bench-'));
const file = join(dir, '111122223333_CloudTrail_us-east-1_BENCH.json.gz');
let t = Date.now();
const records = await generate(file);
console.log(`generated ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB gzip, ${records.toLocaleString('en')} records (${((Date.now() - t) / 1000).toFixed(1)} s)`);

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, server);
  await loadPage(page, server);
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
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
  const longest = await page.evaluate(() => window.longest);
  const uncompressed = (await page.evaluate(() => document.querySelector('#files progress').max)) / 1e6;
  console.log(`page read it in ${(ms / 1000).toFixed(1)} s (${(uncompressed / (ms / 1000)).toFixed(1)} MB/s of gzip): ${status}`);
  console.log(`responsiveness while reading: pattern edit re-tested in ${editMs} ms; longest main-thread task ${longest.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.stop();
}
