// FileScan (wasm/file_bindings.cc), the page's reader of big files, keeps
// bounded state whatever the file: at most `keep` matching events, and
// summary tables of at most 10,000 distinct names each (cut to 200 bytes),
// with the matches of any later name counted together; the counts stay
// exact. Wasm memory never shrinks, so state that grew with the file would
// stay grown for the whole visit. Loads dist/cwlf.js + dist/cwlf.wasm.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCwlf } from './dist-module.mjs';


let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

function feed(scan, text) {
  const bytes = Buffer.from(text);
  const ptr = scan.reserve(bytes.length);
  cwlf.HEAPU8.set(bytes, ptr);
  scan.feed(bytes.length);
}

// JSON Lines where record n has its own eventName and its own principal: an
// assumed-role session without sessionIssuer is named by its session.
function distinctRecords(from, count) {
  let text = '';
  for (let n = from; n < from + count; n += 1) {
    text += `${JSON.stringify({ eventName: `Call${n}`, userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/app/session-${n}` } })}\n`;
  }
  return text;
}

test('FileScan: summary tables hold at most 10,000 distinct names; later ones are counted together, and memory stops growing', () => {
  const scan = new cwlf.FileScan('{ $.eventName = Call* }', 0);
  try {
    for (let k = 0; k < 2; k += 1) feed(scan, distinctRecords(k * 10000, 10000));
    const heapAtLimit = cwlf.HEAPU8.length;
    for (let k = 2; k < 20; k += 1) feed(scan, distinctRecords(k * 10000, 10000));
    scan.finish();
    // 180,000 more distinct names and principals took no more wasm memory.
    assert.equal(cwlf.HEAPU8.length, heapAtLimit);
    assert.equal(scan.events(), 200000);
    assert.equal(scan.matched(), 200000);
    const s = scan.summary();
    assert.equal(s.distinctLimit, 10000);
    assert.equal(s.distinctEventNames, 10000);
    assert.equal(s.distinctPrincipals, 10000);
    assert.equal(s.otherEventNames, 190000);
    assert.equal(s.otherPrincipals, 190000);
    assert.equal(s.byEventName.length, 50);
    assert.deepEqual(s.byEventName[0], ['Call0', 1]);
    assert.deepEqual(s.byPrincipal[0], ['session-0', 1]);
    assert.deepEqual(scan.takeMatches(), []);  // keep 0: none kept
  } finally {
    scan.delete();
  }
});

test('FileScan: a name is cut to 200 bytes, not inside a UTF-8 character', () => {
  const scan = new cwlf.FileScan('{ $.eventName = * }');
  try {
    const long = `${'a'.repeat(199)}\u00e9${'b'.repeat(5000)}`;  // é is 2 bytes, at bytes 199-200
    feed(scan, `${JSON.stringify({ eventName: long })}\n${JSON.stringify({ eventName: long })}\n`);
    scan.finish();
    assert.deepEqual(scan.summary().byEventName, [[`${'a'.repeat(199)}\u2026`, 2]]);
  } finally {
    scan.delete();
  }
});

test('FileScan(pattern, keep): keeps the first `keep` matching events; the count stays exact', () => {
  const scan = new cwlf.FileScan('{ $.eventName = Call* }', 3);
  try {
    feed(scan, distinctRecords(0, 5));
    const first = scan.takeMatches();
    feed(scan, distinctRecords(5, 5));
    scan.finish();
    const kept = [...first, ...scan.takeMatches()];
    assert.deepEqual(kept.map((m) => m.index), [0, 1, 2]);
    assert.match(kept[2].message, /"Call2"/);
    assert.equal(scan.matched(), 10);
  } finally {
    scan.delete();
  }
});

test('FileScan(pattern): the first 5,000 matching events by default', () => {
  const scan = new cwlf.FileScan('{ $.eventName = Call* }');
  try {
    feed(scan, distinctRecords(0, 6000));
    scan.finish();
    assert.equal(scan.takeMatches().length, 5000);
    assert.equal(scan.matched(), 6000);
  } finally {
    scan.delete();
  }
});
