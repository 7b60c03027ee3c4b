// Proofs on the page, in Chromium, on the seed example: the pattern's summary
// above the explanation, the silent-miss radar's badges (the IAM user's
// policy change that the exclusion drops silently), and "Compare with…"
// answering over every possible event — from the gallery's "Is mine at least
// as strict?" for CIS 4.4 — with a witness added to the events that then
// shows the verdict it claimed, as an expectation that holds, undoably.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsBox, outputDir, patternBox, results, seedPattern, seedText, settled, useLoadedPage,
} from './harness.mjs';

const session = useLoadedPage({ height: 1400 });

async function rows(page) {
  await settled(page);
  return results(page).getByRole('option').evaluateAll((els) => els.map((el) => ({
    verdict: el.dataset.verdict,
    radar: el.dataset.radar || '',
    badge: (el.querySelector('.radar-badge') || { textContent: '' }).textContent,
  })));
}

test('the radar badges the seed\'s IAM user as silently dropped, and the summary names IAM users and root', async () => {
  const { page } = session;
  await patternBox(page).fill(seedPattern);
  await eventsBox(page).fill(seedText);
  const shown = await rows(page);
  assert.deepEqual(shown.map((r) => r.verdict), ['no-match', 'match', 'no-match', 'no-match']);
  // #1 is the maintenance role itself (excluded as meant), #3 the IAM user (silent),
  // #4 DescribeInstances (a plain no-match: the alarm's core does not match it).
  assert.deepEqual(shown.map((r) => r.radar), ['excluded', '', 'silent', '']);
  assert.equal(shown[2].badge, 'silently dropped');
  const line = await page.locator('.radar-lines').textContent();
  assert.match(line, /1 event would alert but is silently dropped by an exclusion: IAMUser 1\./);
  // The summary, above the explanation, from the pattern alone.
  const summary = await page.locator('.pattern-summary').textContent();
  assert.match(summary, /IAM users, root/);
  // The selected event's radar sentence.
  await results(page).getByRole('option').nth(2).click();
  await settled(page);
  const note = page.locator('.radar-note');
  assert.match(await note.textContent(), /Would alert, but dropped by .*sessionIssuer\.userName.* is missing/);
  assert.equal(await note.isVisible(), true);
  // A plain no-match says nothing of the kind.
  await results(page).getByRole('option').nth(3).click();
  await settled(page);
  assert.equal(await note.isVisible(), false);
});

test('a scope leak: acm-pca\'s DeletePolicy firing an IAM alarm', async () => {
  const { page } = session;
  await patternBox(page).fill('{ ($.eventName = DeletePolicy) || ($.eventName = PutRolePolicy) }');
  await eventsBox(page).fill([
    '{"eventSource":"iam.amazonaws.com","eventName":"PutRolePolicy","eventID":"e1"}',
    '{"eventSource":"acm-pca.amazonaws.com","eventName":"DeletePolicy","eventID":"e2"}',
  ].join('\n'));
  const shown = await rows(page);
  assert.deepEqual(shown.map((r) => r.verdict), ['match', 'match']);
  assert.deepEqual(shown.map((r) => r.radar), ['', 'leak']);
  assert.match(await page.locator('.radar-lines').textContent(), /1 match comes from another service than iam\.amazonaws\.com/);
});

