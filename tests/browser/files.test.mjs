// Big CloudTrail files in the page, in Chromium: a CloudTrail S3 object
// (.json.gz, inflated in wasm: web/file-bytes.js) and a .jsonl
// file picked together, read by the engine worker with a progress bar,
// matches listed as they are found, the summary by eventName and principal,
// and the explanation of a match on demand. (The 50 MB timing is a
// benchmark: bench/page_files.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { outputDir, useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1100 });

function record(i, eventName, user) {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAJ45Q7YFFAREXAMPLE', arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', userName: user },
    eventTime: '2026-11-20T09:14:02Z', eventSource: 'iam.amazonaws.com', eventName, awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.10', requestID: `req-${i}-EXAMPLE`, eventID: `evt-${i}-EXAMPLE`,
  };
}

test('a .json.gz Records file and a .jsonl file: progress, streamed matches, summary, explanation', async () => {
  const { page, requests } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-files-'));
  const records = [];
  for (let i = 0; i < 3000; i += 1) {
    const name = i % 3 === 0 ? 'PutRolePolicy' : i % 3 === 1 ? 'DescribeInstances' : 'AttachUserPolicy';
    records.push(record(i, name, i % 2 ? 'alice' : 'bob'));
  }
  const gz = join(dir, '111122223333_CloudTrail_us-east-1_20261120T0915Z_EXAMPLE.json.gz');
  writeFileSync(gz, gzipSync(JSON.stringify({ Records: records })));
  const jsonl = join(dir, 'more.jsonl');
  writeFileSync(jsonl, `${JSON.stringify(record(9001, 'PutRolePolicy', 'carol'))}\n${JSON.stringify(record(9002, 'GetUser', 'carol'))}\n`);

  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = PutRolePolicy || $.eventName = AttachUserPolicy }');
  await page.waitForSelector('html[data-results="current"]');
  const before = requests.length;
  await page.locator('#files-input').setInputFiles([gz, jsonl]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
  const region = page.getByRole('region', { name: 'CloudTrail files' });
  const status = await region.getByRole('status').textContent();
  assert.match(status, /3,002 events read, 2,001 matching/);
  const progress = region.getByRole('progressbar', { name: 'Reading the files' });
  assert.equal(await progress.evaluate((p) => p.value === p.max), true);
  // Summary tables.
  const byEvent = await region.locator('table').nth(0).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.deepEqual(byEvent, ['PutRolePolicy1,001', 'AttachUserPolicy1,000']);  // most matches first
  const byPrincipal = await region.locator('table').nth(1).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.deepEqual(byPrincipal.sort(), ['alice1,000', 'bob1,000', 'carol1'].sort());
  // The list holds the first 200 matches, from the first file.
  const items = region.getByRole('list', { name: 'Matching events in the files' }).getByRole('listitem');
  assert.equal(await items.count(), 200);
  assert.match(await items.first().textContent(), /_EXAMPLE\.json\.gz #1 PutRolePolicy/);
  await page.screenshot({ path: `${outputDir}files.png` });
  // Explanation on demand: the event goes into the boxes with the pattern.
  await items.nth(1).getByRole('button', { name: 'Explain' }).click();
  await page.waitForSelector('html[data-results="current"]');
  assert.match(await page.getByRole('textbox', { name: 'Log events' }).inputValue(), /"eventName":"AttachUserPolicy"/);
  assert.deepEqual(await page.getByRole('region', { name: 'Results' }).getByRole('option')
    .evaluateAll((els) => els.map((el) => el.dataset.verdict)), ['match']);
  // Reading the files made no network request.
  assert.deepEqual(requests.slice(before).map((r) => r.url), []);
  assert.deepEqual(session.errors, []);
});

test('each file has its own line: a bad .gz or a binary file never hides the others', async () => {
  const { page } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-files-'));
  const good = join(dir, 'good.jsonl');
  writeFileSync(good, `${JSON.stringify(record(1, 'PutRolePolicy', 'dave'))}\n${JSON.stringify(record(2, 'GetUser', 'dave'))}\n`);
  const bad = join(dir, 'broken.json.gz');
  writeFileSync(bad, 'not gzip at all');
  const binary = join(dir, 'random.json');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  const text = join(dir, 'notes.jsonl');
  writeFileSync(text, 'hello world\nsecond line\n');
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = PutRolePolicy }');
  await page.waitForSelector('html[data-results="current"]');
  await page.locator('#files-input').setInputFiles([bad, good, binary, text]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 30_000 });
  assert.match(await page.locator('#files .files-status').textContent(), /2 events read, 1 matching/);
  const lines = await page.getByRole('list', { name: 'Each file' }).getByRole('listitem').allTextContents();
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^broken\.json\.gz: not read, it is not gzip data at byte 0 /);
  assert.equal(lines[1], 'good.jsonl: 2 events, 1 matching');
  assert.equal(lines[2], 'random.json: not read, not JSON: it starts with binary data; JSON, JSON Lines or a CloudTrail file starts with { or [');
  assert.match(lines[3], /^notes\.jsonl: not read, not JSON: it starts with “hello world/);
  await page.screenshot({ path: `${outputDir}files-each.png` });
});

test('dropping: a CloudTrail .json.gz on the events is read here; a single small .json is left to the saved-test opener', async () => {
  const { page } = session;
  const drop = async (name, bytes) => {
    const dataTransfer = await page.evaluateHandle(({ n, b }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], n));
      return dt;
    }, { n: name, b: [...bytes] });
    await page.dispatchEvent('#events', 'drop', { dataTransfer });
  };
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = PutRolePolicy }');
  await page.waitForSelector('html[data-results="current"]');
  await drop('111122223333_CloudTrail_us-east-1_X.json.gz', gzipSync(JSON.stringify({ Records: [record(1, 'PutRolePolicy', 'dave')] })));
  await page.waitForFunction(() => /1 event read, 1 matching/.test(document.querySelector('#files .files-status').textContent));
  await drop('notes.json', Buffer.from('{"not":"a cwlf test"}'));
  await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
  assert.match(await page.locator('#files .files-status').textContent(), /1 event read, 1 matching/);
});

test('a file with more than 10,000 distinct principals: the summary says the rest are counted together', async () => {
  const { page } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-files-'));
  const file = join(dir, 'sessions.jsonl');
  // Each record is an assumed-role session with its own name (no sessionIssuer).
  let text = '';
  for (let n = 0; n < 10005; n += 1) {
    text += `${JSON.stringify({ eventName: 'GetObject', userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/app/session-${n}` } })}\n`;
  }
  writeFileSync(file, text);
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = GetObject }');
  await page.waitForSelector('html[data-results="current"]');
  await page.locator('#files-input').setInputFiles([file]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
  const region = page.getByRole('region', { name: 'CloudTrail files' });
  assert.match(await region.getByRole('status').textContent(), /10,005 events read, 10,005 matching \(the first 200 are listed\)/);
  assert.equal(await region.getByRole('list', { name: 'Matching events in the files' }).getByRole('listitem').count(), 200);
  const byPrincipal = await region.locator('table').nth(1).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.equal(byPrincipal.length, 51);
  assert.equal(byPrincipal.at(-1), '(any other principal: past the first 10,000 distinct ones, not counted one by one)5');
  const byEvent = await region.locator('table').nth(0).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.deepEqual(byEvent, ['GetObject10,005']);
  assert.deepEqual(session.errors, []);
});
