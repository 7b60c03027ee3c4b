// The events view for big pastes (web/big-events.js): above 128 KB the events
// are drawn a visible line at a time instead of being put in the textarea.
// A paste shows verdicts, the selected event is edited in a small editor as
// one undoable step, Clear and Undo go back and forth between the textarea
// and the view, and a reload keeps the work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paste, prettyCloudTrail } from './big-paste.mjs';
import { loadPage, openPage, outputDir, results, settled, useBrowser, verdictsOf } from './harness.mjs';

const env = useBrowser();

const cloudtrail = (bytes) => prettyCloudTrail(bytes, 'big');

const view = (page) => page.locator('.big-events');
const titles = (page) => results(page).getByRole('option').locator('.event-title').allTextContents();
const stepNote = (page) => page.locator('#step-note').textContent();

test('a paste over the threshold: the view, not the textarea; only lines on screen; verdicts', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await settled(page);
    const { text, events } = cloudtrail(600_000);
    await paste(page, text);
    assert.equal(await view(page).isVisible(), true);
    assert.equal(await page.locator('#events').isVisible(), false);
    // The textarea never held the text.
    assert.equal(await page.locator('#events').inputValue(), '');
    assert.match(await page.locator('#format').textContent(), new RegExp(`^${events.toLocaleString('en-US')} events`));
    const lines = await page.locator('.big-line').count();
    assert.ok(lines > 10 && lines < 200, `${lines} lines in the page for ${text.split('\n').length}`);
    assert.match(await page.locator('.big-size').textContent(), /0\.6 MB · [\d,]+ lines/);
    // The first verdict row is on screen at 1280x800.
    const first = await results(page).getByRole('option').first().boundingBox();
    assert.ok(first && first.y >= 0 && first.y + first.height <= 800, `first result row at ${JSON.stringify(first)}`);
    // The results list draws its first rows, not thousands.
    const rows = await results(page).getByRole('option').count();
    assert.ok(rows >= 50 && rows <= 100, `${rows} rows drawn`);
    assert.equal((await verdictsOf(page)).length, rows);
    await page.screenshot({ path: `${outputDir}big-events.png` });
    // Scrolling the view draws the lines there.
    await page.locator('.big-scroll').evaluate((el) => { el.scrollTop = 20 * 5000; });
    await page.waitForFunction(() => document.querySelector('.big-line[data-line="5010"]') !== null);
    const line = await page.locator('.big-line[data-line="5010"]').textContent();
    assert.equal(line, text.split('\n')[5010] || '\u200b');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('edit one event in the view, Undo restores it; Clear goes back to the textarea; a reload keeps the work', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await settled(page);
    const { text } = cloudtrail(400_000);
    await paste(page, text);
    const before = await titles(page);
    // Select event #2 in the results, then edit it in the view's editor.
    await results(page).getByRole('option').nth(1).click();
    await settled(page);
    const edit = view(page).getByRole('button', { name: 'Edit event #2' });
    await edit.click();
    const editor = page.getByRole('textbox', { name: /Event #2/ });
    const original = await editor.inputValue();
    assert.equal(original, text.slice(text.indexOf(JSON.stringify(JSON.parse(original), null, 4))).slice(0, original.length));
    const eventName = JSON.parse(original).eventName;
    await editor.fill(original.replace(`"eventName": "${eventName}"`, '"eventName": "EditedInTheView"'));
    await view(page).getByRole('button', { name: 'Apply' }).click();
    await settled(page);
    const after = await titles(page);
    assert.match(after[1], /^EditedInTheView/);
    assert.equal(after[0], before[0]);
    assert.equal(after[2], before[2]);
    assert.match(await stepNote(page), /Edited event #2 · Undo/);
    // Only that slice of the text changed: the view still shows a big paste.
    assert.equal(await view(page).isVisible(), true);

    await page.locator('#undo').click();
    await settled(page);
    assert.deepEqual(await titles(page), before);

    // Clear: the textarea is back, empty; Undo brings the view back.
    await view(page).getByRole('button', { name: 'Clear events' }).click();
    await settled(page);
    assert.equal(await view(page).isVisible(), false);
    assert.equal(await page.locator('#events').isVisible(), true);
    assert.equal(await page.locator('#events').inputValue(), '');
    await page.locator('#undo').click();
    await settled(page);
    assert.equal(await view(page).isVisible(), true);
    assert.deepEqual(await titles(page), before);

    // A reload brings the big paste back (kept in this browser). A new big
    // text is saved 1.5 s after the change (keep.js: not between a paste and
    // its verdicts); a write started as the page unloads may not finish.
    await page.waitForTimeout(2500);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    await settled(page);
    assert.equal(await view(page).isVisible(), true);
    assert.deepEqual(await titles(page), before);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('5 MB pasted: the first verdict row is visible', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await settled(page);
    const { text, events } = cloudtrail(5e6);
    await paste(page, text);
    assert.match(await page.locator('#format').textContent(), new RegExp(`^${events.toLocaleString('en-US')} events`));
    const first = await results(page).getByRole('option').first().boundingBox();
    assert.ok(first && first.y >= 0 && first.y + first.height <= 800, `first result row at ${JSON.stringify(first)}`);
    assert.ok(await page.locator('.big-line').count() < 200);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
