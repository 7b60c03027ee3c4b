// The gallery in Chromium: one click loads a CIS alarm with its sample
// events, and the page shows the verdicts the gallery promises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser, loadPage, openPage, outputDir, startServer } from './harness.mjs';

let server;
let browser;
let session;

before(async () => {
  mkdirSync(outputDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  session = await openPage(browser, server, { height: 1000 });
  await loadPage(session.page, server);
});

after(async () => {
  if (session) await session.context.close();
  if (browser) await browser.close();
  if (server) server.stop();
});

test('loading CIS 4.2 (console sign-in without MFA) from the gallery', async () => {
  const { page } = session;
  await page.getByText('Examples: real alarms').click();
  await page.getByRole('button', { name: 'CIS 4.2 — Console sign-in without MFA' }).click();
  await page.waitForSelector('html[data-results="current"]');
  assert.equal(await page.getByRole('textbox', { name: 'Filter pattern' }).inputValue(),
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }');
  const verdicts = await page.getByRole('region', { name: 'Results' }).getByRole('option')
    .evaluateAll((els) => els.map((el) => el.dataset.verdict));
  assert.deepEqual(verdicts, ['match', 'no-match', 'no-match']);
  // Its pitfall is flagged.
  await page.locator('#warnings li[data-code="ne-missing-field"]').waitFor();
  await page.screenshot({ path: `${outputDir}gallery.png` });
  assert.deepEqual(session.errors, []);
});
