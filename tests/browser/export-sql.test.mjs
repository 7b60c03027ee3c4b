// "Copy as… Athena SQL / DuckDB SQL" in Chromium: the engine in the worker
// writes the predicate for the current pattern (the same generator as
// `cwlf sql`), and a pattern SQL cannot say exactly shows the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputDir, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1000 });

test('Copy as Athena SQL and DuckDB SQL: the current pattern, or why not', async () => {
  const { page } = session;
  const box = page.getByRole('textbox', { name: 'Filter pattern' });
  await box.fill('{ $.eventName = "ConsoleLogin" && $.user != "O\'Brien" }');
  await page.waitForSelector('html[data-results="current"]');
  await page.getByText('Copy as…').click();
  const out = page.getByLabel('Exported pattern');
  await page.getByLabel('Format').selectOption('athena-sql');
  await page.waitForFunction(() => /CASE WHEN try\(json_parse/.test(document.querySelector('.export-output').textContent));
  const athena = await out.textContent();
  assert.match(athena, /json_extract_scalar\(v\d+, '\$'\) = 'ConsoleLogin'/);
  assert.match(athena, /'O''Brien'/);
  await page.getByLabel('Format').selectOption('duckdb-sql');
  await page.waitForFunction(() => /json_valid\("message"\)/.test(document.querySelector('.export-output').textContent));
  assert.match(await out.textContent(), /json_extract_string\(v\d+, '\$'\) = 'ConsoleLogin'/);
  await page.screenshot({ path: `${outputDir}export-sql.png` });
  // A refusal: the reason, as an SQL comment.
  await box.fill('{ $.v = "1.5" }');
  await page.waitForSelector('html[data-results="current"]');
  await page.getByLabel('Log group').fill('x');  // any input refreshes the panel
  await page.waitForFunction(() => /^-- Not translated/.test(document.querySelector('.export-output').textContent));
  assert.match(await out.textContent(), /\(json-number-text\)/);
  // Back to a format built in the page: no stale SQL answer replaces it.
  await page.getByLabel('Format').selectOption('terraform');
  assert.match(await out.textContent(), /aws_cloudwatch_log_metric_filter/);
  assert.deepEqual(session.errors, []);
});
