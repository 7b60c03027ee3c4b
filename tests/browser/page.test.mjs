// The page as a user sees it: ./serve.sh on a free port, Debian's Chromium,
// the seed scenario typed and pasted by hand. Also: no request leaves the
// page's origin, and none at all is made once the first result is shown.
//
// Screenshots go to tests/output/ (gitignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsBox, loadPage, openPage, outputDir, patternBox, results, seedEvents, seedPattern, seedText, settled, useBrowser,
} from './harness.mjs';

// ./serve.sh and Chromium for the whole file; each test opens its own page.
const env = useBrowser();

// ---- helpers ------------------------------------------------------------------

const explanation = (page) => page.getByRole('region', { name: 'Explanation' });

// Waits until the results drawn are those of the boxes' current text.

async function verdicts(page) {
  await settled(page);
  return results(page).getByRole('option').evaluateAll((els) => els.map((el) => el.querySelector('.verdict').textContent.replace(/\s+/g, ' ').trim()));
}

// The decisive node(s) of the explanation that have no decisive node below.
async function decidingNodes(page) {
  await settled(page);
  return explanation(page).locator('.node[data-decisive="true"]').evaluateAll((els) => els
    .filter((el) => !el.closest('li').querySelector(':scope > ul .node[data-decisive="true"]'))
    .map((el) => ({
      kind: el.dataset.kind,
      outcome: el.dataset.outcome,
      text: el.querySelector('.node-text').textContent,
      found: el.querySelector('.found') ? el.querySelector('.found').textContent : null,
    })));
}

async function enter(page, { pattern, events, typePattern = false }) {
  if (pattern !== undefined) {
    const box = patternBox(page);
    if (typePattern) {
      await box.fill('');
      await box.pressSequentially(pattern);
    } else {
      await box.fill(pattern);
    }
  }
  if (events !== undefined) await eventsBox(page).fill(events);
  await settled(page);
}

// ---- tests ------------------------------------------------------------------------

