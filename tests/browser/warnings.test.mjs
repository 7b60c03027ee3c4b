// The Warnings region next to the pattern, in Chromium: every pitfall the
// engine reports is shown when its mistake is typed, and its one-click fix
// puts the rewritten pattern in the box, re-tests, and the warning goes away.
// Also "Show normalised pattern". Screenshots go to tests/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsBox, outputDir, patternBox, seedPattern, seedText, settled, useLoadedPage,
} from './harness.mjs';

const session = useLoadedPage({ height: 1000 });

const warningsRegion = (page) => page.getByRole('region', { name: 'Warnings' });

async function enter(page, pattern, events) {
  await patternBox(page).fill(pattern);
  if (events !== undefined) await eventsBox(page).fill(events);
  await settled(page);
}

// The warnings shown: [{ code, message, fixes: [labels] }]
async function shown(page) {
  await settled(page);
  if (await page.locator('#warnings').isHidden()) return [];
  return warningsRegion(page).getByRole('listitem').evaluateAll((els) => els.map((el) => ({
    code: el.dataset.code,
    message: el.querySelector('.warning-message').textContent,
    fixes: [...el.querySelectorAll('button')].map((b) => b.textContent),
  })));
}

async function verdicts(page) {
  await settled(page);
  return page.getByRole('region', { name: 'Results' }).getByRole('option')
    .evaluateAll((els) => els.map((el) => (el.dataset.verdict === 'match' ? 'match' : 'no')));
}

// Triggers `code` with pattern (and events), checks the message, applies the
// fix labelled `fix` and checks the new pattern; returns the warnings after.
async function triggerAndFix(page, { code, pattern, events, message, fix, fixed }) {
  await enter(page, pattern, events);
  const before = await shown(page);
  const w = before.find((x) => x.code === code);
  assert.ok(w, `${code} not shown for ${pattern}: ${JSON.stringify(before)}`);
  if (message) assert.match(w.message, message);
  if (!fix) {
    assert.deepEqual(w.fixes, []);
    return before;
  }
  await warningsRegion(page).locator(`li[data-code="${code}"]`).getByRole('button', { name: fix }).click();
  await settled(page);
  assert.equal(await patternBox(page).inputValue(), fixed);
  const after = await shown(page);
  assert.ok(!after.some((x) => x.code === code), `${code} still shown after its fix: ${JSON.stringify(after)}`);
  return after;
}

