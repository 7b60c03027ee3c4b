// The page's .gz reader inflates in wasm (web/file-bytes.js, core/gunzip):
// files of several members, a cut file and a damaged one each get their own
// line with the reason, and the good files' events are all read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useLoadedPage } from './harness.mjs';

const session = useLoadedPage({ height: 1100 });

const record = (i, eventName) => ({
  eventTime: '2026-11-20T09:14:02Z', eventSource: 'iam.amazonaws.com', eventName, eventID: `evt-${i}`,
  userIdentity: { type: 'IAMUser', userName: 'dave', arn: 'arn:aws:iam::111122223333:user/dave' },
});
const records = (from, n) => Array.from({ length: n }, (_, k) => record(from + k, k % 2 ? 'PutRolePolicy' : 'GetUser'));

test('.json.gz files: two members, a cut file and a damaged one, each on its own line', async () => {
  const { page } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-gunzip-'));
  const two = join(dir, 'a-two-members.json.gz');
  const lines = (rs) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(two, Buffer.concat([gzipSync(lines(records(0, 10))), gzipSync(lines(records(10, 10)))]));
  const whole = gzipSync(JSON.stringify({ Records: records(100, 40) }));
  const cut = join(dir, 'b-cut.json.gz');
  writeFileSync(cut, whole.subarray(0, whole.length - 30));
  const damaged = join(dir, 'c-damaged.json.gz');
  const bad = Buffer.from(whole);
  bad[bad.length - 6] ^= 0xff;  // the length in the trailer
  writeFileSync(damaged, bad);
  const good = join(dir, 'd-records.json.gz');
  writeFileSync(good, whole);

  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = PutRolePolicy }');
  await page.waitForSelector('html[data-results="current"]');
  await page.locator('#files-input').setInputFiles([two, cut, damaged, good]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 30_000 });
  const each = await page.getByRole('list', { name: 'Each file' }).getByRole('listitem').allTextContents();
  assert.deepEqual(each.slice(0, 1), ['a-two-members.json.gz: 20 events, 10 matching']);
  assert.match(each[1], /^b-cut\.json\.gz: not read, the gzip data is cut short/);
  assert.match(each[2], /^c-damaged\.json\.gz: not read, the gzip data is corrupt \(its checksum or length does not match/);
  assert.equal(each[3], 'd-records.json.gz: 40 events, 20 matching');
  assert.match(await page.locator('#files .files-status').textContent(), /60 events read, 30 matching/);
  assert.deepEqual(session.errors, []);
});

test('a .gz that inflates past what wasm holds at once (128 MB) is read as a stream instead', async () => {
  const { page } = session;
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-gunzip-'));
  const big = join(dir, 'big.jsonl.gz');
  // Two events around 130 MB of blank lines: a small .gz (about 130 KB).
  const blank = Buffer.alloc(130 << 20, 0x0a);
  writeFileSync(big, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(record(1, 'PutRolePolicy'))}\n`), blank,
    Buffer.from(`${JSON.stringify(record(2, 'PutRolePolicy'))}\n`)]), { level: 9 }));
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill('{ $.eventName = PutRolePolicy }');
  await page.waitForSelector('html[data-results="current"]');
  await page.locator('#files-input').setInputFiles([big]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
  const each = await page.getByRole('list', { name: 'Each file' }).getByRole('listitem').allTextContents();
  assert.deepEqual(each, ['big.jsonl.gz: 2 events, 2 matching']);
  assert.deepEqual(session.errors, []);
});
