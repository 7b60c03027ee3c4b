// The silent-miss radar and scope leaks in the wasm module (docs/api.md):
// EventSet.verdicts and cwlf.test carry `radar`, and FileScan counts the
// silent drops of a CloudTrail file by identity type. FileScan scans with the
// alarm's core and tests the whole pattern on its matches: its match count
// must be the plain verdicts' (checked against cwlf.test on the same events).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf } from './dist-module.mjs';

const root = new URL('../../', import.meta.url);
const seedPattern = readFileSync(new URL('tests/data/seed/pattern.txt', root), 'utf8').trim();
const seedText = readFileSync(new URL('tests/data/seed/events.txt', root), 'utf8');

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

const IDENTITIES = {
  IAMUser: { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::111122223333:user/alice' },
  Root: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' },
  maintainer: { type: 'AssumedRole', sessionContext: { sessionIssuer: { type: 'Role', userName: 'cm-policymaintainer' } } },
  deploy: { type: 'AssumedRole', sessionContext: { sessionIssuer: { type: 'Role', userName: 'deploy' } } },
};

function records(spec) {
  const out = [];
  let n = 0;
  for (const [who, eventSource, eventName, times] of spec) {
    for (let i = 0; i < times; i += 1) {
      n += 1;
      out.push({ eventID: `id-${n}`, userIdentity: IDENTITIES[who], eventSource, eventName });
    }
  }
  return out;
}

const FILE_SPEC = [
  ['IAMUser', 'iam.amazonaws.com', 'AttachUserPolicy', 9],
  ['Root', 'iam.amazonaws.com', 'PutRolePolicy', 3],
  ['maintainer', 'iam.amazonaws.com', 'PutRolePolicy', 2],
  ['deploy', 'iam.amazonaws.com', 'DeletePolicy', 4],
  ['deploy', 'acm-pca.amazonaws.com', 'DeletePolicy', 1],
  ['IAMUser', 'ec2.amazonaws.com', 'DescribeInstances', 5],
];

function scanFile(pattern, text) {
  const scan = new cwlf.FileScan(pattern);
  try {
    const bytes = Buffer.from(text);
    // In two pieces: a record cut in half must make no difference.
    for (const piece of [bytes.subarray(0, 700), bytes.subarray(700)]) {
      const ptr = scan.reserve(piece.length);
      cwlf.HEAPU8.set(piece, ptr);
      scan.feed(piece.length);
    }
    scan.finish();
    return { events: scan.events(), matched: scan.matched(), summary: scan.summary() };
  } finally {
    scan.delete();
  }
}

test('EventSet.verdicts and cwlf.test: the seed\'s IAM user is a silent drop, the maintenance role excluded as meant', () => {
  const set = new cwlf.EventSet(seedText);
  try {
    const { radar } = set.verdicts(seedPattern, -1);
    assert.equal(radar.active, true);
    assert.deepEqual(radar.drops.map((d) => [d.index, d.kind, d.found, d.identityType]),
      [[0, 'excluded', 'string', 'AssumedRole'], [2, 'silent', 'missing', 'IAMUser']]);
    assert.equal(radar.drops[1].field, '$.userIdentity.sessionContext.sessionIssuer.userName');
    assert.equal(radar.expectedSource, 'iam.amazonaws.com');
    assert.deepEqual(radar.leaks, []);
    assert.deepEqual(cwlf.test(seedPattern, seedText).radar, radar);
  } finally {
    set.delete();
  }
  assert.equal(cwlf.test('{ $.a = ', seedText).radar, null);
});

test('FileScan: silent drops counted by identity type, scope leaks by source, matches as the plain verdicts', () => {
  const list = records(FILE_SPEC);
  const text = JSON.stringify({ Records: list });
  const got = scanFile(seedPattern, text);
  assert.equal(got.events, list.length);
  // The same events, one per line, through the plain test: the same matches.
  const plain = cwlf.test(seedPattern, list.map((r) => JSON.stringify(r)).join('\n'), { explain: 'none' });
  assert.equal(got.matched, plain.counts.matched);
  assert.equal(got.matched, 5);  // deploy's 4 IAM DeletePolicy + acm-pca's
  assert.deepEqual(got.summary.silent.byIdentityType, [['IAMUser', 9], ['Root', 3]]);
  assert.equal(got.summary.silent.total, 12);
  assert.deepEqual(got.summary.silent.exclusions, ['($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)']);
  assert.equal(got.summary.excluded, 2);
  assert.deepEqual(got.summary.scopeLeaks, { expected: 'iam.amazonaws.com', total: 1, bySource: [['acm-pca.amazonaws.com', 1]] });
  // The summary tables count only real matches.
  assert.deepEqual(got.summary.byEventName, [['DeletePolicy', 5]]);
});

test('FileScan: a pattern without exclusions has no radar, and its matches are unchanged', () => {
  const list = records(FILE_SPEC);
  const got = scanFile('{ $.eventSource = iam.amazonaws.com && $.eventName = PutRolePolicy }', JSON.stringify({ Records: list }));
  assert.equal(got.summary.silent, null);
  assert.equal(got.summary.excluded, 0);
  assert.equal(got.summary.scopeLeaks, null);
  assert.equal(got.matched, 5);
});
