// The page in Japanese and English, in Chromium: the language follows the
// browser (navigator.languages), the English / 日本語 switch changes it live
// (the engine's explanations and warnings too), and a share link carries the
// language its author chose. Screenshots of the seed example in both
// languages at 1280x800 and 390x844 go to tests/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, openPage, outputDir, settled, useBrowser } from './harness.mjs';

const env = useBrowser();

async function open(locale, options = {}) {
  const opened = await openPage(env.browser, env.server, { locale, ...options });
  await loadPage(opened.page, env.server);
  await settled(opened.page);
  return opened;
}

async function verdicts(page) {
  await settled(page);
  return page.locator('#event-list [role="option"]').evaluateAll((els) => els.map((el) => el.querySelector('.verdict').textContent.replace(/[✓✗!–]/g, '').trim()));
}

async function selectThird(page) {
  // (by id: the list's accessible name is in the page's language)
  await page.locator('#event-list [role="option"]').nth(2).click();
  await settled(page);
}

const text = (page, selector) => page.locator(selector).first().evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
const fixLabels = (page) => page.locator('#warning-list .fix').evaluateAll((els) => els.map((el) => el.textContent));
const SELECTOR = '$.userIdentity.sessionContext.sessionIssuer.userName';

async function assertJapanese(page) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.deepEqual(await verdicts(page), ['不一致', '一致', '不一致', '不一致']);
  await selectThird(page);
  // What decided event #3, and why: Japanese around untranslated selectors and values.
  assert.match(await text(page, '#explain-summary .decided-by'), /^判定を決めた条件：/);
  const reason = await text(page, '#explain-summary .decided-reason');
  assert.ok(reason.startsWith(`${SELECTOR} が存在しません。$.userIdentity に sessionContext がないためです`), reason);
  assert.match(reason, /userIdentity\.type は IAMUser/);
  assert.match(reason, /!= も例外ではありません/);
  // The warning and its two fixes.
  const warning = await text(page, '#warning-list .warning-message');
  assert.match(warning, /4 件中 1 件の JSON イベント（#3、ID タイプは IAMUser）/);
  assert.match(warning, /欠落フィールドの落とし穴/);
  assert.ok(warning.includes(SELECTOR));
  assert.deepEqual(await fixLabels(page), ['フィールドがない場合も一致させる', 'AssumedRole の ID にだけ適用する']);
  // Static text and accessible names.
  assert.equal(await text(page, '#results-heading'), '結果');
  assert.equal(await page.getByRole('textbox', { name: 'フィルターパターン' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: '日本語' }).getAttribute('aria-pressed'), 'true');
}

async function assertEnglish(page) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(await verdicts(page), ['No match', 'Match', 'No match', 'No match']);
  await selectThird(page);
  assert.match(await text(page, '#explain-summary .decided-by'), /^Decided by /);
  const reason = await text(page, '#explain-summary .decided-reason');
  assert.equal(reason, `${SELECTOR} is missing: $.userIdentity has no sessionContext (this event's userIdentity.type is IAMUser); ` +
    'CloudWatch treats every comparison with a missing field as false, even !=.');
  assert.match(await text(page, '#warning-list .warning-message'), /is missing from 1 of the 4 JSON events \(#3\), whose identity type is IAMUser/);
  assert.deepEqual(await fixLabels(page), ['Also match when the field is missing', 'Apply it to AssumedRole identities only']);
  assert.equal(await page.getByRole('textbox', { name: 'Filter pattern' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
}

// The seed example in a Japanese and an English browser, with screenshots of
// both at 1280x800 and 390x844 (nothing may be wider than the narrow screen:
// Japanese has to wrap inside the cards).
for (const [locale, lang, name, check] of [
  ['ja-JP', 'ja', 'a Japanese browser gets the page and the explanations in Japanese', assertJapanese],
  ['en-US', 'en', 'an English browser gets English', assertEnglish],
]) {
  test(name, async () => {
    const { page, context, errors } = await open(locale);
    try {
      await check(page);
      await page.screenshot({ path: `${outputDir}i18n-${lang}-1280x800.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${outputDir}i18n-${lang}-390x844.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the switch changes the language live, and back', async () => {
  const { page, context, errors } = await open('en-US');
  try {
    await page.getByRole('button', { name: '日本語' }).click();
    await assertJapanese(page);
    await page.getByRole('button', { name: 'English' }).click();
    await assertEnglish(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// A share link made in an English browser; `choose`: the language picked
// with the switch first (none: the author never chose).
async function linkFrom({ choose = null } = {}) {
  const author = await open('en-US');
  try {
    if (choose) {
      await author.page.getByRole('button', { name: choose }).click();
      await settled(author.page);
    }
    await author.page.locator('#share').click();
    await author.page.waitForFunction(() => document.getElementById('share-link').value.includes('#v1='));
    return await author.page.locator('#share-link').inputValue();
  } finally {
    await author.context.close();
  }
}

async function goTo(page, link) {
  await page.goto(link);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  await settled(page);
}

test('a share link carries the language its author chose; the reader may choose another', async () => {
  const link = await linkFrom({ choose: '日本語' });
  // An English reader who never chose: the link's Japanese.
  const reader = await openPage(env.browser, env.server, { locale: 'en-US' });
  try {
    await goTo(reader.page, link);
    await assertJapanese(reader.page);
    // The reader's own choice wins over the link's, also when the link is opened again.
    await reader.page.getByRole('button', { name: 'English' }).click();
    await assertEnglish(reader.page);
    await reader.page.goto('about:blank');
    await goTo(reader.page, link);
    await assertEnglish(reader.page);
    assert.deepEqual(reader.errors, []);
  } finally {
    await reader.context.close();
  }
});

test('a link made without a choice opens in the reader\'s language', async () => {
  const link = await linkFrom();
  const reader = await openPage(env.browser, env.server, { locale: 'ja-JP' });
  try {
    await goTo(reader.page, link);
    await assertJapanese(reader.page);
  } finally {
    await reader.context.close();
  }
});
