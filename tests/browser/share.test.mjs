// Share links, expectations, Download / Open, Redact and "keep only the
// fields the pattern reads", in Chromium: every request the page makes is
// recorded, and sharing, opening and testing make none at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  eventsBox, loadPage, markExpectation, openPage, outputDir, patternBox, results, root, seedPattern, seedText, selectEvent,
  settled, useBrowser,
} from './harness.mjs';

// ./serve.sh and Chromium for the whole file; each test opens its own page.
const env = useBrowser();

// A v1 link made by this release, kept as written: later releases must keep
// opening it. Its test: three events, the third of which trips over `!=` on
// a missing field, so that one of its three expectations fails.
const FIXED_V1_LINK = '#v1=pdDBisIwEAbgV8n-iKcorN4CPoCXpXh1PGTjiIGYFDPVLSXvvrTFIvS2e0z-fz4y6eCe4QKD3HhhaDxgPjVqK8L3CINOLdb84Chf9sZqpwhVI4cUuErBu5aglku1WDeZ7_szR_HSDoeh_tH3nV99JyGoAo2Byr1LmFiCmbGa8G4STDfeTAM2eMeEUij-H3s98s-atPVYPqSX06_7U7MTKz7FDHPsRnj44jGCwc2Ku6LoKdy8hTGtZvl2PnzSyBzYCZ9htuUX';
const FIXED_V1_PATTERN = '{ $.eventName = "PutRolePolicy" && $.userIdentity.userName != "ci-bot" }';
const FIXED_V1_EVENTS = '{"eventName":"PutRolePolicy","userIdentity":{"userName":"alice"}}\n' +
  '{"eventName":"PutRolePolicy","userIdentity":{"userName":"ci-bot"}}\n' +
  '{"eventName":"PutRolePolicy","userIdentity":{"type":"Root"}}\n';

// ---- helpers ------------------------------------------------------------------

const shareLink = (page) => page.getByRole('textbox', { name: 'Share link' });

async function verdicts(page) {
  await settled(page);
  return results(page).getByRole('option').evaluateAll((els) => els.map((el) => el.querySelector('.verdict').textContent.replace(/\s+/g, ' ').trim()));
}

const expect = markExpectation;

const summary = (page) => page.locator('#expectations-summary').textContent();

async function shareNow(page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.waitForFunction(() => document.getElementById('share-link').value.includes('#v1='));
  return shareLink(page).inputValue();
}

// Opens `url` in a fresh page and waits for the test it holds to be shown.
async function openLink(url) {
  const opened = await openPage(env.browser, env.server);
  await opened.page.goto(url);
  await opened.page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  await settled(opened.page);
  return opened;
}

// ---- tests ------------------------------------------------------------------------

