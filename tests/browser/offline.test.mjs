// Offline use: after one visit the page opens and works with the network
// cut (service worker, web/sw.js); a new release shows "new version —
// reload", and reloading keeps the test on screen; the off switch removes
// the offline copy. Each test serves its own copy of dist/ (so that it can
// publish a "new release" into it) with scripts/static-server.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchBrowser, openPage, outputDir, root, seedPattern, settled, startServer,
} from './harness.mjs';

let server;
let browser;
const copies = [];

before(async () => {
  mkdirSync(outputDir, { recursive: true });
  server = await startServer();  // builds dist/
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  for (const copy of copies) copy.stop();
  if (server) server.stop();
});

// A copy of dist/ served on a free port: { url, origin, dir, stop() }.
async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-dist-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const child = spawn(process.execPath, [join(root, 'scripts/static-server.mjs'), '--root', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /https?:\/\/\S+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`static-server exited with ${code}`)));
  });
  const copy = {
    url, origin: new URL(url).origin, dir,
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  copies.push(copy);
  return copy;
}

// "Publishes a new release" into a served copy: any change to a served file
// changes sw.js (its build hash), as scripts/build-web.sh does.
function publishNewRelease(dir, { off = false } = {}) {
  const sw = join(dir, 'sw.js');
  let text = readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, (_, v) => `const VERSION = "${v}-next"`);
  if (off) {
    text = text.replace('const ENABLED = true;', 'const ENABLED = false;');
    const index = join(dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('name="cwlf-service-worker" content="on"', 'name="cwlf-service-worker" content="off"'));
  }
  writeFileSync(sw, text);
}

async function visit(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  await page.waitForSelector('html[data-offline]', { timeout: 30_000 });
  return page.evaluate(() => document.documentElement.dataset.offline);
}

async function verdicts(page) {
  await settled(page);
  return page.locator('#event-list [role="option"] .verdict').evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after one visit, the page opens and works with the network cut', async () => {
  const { context, page, requests, errors } = await openPage(browser, server);
  try {
    assert.equal(await visit(page, server.url), 'ready');
    // Loading, offline copy included, asked only the page's own origin.
    assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== server.origin).map((r) => r.url), []);
    const paths = new Set(requests.map((r) => new URL(r.url).pathname));
    for (const p of ['/sw.js', '/cwlf.wasm', '/index.html']) assert.ok(paths.has(p), `${p} was not fetched while loading`);
    assert.match((await cacheNames(page)).join(), /^cwlf-[0-9a-f]{16}$/);

    await context.setOffline(true);
    const atOffline = requests.length;
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    assert.equal(await page.getByRole('textbox', { name: 'Filter pattern' }).inputValue(), seedPattern);
    assert.deepEqual(await verdicts(page), ['✗ No match', '✓ Match', '✗ No match', '✗ No match']);
    await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = "AttachUserPolicy" }');
    assert.deepEqual(await verdicts(page), ['✗ No match', '✗ No match', '✓ Match', '✗ No match']);
    // Every request of the offline reload was answered by the service worker.
    const offlineRequests = requests.slice(atOffline);
    assert.ok(offlineRequests.length > 0);
    assert.deepEqual(offlineRequests.filter((r) => new URL(r.url).origin !== server.origin).map((r) => r.url), []);
    await page.screenshot({ path: `${outputDir}offline.png` });
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('a new release: "new version — reload" appears, and reloading keeps the test on screen', async () => {
  const copy = await serveCopy();
  const { context, page, errors } = await openPage(browser, copy);
  try {
    assert.equal(await visit(page, copy.url), 'ready');
    const [first] = await cacheNames(page);
    publishNewRelease(copy.dir);
    await visit(page, copy.url);  // the browser checks sw.js, finds the new one, installs it
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of cwlf is ready' });
    await prompt.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${outputDir}update-prompt.png` });

    // Work done meanwhile survives the update.
    const mine = { pattern: '{ $.user = "bob" }', events: '{"user":"bob"}\n{"user":"eve"}\n' };
    await page.getByRole('textbox', { name: 'Filter pattern' }).fill(mine.pattern);
    await page.getByRole('textbox', { name: 'Log events' }).fill(mine.events);
    await settled(page);
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    await settled(page);
    assert.equal(await page.getByRole('textbox', { name: 'Filter pattern' }).inputValue(), mine.pattern);
    assert.equal(await page.getByRole('textbox', { name: 'Log events' }).inputValue(), mine.events);
    assert.deepEqual(await verdicts(page), ['✓ Match', '✗ No match']);
    await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), first);
    assert.match((await cacheNames(page))[0], /-next$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the off switch removes the offline copy on the next visit', async () => {
  const copy = await serveCopy();
  const { context, page } = await openPage(browser, copy);
  try {
    assert.equal(await visit(page, copy.url), 'ready');
    assert.equal((await cacheNames(page)).length, 1);
    publishNewRelease(copy.dir, { off: true });
    await page.goto(copy.url);
    // The off worker deletes the caches, unregisters itself and reloads the page from the server.
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'off', null, { timeout: 30_000 });
    await page.waitForFunction(async () => (await caches.keys()).length === 0
      && (await navigator.serviceWorker.getRegistrations()).length === 0, null, { timeout: 15_000 });
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    assert.deepEqual(await verdicts(page), ['✗ No match', '✓ Match', '✗ No match', '✗ No match']);
  } finally {
    await context.close();
  }
});
