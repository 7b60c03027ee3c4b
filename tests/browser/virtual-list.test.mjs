// The results list of a paste with many events (web/results-list.js): above
// VIRTUAL_ABOVE events only the rows in view are in the page, yet the first
// verdict is on screen, scrolling reaches the last event, the keyboard moves
// through the whole list, the selected event is explained, and choosing an
// event in the events view brings its row into the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paste, prettyCloudTrail } from './big-paste.mjs';
import { loadPage, openPage, outputDir, results, settled, useBrowser } from './harness.mjs';

const env = useBrowser();

// The drawn options: [event number (from 1), aria-posinset, aria-setsize, selected].
const drawn = (page) => results(page).getByRole('option').evaluateAll((els) => els.map((el) => [
  Number(el.dataset.index) + 1, Number(el.getAttribute('aria-posinset')), Number(el.getAttribute('aria-setsize')),
  el.getAttribute('aria-selected') === 'true']));
const explained = (page) => page.locator('#explain-summary .explain-title .event-number').textContent();

test('1,500 events: a virtual list that scrolls to the end, moves with the keyboard and explains', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await settled(page);
    const { text, events } = prettyCloudTrail(2_100_000, 'vl');
    assert.ok(events > 1000, `${events} events`);
    await paste(page, text);
    assert.match(await page.locator('#format').textContent(), new RegExp(`^${events.toLocaleString('en-US')} events`));
    assert.equal(await page.locator('#event-list').getAttribute('class'), 'event-list virtual');

    // The first verdict row is on screen at 1280x800, and says where it stands.
    const first = await results(page).getByRole('option').first().boundingBox();
    assert.ok(first && first.y >= 0 && first.y + first.height <= 800, `first result row at ${JSON.stringify(first)}`);
    let rows = await drawn(page);
    assert.deepEqual(rows[0].slice(0, 3), [1, 1, events]);
    assert.ok(rows.length >= 5 && rows.length <= 40, `${rows.length} rows in the page`);
    assert.ok(await results(page).getByRole('option').first().getAttribute('data-verdict'));

    // Scrolled to the end: the last event's row is there (and only a window of rows).
    await page.locator('#event-list').evaluate((ul) => { ul.scrollTop = ul.scrollHeight; });
    await page.waitForFunction((n) => document.querySelector(`#event-list [data-index="${n - 1}"]`) !== null, events);
    rows = await drawn(page);
    assert.deepEqual(rows[rows.length - 1].slice(0, 3), [events, events, events]);
    assert.ok(rows.length <= 40, `${rows.length} rows in the page`);
    const last = await page.locator(`#event-list [data-index="${events - 1}"]`).boundingBox();
    const list = await page.locator('#event-list').boundingBox();
    assert.ok(last.y + last.height <= list.y + list.height + 1, 'the last row is inside the list');
    await page.screenshot({ path: `${outputDir}virtual-list-end.png` });

    // Keyboard: Home goes back to the first event, ArrowDown to the second, End to the last.
    await page.locator(`#event-list [data-index="${events - 1}"]`).focus();
    await page.keyboard.press('Home');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '0');
    await page.keyboard.press('ArrowDown');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '1');
    assert.equal(await explained(page), '#2');
    await page.keyboard.press('End');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), String(events - 1));
    assert.equal(await explained(page), `#${events}`);
    rows = await drawn(page);
    assert.deepEqual(rows.filter((r) => r[3]).map((r) => r[0]), [events]);
    await page.keyboard.press('PageUp');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), String(events - 11));

    // An event chosen in the events view: its row is drawn, selected and explained.
    const target = 700;
    const line = text.slice(0, text.indexOf(`"eventID": "vl-${target}"`)).split('\n').length - 1;
    await page.locator('.big-scroll').evaluate((el, y) => { el.scrollTop = y; }, line * 20);
    await page.waitForSelector(`.big-line[data-line="${line}"]`);
    await page.locator(`.big-line[data-line="${line}"]`).click();
    await settled(page);
    await page.waitForSelector(`#event-list [data-index="${target}"][aria-selected="true"]`);
    assert.equal(await explained(page), `#${target + 1}`);
    const row = await page.locator(`#event-list [data-index="${target}"]`).boundingBox();
    const box = await page.locator('#event-list').boundingBox();
    assert.ok(row.y >= box.y - 1 && row.y + row.height <= box.y + box.height + 1, 'the chosen row is in view');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
