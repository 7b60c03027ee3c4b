// The wasm engine's Gunzip (core/gunzip; what the page's file reader inflates
// .gz with, web/file-bytes.js) against Node's zlib: the same bytes for what
// zlib writes, and a reason for what it cannot read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, constants } from 'node:zlib';
import { loadCwlf } from './dist-module.mjs';

const cwlf = await loadCwlf();

function inflate(bytes, max = 1 << 26) {
  const g = new cwlf.Gunzip();
  try {
    cwlf.HEAPU8.set(bytes, g.reserve(bytes.length));
    const error = g.inflate(bytes.length, max);
    return { error, tooLarge: g.tooLarge(), out: cwlf.HEAPU8.slice(g.output(), g.output() + g.size()) };
  } finally {
    g.delete();
  }
}

test('zlib output at several levels and strategies inflates to the same bytes', () => {
  const text = JSON.stringify({ Records: Array.from({ length: 2000 }, (_, i) => ({ eventID: `e-${i}`, eventName: i % 7 ? 'GetObject' : 'ConsoleLogin', n: i * 7919 % 1000 })) });
  const data = Buffer.from(text);
  for (const level of [0, 1, 6, 9]) {
    for (const strategy of [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE]) {
      const r = inflate(gzipSync(data, { level, strategy }));
      assert.equal(r.error, '', `level ${level} strategy ${strategy}`);
      assert.ok(Buffer.from(r.out).equals(data), `level ${level} strategy ${strategy}`);
    }
  }
});

test('several members are read one after another', () => {
  const r = inflate(Buffer.concat([gzipSync('{"a":1}\n'), gzipSync('{"b":2}\n')]));
  assert.equal(r.error, '');
  assert.equal(Buffer.from(r.out).toString(), '{"a":1}\n{"b":2}\n');
});

test('broken files say why, in the page language', () => {
  const good = gzipSync(Buffer.from('{"eventName":"ConsoleLogin"}'.repeat(100)));
  assert.match(inflate(Buffer.from('not gzip at all')).error, /^it is not gzip data at byte 0/);
  assert.match(inflate(good.subarray(0, good.length - 12)).error, /^the gzip data is cut short/);
  const badCrc = Buffer.from(good);
  badCrc[badCrc.length - 8] ^= 1;
  assert.match(inflate(badCrc).error, /checksum or length does not match/);
  const limited = inflate(good, 100);
  assert.ok(limited.tooLarge);
  assert.equal(limited.out.length, 0);
  cwlf.setLanguage('ja');
  try {
    assert.match(inflate(Buffer.from('not gzip at all')).error, /gzip データではありません/);
  } finally {
    cwlf.setLanguage('en');
  }
});
