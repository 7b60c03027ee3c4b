// "Exclude this principal" and "Compare with…" in Chromium, on the seed
// events: the built pattern is put in the box and re-tested by the engine,
// in the form that keeps other identity types, the note gives the verdicts
// before and after, and the comparison
// lists the events where two patterns disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsBox, outputDir, patternBox, results, seedPattern, seedText, settled, useLoadedPage,
} from './harness.mjs';

const session = useLoadedPage({ height: 1100 });

async function verdicts(page) {
  await settled(page);
  return results(page).getByRole('option').evaluateAll((els) => els.map((el) => el.dataset.verdict));
}

const POLICY_CHANGES = '{($.eventName=PutRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DescribeInstances)}';

test('Exclude this principal: the role of event #2, in the form that keeps the IAM user', async () => {
  const { page } = session;
  await patternBox(page).fill(POLICY_CHANGES);
  await eventsBox(page).fill(seedText);
  assert.deepEqual(await verdicts(page), ['match', 'match', 'match', 'match']);
  await results(page).getByRole('option').nth(1).click();
  await settled(page);
  await page.getByRole('button', { name: 'Exclude this principal' }).click();
  const note = page.locator('#exclusion-note');
  await page.waitForFunction(() => /after: 2\./.test(document.getElementById('exclusion-note').textContent));
  // By default the exclusion keeps events without the field (other identity types):
  // the plain `!=` would silently drop the IAM user's event #3.
  assert.equal(await patternBox(page).inputValue(),
    '{($.userIdentity.sessionContext.sessionIssuer.userName != "cm-dummuyRole" || ' +
    '$.userIdentity.sessionContext.sessionIssuer.userName NOT EXISTS) && ' +
    '(($.eventName=PutRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DescribeInstances))}');
  assert.deepEqual(await verdicts(page), ['match', 'no-match', 'match', 'no-match']);
  const said = await note.textContent();
  assert.match(said, /Excluded AssumedRole cm-dummuyRole\./);
  assert.match(said, /\(other identity types\) still match/);
  assert.match(said, /Before: 4 of 4 events matched; after: 2\./);
  await page.screenshot({ path: `${outputDir}exclusion.png` });
});

test('Exclude this principal: by ARN; and a text pattern says why it cannot', async () => {
  const { page } = session;
  await patternBox(page).fill(POLICY_CHANGES);
  await settled(page);
  await results(page).getByRole('option').nth(0).click();
  await page.getByLabel('role by ARN').check();
  await page.getByRole('button', { name: 'Exclude this principal' }).click();
  await page.locator('#exclusion-note').waitFor();
  await settled(page);
  assert.match(await patternBox(page).inputValue(),
    /^\{\(\$\.userIdentity\.sessionContext\.sessionIssuer\.arn != "arn:aws:iam::111122223333:role\/cm-policymaintainer" \|\| \$\.userIdentity\.sessionContext\.sessionIssuer\.arn NOT EXISTS\) && /);
  assert.deepEqual(await verdicts(page), ['no-match', 'match', 'match', 'match']);
  await page.getByLabel('role by ARN').uncheck();
  await patternBox(page).fill('PutRolePolicy');
  await settled(page);
  assert.equal(await page.getByRole('button', { name: 'Exclude this principal' }).isDisabled(), true);
});

test('Compare with…: the seed pattern against the fixed one lists the IAM user\'s event', async () => {
  const { page } = session;
  await patternBox(page).fill(seedPattern);
  await settled(page);
  await page.getByText('Compare with…').click();
  const fixed = seedPattern.replace('($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)',
    '($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer || $.userIdentity.sessionContext.sessionIssuer.userName NOT EXISTS)');
  await page.getByLabel(/Another pattern, run over the same events/).fill(fixed);
  const out = page.locator('#compare-result');
  await page.waitForFunction(() => /narrower/.test(document.querySelector('#compare-result').textContent));
  const text = await out.textContent();
  assert.match(text, /The current pattern is narrower on these events/);
  assert.match(text, /Both match 1 event; neither matches 2 events\./);
  assert.match(text, /Only the other pattern matches 1 event:#3 AttachUserPolicy · alice$/);
  // Clicking it selects that event.
  await out.getByRole('button', { name: /#3/ }).click();
  await settled(page);
  assert.equal(await results(page).locator('[aria-selected="true"]').getAttribute('data-index'), '2');
  await page.screenshot({ path: `${outputDir}compare.png` });
  // The same pattern on both sides: equivalent.
  await page.getByLabel(/Another pattern, run over the same events/).fill(seedPattern);
  await page.waitForFunction(() => /Equivalent/.test(document.querySelector('#compare-result').textContent));
  // An invalid other pattern says so.
  await page.getByLabel(/Another pattern, run over the same events/).fill('{ $.a = ');
  await page.waitForFunction(() => /not valid/.test(document.querySelector('#compare-result').textContent));
  assert.deepEqual(session.errors, []);
});