test('a share link round-trips the seed test exactly: pattern, events, expectations, selection; no request', async (t) => {
  const { context, page, requests, errors } = await openPage(env.browser, env.server);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    const { loadedAt } = await loadPage(page, env.server);
    await page.waitForTimeout(200);
    const atLoad = requests.length;
    // Every request of the load went to the page's own origin.
    assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== env.server.origin).map((r) => r.url), []);

    // The intent of the seed's alarm: #2 and #3 should match; #3 does not (the trap).
    await expect(page, 1, 'no-match');
    await expect(page, 2, 'match');
    await expect(page, 3, 'match');
    await expect(page, 4, 'no-match');
    assert.equal(await summary(page), '3/4 expectations hold: not #3');
    assert.deepEqual(await results(page).getByRole('option').evaluateAll((els) => els.map((el) => el.dataset.expectation)),
      ['pass', 'pass', 'fail', 'pass']);
    await selectEvent(page, 3);

    const link = await shareNow(page);
    t.diagnostic(`seed test share link: ${link.length} characters (fragment ${link.length - env.server.url.length})`);
    assert.ok(link.startsWith(`${env.server.url}#v1=`), link.slice(0, 80));
    assert.ok(!link.includes('?'), 'the test is in the fragment, never the query');
    assert.match(await page.locator('#share-length').textContent(), new RegExp(`^${link.length.toLocaleString('en-US')} characters`));
    assert.match(await page.locator('#share-status').textContent(), /copied/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    // The page says plainly that a link contains the events.
    assert.match(await page.locator('.share-note').textContent(), /contains the events/);
    await page.screenshot({ path: `${outputDir}share-seed.png`, fullPage: true });

    // Testing and sharing made no request at all.
    assert.deepEqual(requests.slice(atLoad).map((r) => r.url), []);
    assert.ok(requests.every((r) => r.at <= loadedAt + 200));

    const opened = await openLink(link);
    try {
      assert.equal(await patternBox(opened.page).inputValue(), seedPattern);
      assert.equal(await eventsBox(opened.page).inputValue(), seedText);
      assert.equal(await summary(opened.page), '3/4 expectations hold: not #3');
      assert.match(await results(opened.page).getByRole('option', { selected: true }).textContent(), /#3/);
      assert.match(await opened.page.locator('#step-note').textContent(), /Opened the test from the link/);
      // Opening a link: only the page's own files, nothing else.
      assert.deepEqual(opened.requests.filter((r) => new URL(r.url).origin !== env.server.origin).map((r) => r.url), []);
      assert.deepEqual(opened.errors, []);
    } finally {
      await opened.context.close();
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a v1 link made by an earlier release still opens', async () => {
  const { context, page, errors } = await openLink(`${env.server.url}${FIXED_V1_LINK}`);
  try {
    assert.equal(await patternBox(page).inputValue(), FIXED_V1_PATTERN);
    assert.equal(await eventsBox(page).inputValue(), FIXED_V1_EVENTS);
    assert.deepEqual(await verdicts(page), ['✓ Match', '✗ No match', '✗ No match']);
    assert.equal(await summary(page), '2/3 expectations hold: not #3');
    assert.match(await results(page).getByRole('option', { selected: true }).textContent(), /#3/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a truncated or corrupt link says so and loses nothing on screen', async () => {
  // Opened fresh: the message, over the worked example.
  const cut = `${env.server.url}${FIXED_V1_LINK.slice(0, 60)}`;
  const fresh = await openLink(cut);
  try {
    assert.match(await fresh.page.locator('#share-status').textContent(), /cannot be opened.*cut short or damaged/);
    assert.equal(await patternBox(fresh.page).inputValue(), seedPattern);
  } finally {
    await fresh.context.close();
  }

  // Opened over the user's own work: the work stays.
  const { context, page, requests } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const mine = { pattern: '{ $.user = "bob" }', events: '{"user":"bob"}\n{"user":"eve"}\n' };
    await patternBox(page).fill(mine.pattern);
    await eventsBox(page).fill(mine.events);
    await settled(page);
    const atLoad = requests.length;
    for (const [hash, why] of [
      [FIXED_V1_LINK.slice(0, 60), /cut short or damaged/],
      [`${FIXED_V1_LINK.slice(0, 40)}!!${FIXED_V1_LINK.slice(42)}`, /characters a link made by cwlf never has/],
      ['#v1=AAAA', /cut short or damaged/],
      ['#v9=abc', /newer cwlf/],
    ]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForFunction(() => /cannot be opened/.test(document.getElementById('share-status').textContent));
      const status = await page.locator('#share-status').textContent();
      assert.match(status, why, hash);
      assert.match(status, /unchanged/);
      assert.equal(await patternBox(page).inputValue(), mine.pattern);
      assert.equal(await eventsBox(page).inputValue(), mine.events);
      await page.evaluate(() => { document.getElementById('share-status').textContent = ''; });
    }
    assert.deepEqual(await verdicts(page), ['✓ Match', '✗ No match']);
    await page.screenshot({ path: `${outputDir}share-corrupt.png` });
    assert.deepEqual(requests.slice(atLoad).map((r) => r.url), []);
  } finally {
    await context.close();
  }
});

// CloudTrail records of the corpus that carry account IDs, ARNs, keys and addresses.
function corpusEvents(n) {
  const lines = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);
  return lines.filter((l) => /\d{12}/.test(l) && /"sourceIPAddress":"\d/.test(l)).slice(0, n).join('\n') + '\n';
}

test('a long link: warned, not copied; Redact and Keep-only keep every verdict; Download and Open', async (t) => {
  const { context, page, requests, errors } = await openPage(env.browser, env.server);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    await loadPage(page, env.server);
    await page.waitForTimeout(200);
    const atLoad = requests.length;
    const events = corpusEvents(40);
    const pattern = '{ ($.eventSource = "iam.amazonaws.com" || $.eventSource = "s3.amazonaws.com") && $.sourceIPAddress != "AWS Internal" }';
    await patternBox(page).fill(pattern);
    await eventsBox(page).fill(events);
    const before = await verdicts(page);
    assert.ok(before.includes('✓ Match') && before.includes('✗ No match'), 'a mix of verdicts');
    await expect(page, 1, before[0] === '✓ Match' ? 'match' : 'no-match');
    await page.evaluate(() => navigator.clipboard.writeText('untouched'));

    const long = await shareNow(page);
    t.diagnostic(`40 corpus events: link of ${long.length} characters`);
    assert.ok(long.length > 2000);
    assert.match(await page.locator('#share-length').textContent(), /longer than 2,000/);
    assert.match(await page.locator('#share-status').textContent(), /Not copied/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'untouched');
    await page.screenshot({ path: `${outputDir}share-long.png`, fullPage: true });

    // Redact: no account ID or address is left outside the fields the pattern reads.
    const accounts = new Set(events.match(/\b\d{12}\b/g));
    await page.getByRole('button', { name: 'Redact' }).click();
    await page.waitForFunction(() => /verdicts are unchanged|Undone/.test(document.getElementById('share-status').textContent));
    assert.match(await page.locator('#share-status').textContent(), /Redact replaced \d+ distinct values; all 40 verdicts are unchanged/);
    const redacted = await eventsBox(page).inputValue();
    for (const account of accounts) assert.ok(!new RegExp(`\\b${account}\\b`).test(redacted), `account ${account} left in`);
    assert.ok(!/AKIA[A-Z0-9]{16}/.test(redacted.replace(/AKIAREDACTED\d+/g, '')));
    assert.deepEqual(await verdicts(page), before);
    // The fields the pattern reads are intact.
    const ips = (s) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l).sourceIPAddress);
    assert.deepEqual(ips(redacted), ips(events));
    assert.equal(await summary(page), '1/1 expectations hold');
    const redactedLink = await shareLink(page).inputValue();

    // Keep only the fields the pattern reads: far shorter, same verdicts.
    await page.getByRole('button', { name: 'Keep only the fields the pattern reads' }).click();
    await page.waitForFunction(() => /Kept only|Undone/.test(document.getElementById('share-status').textContent));
    assert.match(await page.locator('#share-status').textContent(), /Kept only \$\.eventSource, \$\.eventSource, \$\.sourceIPAddress; all 40 verdicts are unchanged/);
    assert.deepEqual(await verdicts(page), before);
    const kept = await eventsBox(page).inputValue();
    assert.ok(!kept.includes('userIdentity'));
    const short = await shareLink(page).inputValue();
    t.diagnostic(`after Redact: ${redactedLink.length} characters; after Keep only: ${short.length}`);
    assert.ok(short.length < redactedLink.length);

    // Download, then open the file in a fresh page (file picker).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .json' }).click()]);
    assert.equal(download.suggestedFilename(), 'cwlf-test.json');
    const saved = `${outputDir}cwlf-test.json`;
    await download.saveAs(saved);
    const suite = JSON.parse(readFileSync(saved, 'utf8'));
    assert.equal(suite.cwlf, 'suite');
    assert.equal(suite.v, 2);
    assert.equal(suite.pattern, pattern);
    assert.equal(suite.events, kept);
    // The expectation stayed with event 1 through Redact and Keep only (which dropped its eventID).
    assert.equal(suite.expectations.length, 1);
    assert.equal(suite.expectations[0].event, 1);
    assert.match(suite.expectations[0].id, /^(eventID:|h:)/);
    assert.equal(suite.expectations[0].expect, before[0] === '✓ Match' ? 'match' : 'no-match');
    assert.deepEqual(requests.slice(atLoad).filter((r) => !r.url.startsWith('blob:')).map((r) => r.url), []);
    assert.deepEqual(errors, []);

    const other = await openPage(env.browser, env.server);
    try {
      await loadPage(other.page, env.server);
      const [chooser] = await Promise.all([other.page.waitForEvent('filechooser'), other.page.getByRole('button', { name: 'Open .json…' }).click()]);
      await chooser.setFiles(saved);
      await other.page.waitForFunction(() => /Opened cwlf-test.json/.test(document.getElementById('step-note').textContent));
      await settled(other.page);
      assert.equal(await eventsBox(other.page).inputValue(), kept);
      assert.deepEqual(await verdicts(other.page), before);
      assert.equal(await summary(other.page), '1/1 expectations hold');

      // A file that is not a cwlf test changes nothing.
      const bad = `${outputDir}not-a-test.json`;
      writeFileSync(bad, '{"Records": []}');
      const [chooser2] = await Promise.all([other.page.waitForEvent('filechooser'), other.page.getByRole('button', { name: 'Open .json…' }).click()]);
      await chooser2.setFiles(bad);
      await other.page.waitForFunction(() => /cannot be opened/.test(document.getElementById('share-status').textContent));
      assert.match(await other.page.locator('#share-status').textContent(), /not a cwlf test.*Nothing was changed/);
      assert.equal(await eventsBox(other.page).inputValue(), kept);
    } finally {
      await other.context.close();
    }
  } finally {
    await context.close();
  }
});

