// Errors in Japanese on the page, in Chromium: a broken pattern's reason
// (AWS's message verbatim, the fault underlined at the same place) and a
// malformed event's note follow the English / 日本語 switch live; the alarm
// panel says which setting holds no valid value, and the engine's refusal of
// a period AWS does not accept, in the page's language; a file that is not
// gzip is described in Japanese. Screenshots of a broken pattern and of the
// alarm panel in Japanese at 1280x800 and 390x844 go to tests/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadPage, openPage, outputDir, settled, useBrowser } from './harness.mjs';

const env = useBrowser();

async function open(locale, size = {}) {
  const opened = await openPage(env.browser, env.server, { locale, ...size });
  await loadPage(opened.page, env.server);
  await settled(opened.page);
  return opened;
}

// The boxes by id: their accessible names are in the page's language.
async function enter(page, { pattern, events }) {
  if (pattern !== undefined) await page.locator('textarea#pattern').fill(pattern);
  if (events !== undefined) await page.locator('textarea#events').fill(events);
  await settled(page);
}

const statusText = (page) => page.locator('#pattern-status').evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
// The underlined fault: its text and where it starts in the pattern.
const mark = (page) => page.locator('#pattern-field mark.err').evaluate((m) => {
  const mirror = document.querySelector('#pattern-field .mirror');
  const range = document.createRange();
  range.setStart(mirror, 0);
  range.setEndBefore(m);
  return { text: m.textContent, offset: range.toString().length };
});
const switchTo = async (page, name) => {
  await page.getByRole('button', { name }).click();
  await settled(page);
};
// Waits until the pattern's status says `re` (the engine answers the language change).
const statusSays = (page, re) => page.waitForFunction((source) => new RegExp(source).test(document.getElementById('pattern-status').textContent), re.source, { timeout: 15_000 });

