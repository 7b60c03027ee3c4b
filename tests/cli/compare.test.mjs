// `cwlf compare A B [--sample FILE] [--json]` end to end: the relation, the
// witnesses (each re-tested with `cwlf test-metric-filter`, the offline twin
// of AWS's API), the exit codes, the sample edit, and the summary of
// `cwlf check`. Runs the native binary built by ./test.sh (CWLF_BIN).
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
const cis = new Map(readFileSync(join(root, 'tests/data/proof/cis-patterns.tsv'), 'utf8')
  .trim().split('\n').map((l) => l.split('\t')));

function cwlf(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Does the pattern match the message? Asked of `cwlf test-metric-filter`.
function matches(pattern, message) {
  const r = cwlf(['test-metric-filter', '--filter-pattern', pattern, '--log-event-messages', message]);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out).matches.length === 1;
}

function compareJson(a, b, extra = []) {
  const r = cwlf(['compare', a, b, '--json', ...extra]);
  const out = JSON.parse(r.out);
  for (const w of out.witnesses) {
    assert.equal(matches(a, w.message), w.a, `A on ${w.message}`);
    assert.equal(matches(b, w.message), w.b, `B on ${w.message}`);
    assert.ok(w.reason.length > 0);
  }
  return { code: r.code, out };
}

test('CIS 4.4 vs the seed: broader, with the maintainer and the missing-sessionContext witnesses', () => {
  const { code, out } = compareJson(cis.get('cis-4.4'), seedPattern);
  assert.equal(code, 1);
  assert.equal(out.relation, 'broader');
  const aOnly = out.witnesses.filter((w) => w.a && !w.b);
  assert.ok(aOnly.some((w) => JSON.parse(w.message).userIdentity?.sessionContext?.sessionIssuer?.userName === 'cm-policymaintainer'));
  assert.ok(aOnly.some((w) => !('userIdentity' in JSON.parse(w.message)) && /missing/.test(w.reason)));
});

test('--sample edits the CloudTrail record into an IAM user event', () => {
  const { out } = compareJson(cis.get('cis-4.4'), seedPattern, ['--sample', seedEvents]);
  const iamUser = out.witnesses.find((w) => w.fromSample && w.a && !w.b
    && JSON.parse(w.message).userIdentity.type === 'IAMUser');
  assert.ok(iamUser, JSON.stringify(out.witnesses, null, 1));
  const ev = JSON.parse(iamUser.message);
  assert.equal(ev.userIdentity.sessionContext, undefined);
  assert.equal(ev.eventVersion, '1.08');  // the rest of the record is kept
});

test('equivalent patterns exit 0; the human output names the relation', () => {
  const a = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
  const b = '{$.errorCode="AccessDenied*"||$.errorCode="*UnauthorizedOperation"}';
  const r = cwlf(['compare', a, b]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^A and B match exactly the same events\./);
  assert.equal(compareJson(a, b).out.relation, 'equivalent');
});

test('number/string rules and text terms', () => {
  assert.equal(compareJson('{ $.a = 1 }', '{ $.a = "1" }').out.relation, 'broader');
  assert.equal(compareJson('ERROR -debug', 'ERROR').out.relation, 'narrower');
  assert.equal(compareJson('{ $.a > 1 }', '{ $.a < 1 }').out.relation, 'disjoint');
});

test('unknown says why; an invalid pattern exits 2; usage errors exit 2', () => {
  const { code, out } = compareJson('{ $.a[*] = 1 }', '{ $.a[0] = 1 }');
  assert.equal(code, 1);
  assert.equal(out.relation, 'unknown');
  assert.match(out.unknownReason, /wildcard/);
  const bad = cwlf(['compare', '{ $.a = ', '{ $.a = 1 }']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /Pattern A: InvalidParameterException/);
  assert.equal(cwlf(['compare', 'x']).code, 2);
});

test('check prints the summary: the seed never matches IAM users and root', () => {
  const r = cwlf(['check', seedPattern]);
  assert.equal(r.code, 0);
  assert.match(r.out, /one of 16 values/);
  assert.match(r.out, /IAM users, root/);
});

test('test prints the summary above the events', () => {
  const r = cwlf(['test', seedPattern, seedEvents]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Summary: Matches JSON events where `eventName` is one of 16 values .*IAM users, root/);
});