test('first visit: the worked example is loaded and explained; no request after load', async (t) => {
  const { context, page, requests, errors } = await openPage(env.browser, env.server);
  try {
    const { firstResultMs, timing, loadedAt } = await loadPage(page, env.server);
    t.diagnostic(`time to first result after navigation: ${firstResultMs.toFixed(0)} ms ` +
      `(DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, engine ready ${timing.engineReady.toFixed(0)} ms)`);
    assert.ok(firstResultMs !== null && firstResultMs < 10_000);

    assert.equal(await patternBox(page).inputValue(), seedPattern);
    assert.equal(await eventsBox(page).inputValue(), seedText);
    assert.deepEqual(await verdicts(page), ['✗ No match', '✓ Match', '✗ No match', '✗ No match']);
    const titles = await results(page).getByRole('option').locator('.event-title').allTextContents();
    assert.deepEqual(titles, [
      'PutRolePolicy · cm-policymaintainer',
      'PutRolePolicy · cm-dummuyRole',
      'AttachUserPolicy · alice',
      'DescribeInstances · cm-dummuyRole',
    ]);
    const counts = await results(page).locator('.counts').textContent();
    assert.match(counts, /4 events/);
    assert.match(counts, /1 match/);
    assert.match(counts, /3 no match/);
    assert.match(counts, /0 errors/);

    // The first event is selected and explained.
    const deciding = await decidingNodes(page);
    assert.equal(deciding.length, 1);
    assert.match(deciding[0].text, /sessionIssuer\.userName!=cm-policymaintainer/);
    assert.match(deciding[0].found, /cm-policymaintainer/);

    await page.screenshot({ path: `${outputDir}screenshot-seed.png` });
    await page.screenshot({ path: `${outputDir}screenshot-seed-full.png`, fullPage: true });

    // Using the page (selecting, hovering, typing) makes no request at all.
    const before = requests.length;
    await results(page).getByRole('option').nth(2).click();
    await explanation(page).locator('.node').first().hover();
    await patternBox(page).press('End');
    await patternBox(page).type(' ');
    await settled(page);
    await page.waitForTimeout(300);
    assert.deepEqual(requests.slice(before).map((r) => r.url), []);
    assert.ok(requests.every((r) => r.at <= loadedAt));

    // Every request of the load went to the page's own origin.
    const foreign = requests.filter((r) => new URL(r.url).origin !== env.server.origin);
    assert.deepEqual(foreign.map((r) => r.url), []);
    const paths = requests.map((r) => new URL(r.url).pathname);
    for (const file of ['/', '/cwlf.js', '/cwlf.wasm', '/engine-worker.js', '/seed-example.js']) {
      assert.ok(paths.includes(file), `${file} was loaded (${paths.join(', ')})`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('narrow window and dark mode render the example (screenshots)', async () => {
  for (const [name, options] of [
    ['screenshot-seed-narrow.png', { width: 420, height: 900 }],
    ['screenshot-seed-dark.png', { width: 1280, height: 800, colorScheme: 'dark' }],
  ]) {
    const { context, page, errors } = await openPage(env.browser, env.server, options);
    try {
      await loadPage(page, env.server);
      assert.deepEqual(await verdicts(page), ['✗ No match', '✓ Match', '✗ No match', '✗ No match']);
      // Nothing is wider than the window.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
      await page.screenshot({ path: `${outputDir}${name}`, fullPage: name.includes('narrow') });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('typed exclusion pattern: the maintenance role is excluded, another role matches', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await page.getByRole('button', { name: 'Clear' }).click();
    await enter(page, { events: seedEvents[0] });
    await enter(page, { pattern: seedPattern, typePattern: true });
    assert.deepEqual(await verdicts(page), ['✗ No match']);
    let deciding = await decidingNodes(page);
    assert.equal(deciding.length, 1);
    assert.equal(deciding[0].kind, 'condition');
    assert.equal(deciding[0].outcome, 'false');
    assert.match(deciding[0].text, /sessionIssuer\.userName!=cm-policymaintainer/);
    assert.match(deciding[0].found, /"cm-policymaintainer"/);

    // Hovering the node marks its span in the pattern and the value in the event.
    const node = explanation(page).locator('.node[data-decisive="true"][data-kind="condition"]');
    await node.hover();
    const patternMark = await page.locator('#pattern-field mark.hl').textContent();
    assert.match(patternMark, /^\(?\$\.userIdentity\.sessionContext\.sessionIssuer\.userName!=cm-policymaintainer\)?$/);
    assert.equal(await page.locator('#events-field mark.hl').textContent(), '"cm-policymaintainer"');
    // Keyboard focus does the same.
    await page.mouse.move(0, 0);
    await node.focus();
    assert.equal(await page.locator('#events-field mark.hl').textContent(), '"cm-policymaintainer"');

    await enter(page, { events: seedEvents[0].replaceAll('cm-policymaintainer', 'cm-dummuyRole') });
    assert.deepEqual(await verdicts(page), ['✓ Match']);
    deciding = await decidingNodes(page);
    assert.ok(deciding.every((d) => d.outcome === 'true'));
    assert.ok(deciding.some((d) => /PutRolePolicy/.test(d.text)));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an IAM-user event: no match, decided by != on a missing field', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await enter(page, { events: seedEvents[2] });
    assert.deepEqual(await verdicts(page), ['✗ No match']);
    const title = await results(page).getByRole('option').first().locator('.event-title').textContent();
    assert.equal(title, 'AttachUserPolicy · alice');
    const deciding = await decidingNodes(page);
    assert.equal(deciding.length, 1);
    assert.equal(deciding[0].kind, 'condition');
    assert.equal(deciding[0].outcome, 'false');
    assert.match(deciding[0].text, /!=/);
    assert.match(deciding[0].found, /missing/);
    // Every node says its outcome in data-outcome; the || after the false
    // condition was never evaluated.
    const outcomes = await explanation(page).locator('.node').evaluateAll((els) => els.map((el) => el.dataset.outcome));
    assert.ok(outcomes.every((o) => ['true', 'false', 'skipped'].includes(o)));
    assert.ok(outcomes.includes('skipped'));
  } finally {
    await context.close();
  }
});

test('the || group decides for an event of another name', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await results(page).getByRole('option').nth(3).click();
    await settled(page);
    const summary = await explanation(page).locator('.explain-summary').textContent();
    assert.match(summary, /#4/);
    assert.match(summary, /DescribeInstances/);
    const deciding = await decidingNodes(page);
    assert.equal(deciding.length, 16);
    assert.ok(deciding.every((d) => d.outcome === 'false' && /DescribeInstances/.test(d.found)));
    const or = explanation(page).locator('.node[data-kind="or"]');
    assert.equal(await or.getAttribute('data-decisive'), 'true');
    assert.equal(await or.getAttribute('data-outcome'), 'false');
  } finally {
    await context.close();
  }
});

test('a syntax error is underlined in the pattern, with its message and the AWS wording', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const pattern = '{ $.eventName == "PutRolePolicy" }';
    await enter(page, { pattern });
    assert.equal(await page.locator('#pattern-field mark.err').textContent(), '==');
    const status = await page.locator('#pattern-status').textContent();
    assert.match(status, /column 15/);
    assert.match(status, /InvalidParameterException: Invalid metric filter pattern/);
    assert.match(status, /'='/);
    // The events are listed but not tested.
    assert.deepEqual(await verdicts(page), ['– Not tested', '– Not tested', '– Not tested', '– Not tested']);

    // An error at the very end marks the last character.
    await enter(page, { pattern: '{ $.eventName = PutRolePolicy' });
    assert.equal(await page.locator('#pattern-field mark.err').textContent(), 'y');
    assert.match(await page.locator('#pattern-status').textContent(), /end of the pattern/);

    // Fixing it clears the mark.
    await enter(page, { pattern: '{ $.eventName = PutRolePolicy }' });
    assert.equal(await page.locator('#pattern-field mark.err').count(), 0);
    assert.deepEqual(await verdicts(page), ['✓ Match', '✓ Match', '✗ No match', '✗ No match']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an invalid event shows its error and position; the other events are still tested', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const events = '{"user":"bob"}\n{"user": }\n{"user":"eve"}\n';
    await enter(page, { pattern: '{ $.user = "bob" }', events });
    assert.deepEqual(await verdicts(page), ['✓ Match', '! Error', '✗ No match']);
    const error = await results(page).getByRole('option').nth(1).locator('.event-error').textContent();
    assert.match(error, /line 2, column \d+/);
    await results(page).getByRole('option').nth(1).click();
    await settled(page);
    assert.match(await explanation(page).textContent(), /not tested/);
    assert.ok(await page.locator('#events-field mark.err').count() > 0);
  } finally {
    await context.close();
  }
});

test('keyboard: the events list is navigable with the arrow keys', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await results(page).getByRole('option').first().focus();
    await page.keyboard.press('ArrowDown');
    await settled(page);
    assert.equal(await results(page).getByRole('option', { selected: true }).locator('.event-title').textContent(), 'PutRolePolicy · cm-dummuyRole');
    assert.match(await explanation(page).locator('.explain-summary').textContent(), /#2/);
    await page.keyboard.press('End');
    await settled(page);
    assert.match(await explanation(page).locator('.explain-summary').textContent(), /#4/);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'option');
  } finally {
    await context.close();
  }
});

test('user text is shown as text, never as HTML', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await enter(page, { pattern: '"<img"', events: `${evil}\nplain line\n` });
    assert.deepEqual(await verdicts(page), ['✓ Match', '✗ No match']);
    assert.equal(await page.locator('main img, main b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const title = await results(page).getByRole('option').first().locator('.event-title').textContent();
    assert.equal(title, evil);
  } finally {
    await context.close();
  }
});

// An edit of the pattern re-tests the events the worker already holds: the
// verdicts change where they should, the rows whose verdict did not change are
// the very same elements (not rebuilt), and the events' text is not sent to
// the worker again.
test('editing the pattern updates only the rows whose verdict changed', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    // Record what the page sends its engine worker.
    await page.addInitScript(() => {
      window.__sent = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message && message.type === 'test') window.__sent.push({ hasText: message.text !== undefined, pattern: message.pattern });
        return post.call(this, message, ...rest);
      };
    });
    await loadPage(page, env.server);
    assert.deepEqual(await verdicts(page), ['✗ No match', '✓ Match', '✗ No match', '✗ No match']);
    await page.evaluate(() => {
      window.__rows = [...document.querySelectorAll('#event-list [role="option"]')];
      window.__sent = [];
    });
    // Dropping the exclusion: the maintenance role's change (#1) and the IAM
    // user's (#3, which lacks the excluded field) match too.
    const box = patternBox(page);
    await box.fill(seedPattern.replace('($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)&&', ''));
    assert.deepEqual(await verdicts(page), ['✓ Match', '✓ Match', '✓ Match', '✗ No match']);
    const kept = await page.evaluate(() => [...document.querySelectorAll('#event-list [role="option"]')]
      .map((li, i) => li === window.__rows[i]));
    assert.deepEqual(kept, [false, true, false, true], 'rows #2 and #4 kept, #1 and #3 redrawn');
    const sent = await page.evaluate(() => window.__sent);
    assert.ok(sent.length >= 1);
    assert.ok(sent.every((m) => !m.hasText), 'the events were not sent again for a pattern edit');
    // Editing the events sends them (once) and the verdicts follow.
    await eventsBox(page).fill(seedEvents[3]);
    assert.deepEqual(await verdicts(page), ['✗ No match']);
    assert.ok((await page.evaluate(() => window.__sent)).some((m) => m.hasText));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