test('a broken pattern\'s reason follows the language switch; AWS\'s message and the underline stay', async () => {
  const { page, context, errors } = await open('en-US');
  try {
    await enter(page, { pattern: '{ $.a = }' });
    const english = await statusText(page);
    assert.ok(english.includes("Expected a value after '=' (a string, a number, or * for any value), but found '}'."), english);
    assert.ok(english.includes('InvalidParameterException: Invalid metric filter pattern'), english);
    const where = await mark(page);
    assert.deepEqual(where, { text: '}', offset: 8 });

    await switchTo(page, '日本語');
    await statusSays(page, /があります/);
    const japanese = await statusText(page);
    assert.ok(japanese.includes("'=' の後には値（文字列、数値、または任意の値を表す *）が必要ですが、'}' があります。"), japanese);
    assert.ok(japanese.includes('InvalidParameterException: Invalid metric filter pattern'), japanese);
    assert.doesNotMatch(japanese, /Expected|but found/);
    assert.deepEqual(await mark(page), where);

    // A regex refusal, typed while the page is in Japanese.
    await enter(page, { pattern: '{ $.a = %\\bERR% }' });
    assert.match(await statusText(page), /単語境界 \\b は Java では使えますが、cwlf では未対応です/);

    await switchTo(page, 'English');
    await statusSays(page, /valid in Java/);
    assert.match(await statusText(page), /the word boundary \\b is valid in Java but not supported by cwlf/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a malformed event\'s note is said again in the new language', async () => {
  const { page, context, errors } = await open('ja-JP');
  try {
    await enter(page, { pattern: '{ $.a = 1 }', events: '{"a": 1}\n\n{"b": tru}\n\nhello' });
    const notes = () => page.locator('#event-list .event-error').evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
    const ja = await notes();
    assert.equal(ja.length, 2, ja.join('\n'));
    assert.match(ja[0], /JSON として正しくありません（3 行目、7 列目）：ここには値（オブジェクト、配列、文字列、数値、true、false、null）が必要です。/);
    assert.match(ja[1], /ここより前のイベントは JSON なので、ここにも JSON オブジェクトが必要ですが、'hello' があります。/);
    await switchTo(page, 'English');
    // (the list is drawn again when the engine's answer in English arrives)
    await page.waitForFunction(() => /Invalid JSON/.test(document.getElementById('event-list').textContent), null, { timeout: 15_000 });
    const en = await notes();
    assert.match(en[0], /Invalid JSON at line 3, column 7: expected a value here/);
    assert.match(en[1], /Expected a JSON object here \(the events above are JSON\); found 'hello'/);
    await switchTo(page, '日本語');
    await page.waitForFunction(() => /JSON として正しくありません/.test(document.getElementById('event-list').textContent), null, { timeout: 15_000 });
    assert.deepEqual(await notes(), ja);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('screenshots: a broken pattern in Japanese, 1280x800 and 390x844', async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const { page, context, errors } = await open('ja-JP', { width, height });
    try {
      await enter(page, { pattern: '{ ($.eventSource = "iam.amazonaws.com") && ($.userIdentity.sessionContext.sessionIssuer.userName != cm-policymaintainer && $.eventName = Put*Policy@) }' });
      assert.match(await statusText(page), /引用符なしの値には '@' を使えません。値をダブルクォートで囲んでください/);
      // Nothing wider than the page: long Japanese sentences wrap.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}px`);
      await page.locator('#pattern-status').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${outputDir}i18n-pattern-error-ja-${width}.png` });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('the alarm panel in Japanese: an invalid setting named, a period AWS refuses, a file that is not gzip', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-i18n-alarm-'));
  const good = join(dir, '111122223333_CloudTrail_us-east-1_20261120T1000Z_a.json.gz');
  const records = [];
  for (let i = 0; i < 6; ++i) records.push({ eventTime: `2026-11-20T10:0${i}:00Z`, userIdentity: { type: 'IAMUser' }, eventName: 'ConsoleLogin', errorCode: 'Failed authentication' });
  writeFileSync(good, gzipSync(JSON.stringify({ Records: records })));
  const broken = join(dir, 'broken.json.gz');
  writeFileSync(broken, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const { page, context, errors } = await open('ja-JP', { width, height });
    try {
      await enter(page, { pattern: '{ $.errorCode = "Failed authentication" }' });
      await page.locator('#files-input').setInputFiles([good, broken]);
      await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
      const files = await page.locator('#files').evaluate((el) => el.innerText);
      assert.match(files, /broken\.json\.gz: 読み込めませんでした（gzip データが/);
      const panel = page.locator('#alarm-panel');
      await panel.locator('summary').click();
      const status = () => panel.locator('.alarm-status').evaluate((el) => el.textContent.trim());
      // A value the form cannot hold: the field is named, in Japanese.
      await panel.locator('input[name="alarm-n"]').fill('0');
      assert.match(await status(), /^評価期間（N）：1 から 10000000 までの整数を入力してください。$/);
      await panel.locator('input[name="alarm-n"]').fill('1');
      assert.equal(await status(), '');
      // A period AWS does not accept: the engine's rule, in Japanese, and in English after the switch.
      await panel.locator('input[name="alarm-period"]').fill('90');  // (the form's own step stops 7)
      await panel.locator('button[type="submit"]').click();
      await page.waitForSelector('html[data-alarm="failed"]', { timeout: 60_000 });
      assert.equal(await status(), 'アラームを再生できません：期間は 10、20、30 秒か 60 秒の倍数にしてください（PutMetricAlarm の Period）。90 は使えません。');
      if (width === 1280) {
        await switchTo(page, 'English');
        await page.waitForFunction(() => /The period must be/.test(document.querySelector('#alarm-panel .alarm-status').textContent));
        await switchTo(page, '日本語');
        await page.waitForFunction(() => /期間は 10、20、30 秒/.test(document.querySelector('#alarm-panel .alarm-status').textContent));
      }
      // The options: AWS's names with the Japanese words.
      assert.equal(await panel.locator('select[name="alarm-statistic"] option[value="Sum"]').textContent(), '合計（Sum）');
      // A valid period: the broken gzip file stops the replay (its reason, framed in Japanese).
      await panel.locator('input[name="alarm-period"]').fill('300');
      await panel.locator('input[name="alarm-threshold"]').fill('5');
      await panel.locator('button[type="submit"]').click();
      await page.waitForFunction(() => document.documentElement.dataset.alarm === 'failed' &&
        !/90/.test(document.querySelector('#alarm-panel .alarm-status').textContent), null, { timeout: 60_000 });
      assert.match(await status(), /^アラームを再生できません：/);
      // The good file alone: the chart and its table.
      await page.locator('#files-input').setInputFiles([good]);
      await page.waitForFunction(() => document.documentElement.dataset.files === 'done' &&
        !/broken/.test(document.getElementById('files').textContent), null, { timeout: 60_000 });
      await panel.locator('button[type="submit"]').click();
      await page.waitForSelector('html[data-alarm="done"]', { timeout: 60_000 });
      assert.match(await status(), /一致したイベントが 6 件/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}px`);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${outputDir}i18n-alarm-ja-${width}.png` });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
