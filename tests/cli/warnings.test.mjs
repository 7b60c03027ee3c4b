// `cwlf test` prints the pitfall warnings (core/lint.h) after the verdicts,
// each with its rewrites, and `--json` carries them as `warnings`. Runs the
// native binary built by ./test.sh (CWLF_BIN).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const seedPattern = readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8').trim();
const seedEvents = join(root, 'tests/data/seed/events.txt');

function cwlf(args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('cwlf test: the seed pattern warns about != on a field the IAM user lacks, and the fix matches it', () => {
  const r = cwlf(['test', seedPattern, seedEvents]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /1 warning:\n {2}warning \[ne-missing-field\] at line 1, column 2: \(\$\.userIdentity\.sessionContext\.sessionIssuer\.userName!=cm-policymaintainer\)/);
  assert.match(r.out, /missing from 1 of the 4 JSON events \(#3\), whose identity type is IAMUser/);
  const fix = /fix \(Also match when the field is missing\): (.*)\n/.exec(r.out)[1];
  // The rewritten pattern now catches the IAM user's policy change too.
  const fixed = JSON.parse(cwlf(['test', fix, seedEvents, '--json']).out);
  assert.deepEqual(fixed.events.map((e) => e.matched), [false, true, true, false]);
  assert.deepEqual(fixed.warnings, []);
});

test('cwlf test --json: warnings with byte offsets and fixes', () => {
  const pattern = '{ $.eventName = CreateUser || $.eventName = DeleteUser && $.userIdentity.type != Root }';
  const r = cwlf(['test', pattern, '-', '--json'], '{"eventName":"CreateUser","userIdentity":{"type":"Root"}}');
  assert.equal(r.code, 0, r.err);
  const [w] = JSON.parse(r.out).warnings;
  assert.equal(w.code, 'precedence');
  assert.equal(pattern.slice(w.offset, w.offset + w.length), '$.eventName = DeleteUser && $.userIdentity.type != Root');
  assert.deepEqual(w.fixes.map((f) => f.pattern), [
    '{ ($.eventName = CreateUser || $.eventName = DeleteUser) && $.userIdentity.type != Root }',
    '{ $.eventName = CreateUser || ($.eventName = DeleteUser && $.userIdentity.type != Root) }',
  ]);
});

test('cwlf test: an invalid pattern with smart quotes says why, with the fix', () => {
  const r = cwlf(['test', '{ $.eventName = \u201cConsoleLogin\u201d }', '-'], '{"eventName":"ConsoleLogin"}');
  assert.equal(r.code, 2);
  assert.match(r.err, /InvalidParameterException/);
  assert.match(r.err, /warning \[smart-quotes\]/);
  assert.match(r.err, /fix \(Use straight double quotes\): \{ \$\.eventName = "ConsoleLogin" \}/);
});

test('cwlf test: no warnings section for a pattern without pitfalls', () => {
  const r = cwlf(['test', '{ $.eventName = ConsoleLogin }', '-'], '{"eventName":"ConsoleLogin"}');
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /warning/);
});