test('Compare with… CIS 4.4 from the gallery: the relation over every event, and a witness added to the events', async () => {
  const { page } = session;
  await patternBox(page).fill(seedPattern);
  await eventsBox(page).fill(seedText);
  await settled(page);
  await page.getByText('Examples: real alarms (CIS benchmark)').click();
  await page.locator('button[data-cis="cis-4.4"]').click();
  const proof = page.locator('.compare-proof');
  await page.waitForSelector('.compare-proof[data-state="done"]', { timeout: 15_000 });
  assert.equal(await proof.getAttribute('data-relation'), 'narrower');
  const text = await proof.textContent();
  assert.match(text, /For every possible event/);
  assert.match(text, /Narrower: every event the current pattern matches, the other matches too/);
  assert.match(text, /at least as strict as CIS 4\.4.*No:/s);
  assert.equal(await page.locator('.proof-strict').getAttribute('data-answer'), 'no');
  // "On your events" (compare.js) is still there beside it.
  await page.waitForFunction(() => /Only the other pattern matches 2 events/.test(document.querySelector('#compare-result').textContent));
  assert.equal(await page.locator('.compare-heading', { hasText: 'On your events' }).isVisible(), true);

  // The witness of the IAM user: CIS 4.4 alerts, the current pattern does not.
  const witness = page.locator('.proof-witness[data-a="false"][data-b="true"]', { hasText: 'is missing' }).first();
  assert.match(await witness.locator('.proof-message').textContent(), /"type":"IAMUser"/);
  await page.screenshot({ path: `${outputDir}proof-compare.png`, fullPage: true });
  await witness.getByRole('button', { name: 'Add to my events' }).click();
  await settled(page);
  await page.waitForFunction(() => document.querySelectorAll('#event-list [role="option"]').length === 5);
  const after = await rows(page);
  // The witness is event #5, selected; the current pattern does not match it, as claimed,
  // and the radar says why.
  assert.equal(after[4].verdict, 'no-match');
  assert.equal(after[4].radar, 'silent');
  assert.equal(await results(page).locator('[aria-selected="true"]').getAttribute('data-index'), '4');
  // The expectation it proves is attached, by identity, and holds.
  await page.waitForFunction(() => /1\/1 expectations hold/.test(document.getElementById('expectations-summary').textContent));
  assert.match(await results(page).getByRole('option').nth(4).textContent(), /✓ should not match/);
  // The witness got its own eventID, so event #1 (the sample it was edited from) keeps its identity.
  assert.match(await eventsBox(page).inputValue(), /-witness-5"/);
  await page.screenshot({ path: `${outputDir}proof.png`, fullPage: true });
  // One step: Undo takes it back.
  assert.match(await page.locator('#undo').getAttribute('title'), /Added witness event #5 to the events/);
  await page.locator('#undo').click();
  await settled(page);
  assert.equal((await rows(page)).length, 4);
  assert.equal(await page.locator('#expectations-summary').isVisible(), false);
});

test('CloudTrail files: the silent drops counted by identity type', async () => {
  const { page } = session;
  await patternBox(page).fill(seedPattern);
  await settled(page);
  const who = {
    IAMUser: { type: 'IAMUser', userName: 'alice' },
    Root: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' },
    deploy: { type: 'AssumedRole', sessionContext: { sessionIssuer: { type: 'Role', userName: 'deploy' } } },
  };
  const records = [];
  const add = (identity, eventSource, eventName, times) => {
    for (let i = 0; i < times; i += 1) records.push({ eventID: `f${records.length}`, userIdentity: who[identity], eventSource, eventName });
  };
  add('IAMUser', 'iam.amazonaws.com', 'AttachUserPolicy', 9);
  add('Root', 'iam.amazonaws.com', 'PutUserPolicy', 3);
  add('deploy', 'iam.amazonaws.com', 'PutRolePolicy', 2);
  add('deploy', 'acm-pca.amazonaws.com', 'DeletePolicy', 1);
  await page.locator('#files-input').setInputFiles([{
    name: '111122223333_CloudTrail_us-east-1_20261120T0915Z_EXAMPLE.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ Records: records })),
  }]);
  await page.waitForSelector('html[data-files="done"]', { timeout: 60_000 });
  const summary = await page.locator('#files .files-summary').textContent();
  assert.match(summary, /12 events silently dropped \(the alarm’s core matches, an exclusion’s field is missing\): IAMUser 9, Root 3\./);
  assert.match(summary, /1 match from another service than iam\.amazonaws\.com: acm-pca\.amazonaws\.com 1\./);
  assert.match(await page.locator('#files .files-status').textContent(), /15 events read, 3 matching/);
});
