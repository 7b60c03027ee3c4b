// The page as a workbench (issue 10), done as the seed's user does it: marks
// expectations, inserts, reorders and deletes events (the expectations stay
// with their events), Clear and Undo, a reload that keeps the work,
// "Exclude this principal" that keeps the IAM user's event matching, and
// `aws cloudtrail lookup-events` / `aws logs filter-log-events` output read
// as the events inside. The verdicts are above the fold at 1280x800.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsBox, loadPage, markExpectation, openPage, outputDir, patternBox, results, seedEvents, seedPattern, seedText,
  selectEvent, settled, useBrowser, verdictsOf,
} from './harness.mjs';

const env = useBrowser();

const verdicts = verdictsOf;
const expect = markExpectation;

async function summary(page) {
  await settled(page);
  return page.locator('#expectations-summary').textContent();
}
const badges = (page) => results(page).getByRole('option')
  .evaluateAll((els) => els.map((el) => (el.querySelector('.expect-badge') || { textContent: '' }).textContent));
const stepNote = (page) => page.locator('#step-note').textContent();

// A new CloudTrail event, not in the seed: an IAM user's PutUserPolicy.
const NEW_EVENT = JSON.stringify({
  eventVersion: '1.08',
  userIdentity: { type: 'IAMUser', userName: 'bob', arn: 'arn:aws:iam::111122223333:user/bob' },
  eventTime: '2026-11-20T10:00:00Z', eventSource: 'iam.amazonaws.com', eventName: 'PutUserPolicy',
  eventID: 'new-event-0001',
}, null, 4);

