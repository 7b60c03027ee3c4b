// "Copy as…" in Chromium: the seed pattern as Terraform and CloudFormation,
// with the Metric filter panel's value and dimension, quoted so that parsing
// gives the pattern back (the formats' quoting itself: tests/node/export.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { outputDir, seedPattern, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1000 });

test('Copy as CloudFormation and Terraform: the current pattern and metric settings', async () => {
  const { page } = session;
  const pattern = '{ $.user = "O\'Brien" && $.note = "${x}" }';
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill(pattern);
  await page.waitForSelector('html[data-results="current"]');
  await page.getByText('Metric filter…').click();
  await page.getByLabel('Metric value').fill('$.bytes');
  await page.getByText('Copy as…').click();
  await page.getByLabel('Log group').fill('aws-cloudtrail-logs');
  await page.getByLabel('Format').selectOption('cloudformation');
  const out = page.getByLabel('Exported pattern');
  const cfn = parseYaml(await out.textContent());
  const props = Object.values(cfn.Resources)[0].Properties;
  assert.equal(props.FilterPattern, pattern);
  assert.equal(props.LogGroupName, 'aws-cloudtrail-logs');
  assert.equal(props.MetricTransformations[0].MetricValue, '$.bytes');
  await page.getByLabel('Format').selectOption('terraform');
  assert.match(await out.textContent(), /pattern {8}= "\{ \$\.user = \\"O'Brien\\" && \$\.note = \\"\$\$\{x\}\\" \}"/);
  await page.screenshot({ path: `${outputDir}export.png` });
  // The pattern box drives it: a new pattern is exported as typed.
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill(seedPattern);
  await page.waitForSelector('html[data-results="current"]');
  await page.getByLabel('Format').selectOption('cloudformation');
  assert.equal(Object.values(parseYaml(await out.textContent()).Resources)[0].Properties.FilterPattern, seedPattern);
  assert.deepEqual(session.errors, []);
});
