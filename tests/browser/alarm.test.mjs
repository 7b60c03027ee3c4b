// The alarm's history in the page, in Chromium: two CloudTrail .json.gz
// files opened, the alarm replayed by the engine worker, the chart drawn
// (a bar per period, the threshold line, the ALARM intervals shaded), its
// table of intervals, and a bar clicked says its period's count. Screenshot:
// tests/output/alarm.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { outputDir, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1400 });

const at = (h, m, s = 0) => `2026-11-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;
const rec = (eventName, eventTime, errorCode) => ({ eventVersion: '1.08', userIdentity: { type: 'IAMUser', userName: 'alice' },
  eventTime, eventSource: 'signin.amazonaws.com', eventName, awsRegion: 'us-east-1', ...(errorCode ? { errorCode } : {}) });

test('two .json.gz files: the chart with threshold and ALARM intervals, the table, a bar clicked', async () => {
  const { page, requests } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-alarm-'));
  // Failed logins: 6 in 10:00-10:04, 2 in 10:20, 7 in 11:00-11:04; traffic every 10 minutes.
  const a = [], b = [];
  for (let m = 0; m < 180; m += 10) a.push(rec('GetObject', at(9 + Math.floor(m / 60), m % 60)));
  for (let i = 0; i < 6; ++i) b.push(rec('ConsoleLogin', at(10, i % 5, i), 'Failed authentication'));
  for (let i = 0; i < 2; ++i) a.push(rec('ConsoleLogin', at(10, 20, i), 'Failed authentication'));
  for (let i = 0; i < 7; ++i) b.push(rec('ConsoleLogin', at(11, i % 5, i), 'Failed authentication'));
  const f1 = join(dir, '111122223333_CloudTrail_us-east-1_20261120T0900Z_a.json.gz');
  const f2 = join(dir, '111122223333_CloudTrail_us-east-1_20261120T1000Z_b.json.gz');
  writeFileSync(f1, gzipSync(JSON.stringify({ Records: a })));
  writeFileSync(f2, gzipSync(JSON.stringify({ Records: b })));

  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.errorCode = "Failed authentication" }');
  await page.waitForSelector('html[data-results="current"]');
  const before = requests.length;
  await page.locator('#files-input').setInputFiles([f1, f2]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
  const panel = page.locator('#alarm-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('Threshold').fill('5');
  await panel.getByRole('button', { name: 'Replay the alarm' }).click();
  await page.waitForSelector('html[data-alarm="done"]', { timeout: 60_000 });
  assert.match(await panel.getByRole('status').textContent(), /15 matching events in 3 periods with data; the alarm would have gone to ALARM 2 times/);
  const chart = panel.locator('svg.alarm-chart');
  assert.equal(await chart.locator('rect.alarm-bar').count(), 3);
  assert.equal(await chart.locator('rect.alarm-bar.breaching').count(), 2);
  assert.equal(await chart.locator('rect.alarm-shade').count(), 2);
  assert.equal(await chart.locator('line.alarm-threshold').count(), 1);
  const rows = await panel.locator('table.alarm-intervals tr').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.cells].map((c) => c.textContent)));
  // The replay ends with the last period holding data (11:00), still in ALARM.
  assert.deepEqual(rows, [[at(10, 0), at(10, 5), '6'], [at(11, 0), `${at(11, 5)} (still in ALARM)`, '7']]);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${outputDir}alarm.png`, fullPage: true });
  await chart.locator('rect.alarm-bar').nth(1).click({ force: true });
  assert.match(await panel.getByRole('status').textContent(), /2026-11-20T10:20:00Z: value 2, 2 matching events\./);
  assert.deepEqual(requests.slice(before).map((r) => r.url), []);
  assert.deepEqual(session.errors, []);
});
