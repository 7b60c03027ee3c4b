// The gallery in Chromium: one click loads a CIS alarm with its sample
// events, and the page shows the verdicts the gallery promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputDir, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1000 });

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
