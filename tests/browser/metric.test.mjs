// The "Metric filter…" panel in Chromium: the metric value, default value and
// dimensions a user is about to deploy, validated as AWS does, and what each
// event would publish (the engine's answer, core/metric_filter.h).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputDir, settled, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1000 });

const EVENTS = [
  '{"eventName":"GetObject","bytes":100,"userIdentity":{"userName":"alice"}}',
  '{"eventName":"GetObject","bytes":"many","userIdentity":{"userName":"bob"}}',
  '{"eventName":"PutObject","bytes":7}',
  '{"eventName":"GetObject","bytes":20}',
].join('\n');

async function points(page) {
  return page.locator('#metric-result li').evaluateAll((els) => els.map((el) => el.querySelector('.metric-what').textContent));
}

test('metric value $.bytes with a dimension: per-event datapoints and their sum', async () => {
  const { page } = session;
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = GetObject }');
  await page.getByRole('textbox', { name: 'Log events' }).fill(EVENTS);
  await settled(page);
  await page.getByText('Metric filter…').click();
  await page.getByLabel('Metric value').fill('$.bytes');
  await page.getByLabel('Dimension 1 name').fill('User');
  await page.getByLabel('Dimension 1 value').fill('$.userIdentity.userName');
  // The sum is shown as soon as the value is typed: wait for the dimension too.
  await page.waitForFunction(() => /2 datapoints, sum 120/.test(document.querySelector('#metric-result').textContent)
    && /\[User=alice\]/.test(document.querySelector('#metric-result').textContent));
  assert.deepEqual(await points(page), ['publishes 100 [User=alice]', 'nothing', 'nothing', 'publishes 20']);
  const notes = await page.locator('#metric-result .metric-note').allTextContents();
  // No raw Markdown: the quoted parts are code.
  assert.ok(notes.some((n) => /^Matched, but \$\.bytes is many, not a number: no datapoint/.test(n)), notes.join('|'));
  assert.ok(notes.every((n) => !n.includes('`')), notes.join('|'));
  assert.ok(await page.locator('#metric-result .metric-note code').count() > 0);
  assert.ok(notes.some((n) => /Dimension User not found/.test(n)), notes.join('|'));
  assert.doesNotMatch(await page.locator('#metric-result').textContent(), /null|undefined/);
  await page.screenshot({ path: `${outputDir}metric.png` });
});

test('AWS\'s validation: no default value with dimensions; dimensions need JSON or space-delimited', async () => {
  const { page } = session;
  await page.getByLabel('Default value').fill('0');
  await page.waitForFunction(() => /cannot have a default value/.test(document.querySelector('#metric-result').textContent));
  await page.getByLabel('Dimension 1 name').fill('');
  await page.getByLabel('Dimension 1 value').fill('');
  await page.waitForFunction(() => /2 datapoints, sum 120/.test(document.querySelector('#metric-result').textContent));
  assert.deepEqual(await points(page), ['publishes 100', 'nothing', 'default 0', 'publishes 20']);
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('GetObject');
  await page.getByLabel('Default value').fill('');
  await page.getByLabel('Metric value').fill('1');
  await page.getByLabel('Dimension 1 name').fill('Op');
  await page.getByLabel('Dimension 1 value').fill('$.eventName');
  await page.waitForFunction(() => /does not support dimensions/.test(document.querySelector('#metric-result').textContent));
  assert.deepEqual(session.errors, []);
});