test('a test file dropped on the page opens; the page policy blocks any other origin, even by mistake', async () => {
  const { context, page, requests } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const atLoad = requests.length;
    const refused = new Map();  // url -> why the browser did not send it
    page.on('requestfailed', (r) => refused.set(r.url(), r.failure() && r.failure().errorText));
    const suite = readFileSync(`${root}tests/data/suites/seed-intent.json`, 'utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, suite);
    await page.dispatchEvent('#events', 'drop', { dataTransfer });
    await page.waitForFunction(() => /Opened dropped.json/.test(document.getElementById('step-note').textContent));
    await settled(page);
    assert.equal(await summary(page), '3/4 expectations hold: not #3');
    assert.match(await results(page).getByRole('option', { selected: true }).textContent(), /#3/);

    // The Content-Security-Policy <meta> lets nothing reach another origin.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    const blocked = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const fetched = await fetch('https://example.com/steal').then(() => 'sent', () => 'refused');
      const img = new Image();
      img.src = 'https://example.com/pixel.gif';
      document.body.append(img);
      await new Promise((r) => { img.onerror = r; img.onload = r; });
      img.remove();
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, violations };
    });
    assert.equal(blocked.fetched, 'refused');
    // (each violation is reported once per policy: the <meta> one and the server's header)
    assert.deepEqual([...new Set(blocked.violations)].sort(), ['connect-src', 'img-src']);
    // Chromium announces the image before its policy check; it is then refused, never sent.
    const sent = requests.slice(atLoad).map((r) => r.url)
      .filter((u) => !u.startsWith('blob:') && !/^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(refused.get(u) || ''));
    assert.deepEqual(sent, []);
  } finally {
    await context.close();
  }
});
