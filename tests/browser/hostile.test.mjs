// Hostile input (issue 10): a share link that inflates beyond the page's
// limits, one that holds millions of tiny events, keys named __proto__,
// constructor and prototype in events, links and test files, and an unknown
// deep path under the service worker. Each is refused or handled within its
// time and memory bound, and what was on screen stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsBox, loadPage, openPage, patternBox, results, seedPattern, seedText, settled, useBrowser,
} from './harness.mjs';

const env = useBrowser();

// #v1= link of raw bytes (not necessarily a valid test), as share-link.js encodes.
async function linkOf(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const packed = Buffer.from(await new Response(stream).arrayBuffer());
  return `#v1=${packed.toString('base64url')}`;
}

async function jsHeapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapTotalSize').value / 1024 / 1024;
}

// Opens `fragment` on the loaded page (as clicking a link would) and waits
// for the page to say it cannot; -> milliseconds taken.
async function refuse(page, fragment) {
  await page.evaluate(() => { document.getElementById('share-status').textContent = ''; });
  const t0 = Date.now();
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction(() => /cannot be opened/.test(document.getElementById('share-status').textContent),
    null, { timeout: 10_000 });
  return Date.now() - t0;
}

test('link bombs are refused in under 2 s with bounded memory, and the screen is kept', async (t) => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await settled(page);
    // 256 MiB of spaces: a link of a few hundred KB that would inflate to 256 MiB.
    const bomb = await linkOf(new Uint8Array(256 * 1024 * 1024).fill(0x20));
    t.diagnostic(`inflating link: ${bomb.length} characters`);
    const ms = await refuse(page, bomb);
    t.diagnostic(`refused in ${ms} ms`);
    assert.ok(ms < 2000, `${ms} ms`);
    assert.match(await page.locator('#share-status').textContent(), /unpacks to more than 16 MiB/);
    assert.equal(await patternBox(page).inputValue(), seedPattern);
    assert.equal(await eventsBox(page).inputValue(), seedText);
    const heap = await jsHeapMB(page);
    t.diagnostic(`JS heap after the refusal: ${heap.toFixed(0)} MB`);
    assert.ok(heap < 300, `${heap} MB`);

    // 2.6 million tiny events (5 MB of text): beyond the lines limit.
    const tiny = JSON.stringify({ cwlf: 'suite', v: 2, pattern: 'a', events: 'a\n'.repeat(2_600_000) });
    const lines = await linkOf(new TextEncoder().encode(tiny));
    t.diagnostic(`tiny-events link: ${lines.length} characters`);
    const ms2 = await refuse(page, lines);
    t.diagnostic(`refused in ${ms2} ms`);
    assert.ok(ms2 < 2000, `${ms2} ms`);
    assert.match(await page.locator('#share-status').textContent(), /more than 1,000,000 lines/);
    assert.equal(await eventsBox(page).inputValue(), seedText);
    const heap2 = await jsHeapMB(page);
    t.diagnostic(`JS heap after the refusal: ${heap2.toFixed(0)} MB`);
    assert.ok(heap2 < 300, `${heap2} MB`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Text that does not compress, so that the share link is long (Keep only is offered then).
function randomText(n) {
  return Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
}

// Events whose keys are the names JavaScript objects inherit.
const PROTO_EVENTS = [
  '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 2}}, "prototype": "p", "pad": "PAD"}',
  '{"__proto__": {"polluted": 2}, "constructor": {"prototype": {"x": 3}}, "prototype": "q", "pad": "PAD"}',
  '{"__proto__": {"polluted": 1}, "constructor": 1, "prototype": {"__proto__": 5}, "pad": "PAD"}',
].map((e) => e.replace('PAD', randomText(1500))).join('\n\n');
const PROTO_PATTERN = '{ $.__proto__.polluted = 1 || $.constructor.prototype.x = 3 }';

const clean = (page) => page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).filter(
  (k) => ['polluted', 'x', 'prototype'].includes(k)).length === 0 && ({}).polluted === undefined);

test('__proto__, constructor and prototype keys in events, links and test files pollute nothing', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    await loadPage(page, env.server);
    await patternBox(page).fill(PROTO_PATTERN);
    await eventsBox(page).fill(PROTO_EVENTS);
    await settled(page);
    const verdicts = () => results(page).getByRole('option').evaluateAll((els) => els.map((el) => el.dataset.verdict));
    assert.deepEqual(await verdicts(), ['match', 'match', 'match']);
    // Keep only the fields the pattern reads (it rewrites each event from its keys).
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Keep only the fields the pattern reads' }).click();
    await page.waitForFunction(() => /verdicts are unchanged/.test(document.getElementById('share-status').textContent));
    await settled(page);
    assert.ok(await clean(page), 'Object.prototype is untouched');
    assert.deepEqual(await verdicts(), ['match', 'match', 'match']);
    const kept = await eventsBox(page).inputValue();
    assert.match(kept, /"__proto__"/);
    assert.doesNotMatch(kept, /"pad"/);
    // A link whose test object has those keys (and events with them).
    const suite = `{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "cwlf": "suite", "v": 2,
      "pattern": ${JSON.stringify(PROTO_PATTERN)}, "events": ${JSON.stringify(PROTO_EVENTS)},
      "expectations": [{"event": 1, "id": "__proto__", "expect": "match"}, {"event": 2, "expect": "match", "__proto__": 1}]}`;
    await page.evaluate(async (f) => { location.hash = f; }, await linkOf(new TextEncoder().encode(suite)));
    await page.waitForFunction((e) => document.getElementById('events').value === e, PROTO_EVENTS);
    await settled(page);
    assert.ok(await clean(page));
    assert.equal(await page.locator('#expectations-summary').textContent(), '1/2 expectations hold: 1 expectation for an event that is gone');
    // A test file with them.
    await page.locator('#open-input').setInputFiles({
      name: 'proto.json', mimeType: 'application/json', buffer: Buffer.from(suite.replace('"v": 2', '"v": 1')),
    });
    await page.waitForFunction(() => /Opened proto\.json/.test(document.getElementById('step-note').textContent));
    await settled(page);
    assert.ok(await clean(page));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('under the service worker, an unknown deep path is a 404, not the page with broken assets', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);  // waits for the offline copy (the service worker) to be ready
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker controls the page');
    const response = await page.goto(`${env.server.url}a/b/c`);
    assert.equal(response.status(), 404);
    assert.match(await page.textContent('body'), /not a page of cwlf/);
    // The page itself still opens from the offline copy.
    const home = await page.goto(env.server.url);
    assert.equal(home.status(), 200);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  } finally {
    await context.close();
  }
});
