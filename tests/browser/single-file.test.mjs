// The single-file build, cwlf.html (scripts/build-single-file.mjs): copied
// alone to an empty folder and opened from disk (file://), it works — engine,
// explanations, share links — and asks for nothing but itself. ./serve.sh
// serves it at /cwlf.html too, so that it can be downloaded from the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launchBrowser, openPage, outputDir, root, seedPattern, settled, startServer,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  mkdirSync(outputDir, { recursive: true });
  server = await startServer();  // builds dist/, cwlf.html included
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.stop();
});

async function verdicts(page) {
  await settled(page);
  return page.locator('#event-list [role="option"] .verdict').evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
}

test('cwlf.html works from file://, alone in a folder, with no request but itself', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-single-'));
  const file = join(dir, 'cwlf.html');
  copyFileSync(join(root, 'dist/cwlf.html'), file);
  t.diagnostic(`cwlf.html: ${statSync(file).size} bytes`);
  const url = pathToFileURL(file).href;

  const { context, page, requests, errors } = await openPage(browser, server);
  try {
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.offline), 'unavailable');
    assert.equal(await page.getByRole('textbox', { name: 'Filter pattern' }).inputValue(), seedPattern);
    assert.deepEqual(await verdicts(page), ['✗ No match', '✓ Match', '✗ No match', '✗ No match']);
    await page.locator('#event-list [role="option"]').nth(2).click();
    await settled(page);
    assert.match(await page.locator('#explain-tree').textContent(), /missing/);
    await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = "AttachUserPolicy" }');
    assert.deepEqual(await verdicts(page), ['✗ No match', '✗ No match', '✓ Match', '✗ No match']);

    // Share links work from disk too, and reopen there.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('share-link').value.includes('#v1='));
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    assert.ok(link.startsWith(`${url}#v1=`));
    await page.screenshot({ path: `${outputDir}single-file.png` });

    const other = await context.newPage();
    await other.goto(link);
    await other.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    await settled(other);
    assert.equal(await other.getByRole('textbox', { name: 'Filter pattern' }).inputValue(), '{ $.eventName = "AttachUserPolicy" }');

    // Only the file itself (and the worker's blob: and the icon's data: URL).
    const others = requests.map((r) => r.url).filter((u) => !u.startsWith(url) && !/^(blob|data):/.test(u));
    assert.deepEqual(others, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('./serve.sh serves the single file at /cwlf.html', async () => {
  const response = await fetch(`${server.url}cwlf.html`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  const html = await response.text();
  assert.match(html, /<script type="module">/);
  assert.ok(!/src="[\w-]+\.js"/.test(html), 'refers to no separate script');
  assert.match(html, /worker-src blob:/);
});