test('the seed user: expectations follow their events; Clear and Undo; a reload keeps the work', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await settled(page);
    // The verdicts are above the fold at 1280x800.
    const first = await results(page).getByRole('option').first().boundingBox();
    assert.ok(first && first.y >= 0 && first.y + first.height <= 800, `first result row at ${JSON.stringify(first)}`);
    await page.screenshot({ path: `${outputDir}workbench-fold.png` });

    await expect(page, 1, 'no-match');
    await expect(page, 2, 'match');
    await expect(page, 3, 'match');
    assert.equal(await summary(page), '2/3 expectations hold: not #3');
    assert.match(await stepNote(page), /Marked #3 “should match” · Undo/);

    // Insert an event at the top: every mark stays with its event.
    await eventsBox(page).fill(`${NEW_EVENT}\n\n${seedText}`);
    assert.equal(await summary(page), '2/3 expectations hold: not #4');
    assert.deepEqual(await badges(page), ['', '✓ should not match', '✓ should match', '✗ should match', '']);

    // Reorder (reversed): the same.
    const reversed = [...seedEvents].reverse().join('\n\n');
    await eventsBox(page).fill(reversed);
    assert.equal(await summary(page), '2/3 expectations hold: not #2');
    assert.deepEqual(await badges(page), ['', '✗ should match', '✓ should match', '✓ should not match']);

    // Delete alice's event (#3 of the seed): its expectation is for an event that is gone.
    await eventsBox(page).fill(seedEvents.filter((_, i) => i !== 2).join('\n\n'));
    assert.equal(await summary(page), '2/3 expectations hold: 1 expectation for an event that is gone');

    // Back to the seed's events; then Clear, and Undo restores everything.
    await eventsBox(page).fill(seedText);
    assert.equal(await summary(page), '2/3 expectations hold: not #3');
    await page.getByRole('button', { name: 'Clear' }).click();
    await settled(page);
    assert.equal(await patternBox(page).inputValue(), '');
    assert.equal(await eventsBox(page).inputValue(), '');
    assert.match(await stepNote(page), /^Cleared the pattern, the events and the expectations · Undo$/);
    await page.locator('#step-note').getByRole('button', { name: 'Undo' }).click();
    await settled(page);
    assert.equal(await patternBox(page).inputValue(), seedPattern);
    assert.equal(await eventsBox(page).inputValue(), seedText);
    assert.equal(await summary(page), '2/3 expectations hold: not #3');
    // Redo clears again; Ctrl+Z outside the text boxes undoes that.
    await page.locator('#redo').click();
    await settled(page);
    assert.equal(await eventsBox(page).inputValue(), '');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Control+z');
    await settled(page);
    assert.equal(await eventsBox(page).inputValue(), seedText);

    // Reload: the work is kept in this browser (and the intro no longer claims an example).
    await eventsBox(page).fill(`${NEW_EVENT}\n\n${seedText}`);
    await settled(page);
    await page.waitForTimeout(600);  // the save waits for a pause in typing
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    await settled(page);
    assert.equal(await eventsBox(page).inputValue(), `${NEW_EVENT}\n\n${seedText}`);
    assert.equal(await summary(page), '2/3 expectations hold: not #4');
    assert.equal(await page.locator('#intro-example').isVisible(), false);
    assert.match(await page.locator('#share-status').textContent(), /kept in this browser, is back/);

    // Turned off, the work is forgotten: the next visit shows the example.
    await page.getByLabel('Keep my work in this browser').uncheck();
    await page.waitForTimeout(200);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    await settled(page);
    assert.equal(await eventsBox(page).inputValue(), seedText);
    assert.equal(await page.getByLabel('Keep my work in this browser').isChecked(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const POLICY_CHANGES = '{($.eventName=PutRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DescribeInstances)}';

test('Exclude this principal keeps the IAM user matching, joins a second exclusion, and undoes', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    await patternBox(page).fill(POLICY_CHANGES);
    assert.deepEqual(await verdicts(page), ['match', 'match', 'match', 'match']);
    await selectEvent(page, 2);
    await page.getByRole('button', { name: 'Exclude this principal' }).click();
    await page.waitForFunction(() => /after: 2\./.test(document.getElementById('exclusion-note').textContent));
    const issuer = '$.userIdentity.sessionContext.sessionIssuer.userName';
    assert.equal(await patternBox(page).inputValue(),
      `{(${issuer} != "cm-dummuyRole" || ${issuer} NOT EXISTS) && (${POLICY_CHANGES.slice(1, -1)})}`);
    // The IAM user's event (#3, alice) still matches.
    assert.deepEqual(await verdicts(page), ['match', 'no-match', 'match', 'no-match']);
    const note = page.locator('#exclusion-note');
    assert.match(await note.textContent(), /Before: 4 of 4 events matched; after: 2\./);
    // No raw Markdown: the selector is shown as code.
    assert.ok(!(await note.textContent()).includes('`'));
    assert.ok(await note.locator('code').count() > 0);
    // No warning about the missing field (the safe form has none), and none twice.
    const warnings = await page.locator('#warning-list li').allTextContents();
    assert.equal(new Set(warnings).size, warnings.length);
    assert.match(await stepNote(page), /^Excluded AssumedRole cm-dummuyRole · Undo$/);

    // A second exclusion joins the first instead of nesting.
    await selectEvent(page, 1);
    await page.getByRole('button', { name: 'Exclude this principal' }).click();
    await page.waitForFunction(() => /after: 1\./.test(document.getElementById('exclusion-note').textContent));
    assert.equal(await patternBox(page).inputValue(),
      `{(${issuer} != "cm-policymaintainer" || ${issuer} NOT EXISTS) && ` +
      `(${issuer} != "cm-dummuyRole" || ${issuer} NOT EXISTS) && (${POLICY_CHANGES.slice(1, -1)})}`);
    assert.deepEqual(await verdicts(page), ['no-match', 'no-match', 'match', 'no-match']);
    await page.screenshot({ path: `${outputDir}workbench-exclusion.png` });

    // Undo twice: the pattern as typed.
    await page.locator('#undo').click();
    await page.locator('#undo').click();
    await settled(page);
    assert.equal(await patternBox(page).inputValue(), POLICY_CHANGES);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('aws cloudtrail lookup-events and aws logs filter-log-events output: the events inside', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const records = seedEvents.map((e) => JSON.parse(e));
    const lookup = JSON.stringify({
      Events: records.map((r, i) => ({
        EventId: `id-${i}`, EventName: r.eventName, ReadOnly: 'false', EventTime: 1763600000 + i,
        EventSource: r.eventSource, Username: 'x', Resources: [], CloudTrailEvent: JSON.stringify(r),
      })),
    }, null, 4);
    await eventsBox(page).fill(lookup);
    // The seed's verdicts, as if the records had been pasted themselves.
    assert.deepEqual(await verdicts(page), ['no-match', 'match', 'no-match', 'no-match']);
    assert.equal(await page.locator('#format').textContent(), '4 events · from aws cloudtrail lookup-events');
    assert.match(await page.locator('#format-note').textContent(), /each CloudTrailEvent string is one event/);
    await page.screenshot({ path: `${outputDir}workbench-lookup-events.png` });

    const logs = JSON.stringify({
      events: records.map((r, i) => ({
        logStreamName: '111122223333_CloudTrail_us-east-1', timestamp: 1763600000000 + i,
        message: JSON.stringify(r), ingestionTime: 1763600000500 + i, eventId: `3${i}`,
      })),
      searchedLogStreams: [],
    }, null, 2);
    await eventsBox(page).fill(logs);
    assert.deepEqual(await verdicts(page), ['no-match', 'match', 'no-match', 'no-match']);
    assert.equal(await page.locator('#format').textContent(), '4 events · from aws logs filter-log-events');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the worker protocol: an unknown type or a malformed request is answered with an error', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  try {
    await loadPage(page, env.server);
    const replies = await page.evaluate(() => new Promise((resolve) => {
      const worker = new Worker('engine-worker.js');
      const got = [];
      worker.onmessage = (e) => {
        if (e.data.type === 'reply') got.push(e.data);
        if (got.length === 3) {
          worker.terminate();
          resolve(got);
        }
      };
      worker.postMessage({ type: 'nope', id: 7 });
      worker.postMessage({ type: 'test', id: 8, pattern: 1, explain: 0 });
      worker.postMessage({ type: 'test', id: 9, pattern: 'x', text: 'a x\nb', explain: 0 });
    }));
    assert.deepEqual(replies[0], { type: 'reply', id: 7, ok: false, error: 'unknown request type "nope"' });
    assert.deepEqual(replies[1], { type: 'reply', id: 8, ok: false, error: 'test: the field pattern must be a string' });
    assert.equal(replies[2].id, 9);
    assert.equal(replies[2].ok, true);
    assert.deepEqual([...replies[2].result.verdicts], [2, 1]);
  } finally {
    await context.close();
  }
});
