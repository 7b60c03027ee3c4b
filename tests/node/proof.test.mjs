// The wasm proof bindings (wasm/proof_bindings.cc): comparePatterns and
// summarizePattern answer as `cwlf compare` and `cwlf check` do, and every
// witness they return gets the claimed verdicts from the wasm test().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf, root } from './dist-module.mjs';

const seedPattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').trim();
const seedEvents = readFileSync(`${root}tests/data/seed/events.txt`, 'utf8');
const cis = new Map(readFileSync(`${root}tests/data/proof/cis-patterns.tsv`, 'utf8')
  .trim().split('\n').map((l) => l.split('\t')));

const cwlf = await loadCwlf();

function matched(pattern, message) {
  const r = cwlf.test(pattern, message, { explain: 'none' });
  assert.equal(r.events.length, 1);
  return r.events[0].matched;
}

test('comparePatterns: CIS 4.4 vs the seed is broader, witnesses re-tested', () => {
  const r = cwlf.comparePatterns(cis.get('cis-4.4'), seedPattern);
  assert.equal(r.relation, 'broader');
  assert.ok(r.witnesses.some((w) => w.a && !w.b && /missing/.test(w.reason)));
  for (const w of r.witnesses) {
    assert.equal(matched(cis.get('cis-4.4'), w.message), w.a);
    assert.equal(matched(seedPattern, w.message), w.b);
  }
});

test('comparePatterns with a sample edits it into an IAM user event', () => {
  const r = cwlf.comparePatterns(cis.get('cis-4.4'), seedPattern, seedEvents);
  assert.ok(r.witnesses.some((w) => w.fromSample && JSON.parse(w.message).userIdentity.type === 'IAMUser'));
});

test('comparePatterns: equivalent CIS 4.1 forms; invalid patterns say which', () => {
  const a = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
  assert.equal(cwlf.comparePatterns(a, '{$.errorCode="AccessDenied*"||$.errorCode="*UnauthorizedOperation"}').relation, 'equivalent');
  assert.equal(cwlf.comparePatterns(a, '{ $.a = ').error.pattern, 'B');
});

test('summarizePattern names IAM users and root for the seed', () => {
  assert.match(cwlf.summarizePattern(seedPattern), /IAM users, root/);
  assert.equal(cwlf.summarizePattern('{ $.a = '), '');
});
