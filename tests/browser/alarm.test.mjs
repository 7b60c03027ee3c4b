// The alarm's history in the page, in Chromium: two CloudTrail .json.gz
// files opened, the alarm replayed by the engine worker, the chart drawn
// (a bar per period split by identity type, a legend, the threshold line,
// the ALARM intervals shaded), its table of intervals; a bar clicked (and
// one chosen with the keyboard) lists its period's events, "Explain" puts one
// in the boxes as an undoable step; the alarm settings survive a share link
// and Undo, and a reload; the metric filter's value feeds the replay; Japanese. Screenshots: tests/output/alarm.png, alarm-panel.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eventsBox, outputDir, patternBox, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1400 });

const at = (h, m, s = 0) => `2026-11-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;
const rec = (eventName, eventTime, errorCode, type = 'IAMUser') => ({ eventVersion: '1.08',
  userIdentity: type === 'Root' ? { type } : { type, userName: 'alice' },
  eventTime, eventSource: 'signin.amazonaws.com', eventName, awsRegion: 'us-east-1', ...(errorCode ? { errorCode } : {}) });
const stepNote = (page) => page.locator('#step-note').textContent();

test('two .json.gz files: the chart by identity type with threshold and ALARM intervals, a bar\'s events, Explain, settings in a link', async () => {
  const { page, requests } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-alarm-'));
  // Failed logins: 6 in 10:00-10:04 (4 IAMUser, 2 Root), 2 in 10:20 (IAMUser), 7 in 11:00-11:04 (Root);
  // traffic every 10 minutes.
  const a = [], b = [];
  for (let m = 0; m < 180; m += 10) a.push(rec('GetObject', at(9 + Math.floor(m / 60), m % 60), null, 'AWSService'));
  for (let i = 0; i < 6; ++i) b.push(rec('ConsoleLogin', at(10, i % 5, i), 'Failed authentication', i < 4 ? 'IAMUser' : 'Root'));
  for (let i = 0; i < 2; ++i) a.push(rec('ConsoleLogin', at(10, 20, i), 'Failed authentication'));
  for (let i = 0; i < 7; ++i) b.push(rec('ConsoleLogin', at(11, i % 5, i), 'Failed authentication', 'Root'));
  const f1 = join(dir, '111122223333_CloudTrail_us-east-1_20261120T0900Z_a.json.gz');
  const f2 = join(dir, '111122223333_CloudTrail_us-east-1_20261120T1000Z_b.json.gz');
  writeFileSync(f1, gzipSync(JSON.stringify({ Records: a })));
  writeFileSync(f2, gzipSync(JSON.stringify({ Records: b })));

  const pattern = '{ $.errorCode = "Failed authentication" }';
  await patternBox(page).fill(pattern);
  await page.waitForSelector('html[data-results="current"]');
  const before = requests.length;
  await page.locator('#files-input').setInputFiles([f1, f2]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
  const panel = page.locator('#alarm-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('Threshold', { exact: true }).fill('5');
  assert.match(await stepNote(page), /^Changed the alarm settings · Undo$/);
  await panel.getByRole('button', { name: 'Replay the alarm' }).click();
  await page.waitForSelector('html[data-alarm="done"]', { timeout: 60_000 });
  assert.match(await panel.locator('.alarm-status').textContent(), /15 matching events in 3 periods with data; the alarm would have gone to ALARM 2 times/);
  const chart = panel.locator('svg.alarm-chart');
  assert.equal(await chart.locator('rect.alarm-bar').count(), 3);
  assert.equal(await chart.locator('rect.alarm-bar.breaching').count(), 2);
  assert.equal(await chart.locator('rect.alarm-breach-mark').count(), 2);
  assert.equal(await chart.locator('rect.alarm-shade').count(), 2);
  assert.equal(await chart.locator('line.alarm-threshold').count(), 1);
  // Per identity type: 10:00 is Root and IAMUser, 10:20 IAMUser, 11:00 Root; the legend with the totals.
  const segments = await chart.locator('g.alarm-bar-group').evaluateAll((groups) => groups.map((g) =>
    [...g.querySelectorAll('rect.alarm-segment')].map((r) => r.dataset.type)));
  assert.deepEqual(segments, [['Root', 'IAMUser'], ['IAMUser'], ['Root']]);
  assert.deepEqual(await panel.locator('.alarm-legend li').allTextContents(), ['Root (9)', 'IAMUser (6)']);
  const rows = await panel.locator('table.alarm-intervals tr').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.cells].map((c) => c.textContent)));
  // The replay ends with the last period holding data (11:00), still in ALARM.
  assert.deepEqual(rows, [[at(10, 0), at(10, 5), '6'], [at(11, 0), `${at(11, 5)} (still in ALARM)`, '7']]);

  // Hover: the period's count by type.
  await chart.locator('rect.alarm-bar').nth(0).hover({ force: true });
  assert.equal(await panel.locator('.alarm-readout').textContent(),
    `${at(10, 0)}: value 6, 6 matching events (Root 2, IAMUser 4), breaching.`);
  await chart.scrollIntoViewIfNeeded();

  // A bar clicked: its period's events, each from its file.
  await chart.locator('rect.alarm-bar').nth(0).click({ force: true });
  await page.waitForSelector('html[data-alarm-period="done"]', { timeout: 60_000 });
  const box = panel.locator('.alarm-period-box');
  assert.equal(await box.locator('h3').textContent(), `Matching events from ${at(10, 0)} to ${at(10, 5)}: 6`);
  const items = box.locator('li');
  assert.equal(await items.count(), 6);
  assert.match(await items.nth(0).textContent(), /_b\.json\.gz ConsoleLogin · IAMUser · alice · 2026-11-20T10:00:00Z Explain/);
  await page.screenshot({ path: `${outputDir}alarm.png`, fullPage: true });
  await panel.screenshot({ path: `${outputDir}alarm-panel.png` });

  // The keyboard: the next bar, Enter lists 10:20's two events (from the first file).
  await chart.locator('rect.alarm-bar').nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.alarm-period-box h3')?.textContent.includes('10:20:00Z'));
  await page.waitForSelector('html[data-alarm-period="done"]');
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(1).textContent(), /_a\.json\.gz ConsoleLogin · IAMUser · alice · 2026-11-20T10:20:01Z/);

  // Explain: the event in the boxes with the pattern, one step; Undo takes it back.
  const eventsBefore = await eventsBox(page).inputValue();
  await items.nth(1).getByRole('button', { name: 'Explain' }).click();
  await page.waitForSelector('html[data-results="current"]');
  assert.equal(JSON.parse(await eventsBox(page).inputValue()).eventTime, at(10, 20, 1));
  assert.equal(await patternBox(page).inputValue(), pattern);
  assert.match(await stepNote(page), /^Opened a matching event of 111122223333_CloudTrail_us-east-1_20261120T0900Z_a\.json\.gz · Undo$/);
  await page.locator('#undo').click();
  assert.equal(await eventsBox(page).inputValue(), eventsBefore);

  // The settings in a share link: changed after sharing, the link brings them back; Undo the link.
  await panel.getByLabel('Period (s)').fill('600');
  await panel.getByLabel('Statistic').selectOption('Maximum');
  await panel.getByLabel('Evaluation periods (N)').fill('3');
  await panel.getByLabel('Datapoints to alarm (M)').fill('2');
  await panel.getByLabel('Missing data').selectOption('breaching');
  await page.locator('#share').click();
  await page.waitForFunction(() => document.getElementById('share-link').value.includes('#v1='));
  const link = await page.locator('#share-link').inputValue();
  const form = () => panel.locator('form').evaluate((f) => ['alarm-period', 'alarm-threshold', 'alarm-statistic', 'alarm-n', 'alarm-m', 'alarm-missing']
    .map((n) => f.elements[n].value));
  const shared = ['600', '5', 'Maximum', '3', '2', 'breaching'];
  assert.deepEqual(await form(), shared);
  await panel.getByLabel('Threshold', { exact: true }).fill('9');
  await panel.getByLabel('Period (s)').fill('60');
  await page.evaluate((h) => { location.hash = h; }, new URL(link).hash);
  await page.waitForFunction(() => document.querySelector('#alarm-panel [name="alarm-threshold"]').value === '5');
  assert.deepEqual(await form(), shared);
  assert.match(await stepNote(page), /^Opened the test from the link · Undo$/);
  await page.locator('#undo').click();
  assert.deepEqual(await form(), ['60', '9', 'Maximum', '3', '2', 'breaching']);

  // The Metric filter panel's value feeds the replay: Maximum of 2 per event at 10:00 (2 events).
  await page.locator('#metric summary').click();
  await page.locator('#metric [name="metric-value"]').fill('2');
  await panel.getByRole('button', { name: 'Replay the alarm' }).click();
  await page.waitForSelector('html[data-alarm="done"]', { timeout: 60_000 });
  await chart.locator('rect.alarm-bar').nth(0).hover({ force: true });
  assert.equal(await panel.locator('.alarm-readout').textContent(), `${at(10, 0)}: value 2, 2 matching events (Root 1, IAMUser 1).`);

  // In Japanese: the panel, the chart's legend and the intervals table at once; back to English.
  await page.locator('[data-lang="ja"]').click();
  assert.equal(await panel.locator('summary').textContent(), 'このアラームは発火していたか？');
  assert.equal(await panel.locator('.alarm-legend-note').textContent(), '各棒は一致したイベントの ID タイプ別の割合で分けています。棒の上の赤い印はしきい値超過です。');
  assert.equal(await panel.locator('table.alarm-intervals caption').textContent(), 'ALARM の区間（UTC）');
  await page.locator('[data-lang="en"]').click();
  assert.equal(await panel.locator('table.alarm-intervals caption').textContent(), 'ALARM intervals (UTC)');

  // No request from all of that.
  assert.deepEqual(requests.slice(before).map((r) => r.url), []);

  // Kept in this browser: a reload brings the settings back (without the link, which would open again).
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await form(), ['60', '9', 'Maximum', '3', '2', 'breaching']);
  assert.deepEqual(session.errors, []);
});