test('the seed pattern: != on a field the IAM user lacks; the fix makes its policy change match', async () => {
  const { page } = session;
  await enter(page, seedPattern, seedText);
  assert.deepEqual(await verdicts(page), ['no', 'match', 'no', 'no']);
  await page.screenshot({ path: `${outputDir}warnings-seed.png`, fullPage: false });
  await triggerAndFix(page, {
    code: 'ne-missing-field',
    pattern: seedPattern,
    message: /missing from 1 of the 4 JSON events \(#3\), whose identity type is IAMUser/,
    fix: 'Also match when the field is missing',
    fixed: seedPattern.replace('($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)',
      '($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer || ' +
      '$.userIdentity.sessionContext.sessionIssuer.userName NOT EXISTS)'),
  });
  assert.deepEqual(await verdicts(page), ['no', 'match', 'match', 'no']);
  // The other fix: guard on the identity type.
  await triggerAndFix(page, {
    code: 'ne-missing-field',
    pattern: seedPattern,
    fix: 'Apply it to AssumedRole identities only',
    fixed: seedPattern.replace('($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)',
      '($.userIdentity.type != AssumedRole || $.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)'),
  });
  assert.deepEqual(await verdicts(page), ['no', 'match', 'match', 'no']);
});

test('!= on a CloudTrail identity field, with no event showing it missing', async () => {
  await triggerAndFix(session.page, {
    code: 'ne-identity-field',
    pattern: '{ $.userIdentity.userName != alice }',
    events: '{"userIdentity":{"type":"IAMUser","userName":"bob"}}',
    message: /exists only for CloudTrail identity types IAMUser/,
    fix: 'Also match when the field is missing',
    fixed: '{ ($.userIdentity.userName != alice || $.userIdentity.userName NOT EXISTS) }',
  });
});

test('A || B && C: the trailing exclusion guards only the last alternative', async () => {
  const { page } = session;
  const pattern = '{ $.eventName = CreateUser || $.eventName = DeleteUser && $.userIdentity.type != Root }';
  const events = '{"eventName":"CreateUser","userIdentity":{"type":"Root"}}';
  await enter(page, pattern, events);
  assert.deepEqual(await verdicts(page), ['match']);
  await triggerAndFix(page, {
    code: 'precedence', pattern,
    message: /reads this as: \$\.eventName = CreateUser \|\| \(\$\.eventName = DeleteUser && \$\.userIdentity\.type != Root\)/,
    fix: 'guard the whole chain',
    fixed: '{ ($.eventName = CreateUser || $.eventName = DeleteUser) && $.userIdentity.type != Root }',
  });
  assert.deepEqual(await verdicts(page), ['no']);
  await triggerAndFix(page, {
    code: 'precedence', pattern,
    fix: 'Keep this meaning, with explicit parentheses',
    fixed: '{ $.eventName = CreateUser || ($.eventName = DeleteUser && $.userIdentity.type != Root) }',
  });
  assert.deepEqual(await verdicts(page), ['match']);
});

test('a quoted %regex%, an interior *, = true on a boolean', async () => {
  const { page } = session;
  await triggerAndFix(page, {
    code: 'quoted-regex',
    pattern: '{ $.eventName = "%Delete.*%" }',
    events: '{"eventName":"DeleteTrail"}',
    fix: 'Remove the quotes',
    fixed: '{ $.eventName = %Delete.*% }',
  });
  assert.deepEqual(await verdicts(page), ['match']);
  await triggerAndFix(page, {
    code: 'interior-star',
    pattern: '{ $.eventName = Delete*Policy }',
    events: '{"eventName":"DeleteRolePolicy"}',
    message: /literal star/,
    fix: /regular expression/,
    fixed: '{ $.eventName = %^Delete.*Policy$% }',
  });
  assert.deepEqual(await verdicts(page), ['match']);
  await triggerAndFix(page, {
    code: 'eq-boolean',
    pattern: '{ $.eventName = DeleteBucket && $.readOnly = false }',
    events: '{"eventName":"DeleteBucket","readOnly":false}',
    message: /is a JSON boolean in #1/,
    fix: 'Use IS FALSE',
    fixed: '{ $.eventName = DeleteBucket && $.readOnly IS FALSE }',
  });
  assert.deepEqual(await verdicts(page), ['match']);
});

test('" " is not "everything"; smart and single quotes; Logs Insights syntax; over 1,024 characters', async () => {
  const { page } = session;
  const lines = 'no-space-here\nwith a space';
  await triggerAndFix(page, {
    code: 'blank-phrase', pattern: '" "', events: lines, fix: /empty pattern/, fixed: '',
  });
  assert.deepEqual(await verdicts(page), ['match', 'match']);
  await triggerAndFix(page, {
    code: 'smart-quotes',
    pattern: '{ $.eventName = \u201cConsoleLogin\u201d }',
    events: '{"eventName":"ConsoleLogin"}',
    fix: 'Use straight double quotes',
    fixed: '{ $.eventName = "ConsoleLogin" }',
  });
  assert.deepEqual(await verdicts(page), ['match']);
  await triggerAndFix(page, {
    code: 'single-quotes',
    pattern: "{ $.eventName = 'ConsoleLogin' }",
    fix: 'Use double quotes',
    fixed: '{ $.eventName = "ConsoleLogin" }',
  });
  assert.deepEqual(await verdicts(page), ['match']);
  await triggerAndFix(page, {
    code: 'insights-syntax',
    pattern: 'filter @message like /Access denied/',
    events: 'Access denied for user\nall good',
    fix: /Use the filter pattern/,
    fixed: '"Access denied"',
  });
  assert.deepEqual(await verdicts(page), ['match', 'no']);
  const long = `{ ${Array.from({ length: 40 }, (_, i) => `( $.eventName = Event${i} )`).join(' || ')} }`;
  await triggerAndFix(page, {
    code: 'too-long',
    pattern: long,
    events: '{"eventName":"Event39"}',
    message: /characters long; CloudWatch rejects filter patterns over 1,024/,
    fix: /Remove unneeded spaces/,
    fixed: `{${Array.from({ length: 40 }, (_, i) => `($.eventName=Event${i})`).join('||')}}`,
  });
  assert.deepEqual(await verdicts(page), ['match']);
});

test('JSON after a text prefix; space-delimited field counts', async () => {
  const { page } = session;
  await triggerAndFix(page, {
    code: 'json-text-prefix',
    pattern: '{ $.level = ERROR }',
    events: '2026-11-20T09:14:02.120Z\t6f1c-EXAMPLE\tINFO\t{"level":"ERROR"}',
    message: /holds JSON after a text prefix/,
  });
  await triggerAndFix(page, {
    code: 'delimited-too-few',
    pattern: '[ip, method, path, status, bytes]',
    events: '198.51.100.7 GET /index.html 200 512\n198.51.100.7 GET /',
    message: /5 fields but #2/,
  });
  await triggerAndFix(page, {
    code: 'delimited-surplus',
    pattern: '[ip, method = GET]',
    fix: 'Add `...` at the end',
    fixed: '[ip, method = GET, ...]',
  });
  assert.deepEqual(await verdicts(page), ['match', 'match']);
});

test('Show normalised pattern: explicit parentheses; no warnings region for a clean pattern', async () => {
  const { page } = session;
  await enter(page, '{$.a=1||$.b=2&&$.c!=3}', '{"a":1}');
  await page.getByRole('button', { name: 'Show normalised pattern' }).click();
  const out = page.getByLabel('Normalised pattern');
  await out.waitFor();
  assert.equal(await out.textContent(), '{ $.a = 1 || ($.b = 2 && $.c != 3) }');
  await page.screenshot({ path: `${outputDir}warnings-normalised.png` });
  await enter(page, '{ $.eventName = ConsoleLogin }', '{"eventName":"ConsoleLogin"}');
  assert.equal(await out.textContent(), '{ $.eventName = ConsoleLogin }');
  assert.deepEqual(await shown(page), []);
  assert.equal(await page.locator('#warnings').isHidden(), true);
  assert.deepEqual(session.errors, []);
});
