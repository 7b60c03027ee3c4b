// Hostile text in patterns and events — typed, or arriving in a crafted
// share link — is shown as text: no element is created from it, no script
// runs, no javascript: link appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, openPage, outputDir, settled, useBrowser } from './harness.mjs';

// ./serve.sh and Chromium for the whole file; each test opens its own page.
const env = useBrowser();

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const LINK = '<a href="javascript:window.__pwned=\'link\'">click</a>';
const EVENTS = [
  JSON.stringify({ eventName: SCRIPT, note: IMG, url: 'javascript:alert(1)' }),
  JSON.stringify({ eventName: 'PutRolePolicy', userIdentity: { userName: LINK } }),
  `${IMG} plain text line with ${SCRIPT}`,
  `{"broken": "${IMG}`,
].join('\n') + '\n';
// Valid, and it reads the hostile values (so they appear in the explanation).
const PATTERN = `{ $.eventName = "<script>*" || $.userIdentity.userName = "${LINK.replace(/"/g, '\\"')}" }`;
// Invalid, with the hostile text right where the error message quotes it.
const BAD_PATTERN = `{ $.eventName == "${IMG.replace(/"/g, '\\"')}" }`;

// The page's own elements of the kinds an injection would add.
async function injected(page) {
  return page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].filter((s) => !/(boot|app|worker-protocol)\.js$/.test(s.src)).length,
    images: document.querySelectorAll('body img, body iframe, body object, body embed').length,
    links: [...document.querySelectorAll('a')].filter((a) => /^javascript:/i.test(a.getAttribute('href') || '')).length,
    handlers: [...document.querySelectorAll('body *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    pwned: window.__pwned,
  }));
}

async function checkShownAsText(page) {
  await settled(page);
  assert.deepEqual(await injected(page), { scripts: 0, images: 0, links: 0, handlers: 0, pwned: undefined });
  const titles = await page.locator('#event-list .event-title').allTextContents();
  // (titles are cut at 80 characters)
  assert.ok(titles.some((t) => t.includes('<script>window.__pwned')), titles.join(' | '));
  assert.ok(titles.some((t) => t.includes(IMG)), titles.join(' | '));
  // The explanation quotes the values it found, as text.
  await page.locator('#event-list [role="option"]').nth(1).click();
  await settled(page);
  assert.ok((await page.locator('#explain-tree').textContent()).includes(LINK));
  assert.deepEqual(await injected(page), { scripts: 0, images: 0, links: 0, handlers: 0, pwned: undefined });
}

test('typed: hostile patterns and events are shown as text', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await page.getByRole('textbox', { name: 'Filter pattern' }).fill(PATTERN);
    await page.getByRole('textbox', { name: 'Log events' }).fill(EVENTS);
    await checkShownAsText(page);

    await page.getByRole('textbox', { name: 'Filter pattern' }).fill(BAD_PATTERN);
    await settled(page);
    assert.match(await page.locator('#pattern-status').textContent(), /InvalidParameterException/);
    assert.deepEqual(await injected(page), { scripts: 0, images: 0, links: 0, handlers: 0, pwned: undefined });

    // The share link of hostile text is a value of a text box, nothing more.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('share-link').value.includes('#v1='));
    assert.deepEqual(await injected(page), { scripts: 0, images: 0, links: 0, handlers: 0, pwned: undefined });
    await page.waitForTimeout(300);  // an onerror would have fired by now
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// The link is made by the page's own share-link.js, in the browser (Node 18's
// CompressionStream has no 'deflate-raw'), in a context of its own.
async function shareFragment(suite) {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await page.goto(env.server.url);
    return await page.evaluate(async (s) => (await import('./share-link.js')).encodeFragment(s), suite);
  } finally {
    await context.close();
  }
}

test('from a crafted share link: the same, and the link is not followed anywhere', async () => {
  const fragment = await shareFragment({
    cwlf: 'suite', v: 1, pattern: PATTERN, events: EVENTS,
    expectations: [{ event: 1, expect: 'match' }, { event: 2, expect: 'no-match' }], selected: 2,
  });
  const { context, page, requests, errors } = await openPage(env.browser, env.server);
  try {
    await page.goto(`${env.server.url}${fragment}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    assert.equal(await page.getByRole('textbox', { name: 'Filter pattern' }).inputValue(), PATTERN);
    assert.equal(await page.getByRole('textbox', { name: 'Log events' }).inputValue(), EVENTS);
    await checkShownAsText(page);
    await page.screenshot({ path: `${outputDir}xss-share-link.png` });
    assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== env.server.origin).map((r) => r.url), []);
    assert.ok(!requests.some((r) => /\/x$/.test(new URL(r.url).pathname)), 'no <img src=x> was loaded');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
