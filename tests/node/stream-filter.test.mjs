// Differential test of the wasm StreamFilter (bench/wasm_filter.mjs's engine),
// whose lines mode rules lines out a chunk at a time with the wasm SIMD build
// of the bulk scan (core/candidate_scan.h): it must count exactly the matches
// that native `cwlf filter -c --no-prefilter` (every line parsed and tested)
// counts, whatever the chunk sizes. Input: the CloudTrail corpus and random
// lines (`\u` escapes, escaped quotes and slashes, broken JSON, text), with
// CRLF, blank lines and no final line break; every benchmark pattern and more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from './random.mjs';
import { loadCwlf, root } from './dist-module.mjs';

const bin = process.env.CWLF_BIN || `${root}build/cwlf`;
const corpus = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);
const patterns = readFileSync(`${root}bench/patterns.tsv`, 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[2])
  .concat([
    '{ $.eventName = DeletePolicy }', '{ $.eventName = "Console*" }', '{ $.a = "x" || $.b = "y" }',
    '{ $.eventName = CreateTrail && $.awsRegion = "us-east-1" }', 'DeletePolicy', '?ConsoleLogin ?CreateTrail',
    '{ $.x = "a/b" }', '{ $.code = 400 }',
  ]);

let cwlf, dir;
before(async () => {
  cwlf = await loadCwlf();
  dir = mkdtempSync(join(tmpdir(), 'cwlf-stream-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function linesText(random) {
  const pick = (a) => a[Math.floor(random() * a.length)];
  const names = ['DeletePolicy', 'Delete\\u0050olicy', 'DeleteP\\u006flicy', 'ConsoleLogin', 'Console\\u004cogin',
    'CreateTrail', 'Policy', 'x\\/y', 'q\\"uote', 'AccessDenied'];
  const lines = [...corpus];
  for (let i = 0; i < 800; i++) {
    const r = random();
    if (r < 0.5) lines.push(`{"eventName":"${pick(names)}","awsRegion":"${pick(['us-east-1', 'eu-west-1'])}","code":${pick(['400', '"400"', '4e2'])},"a":"${pick(['x', 'y', 'a/b', 'a\\/b'])}"}`);
    else if (r < 0.7) lines.push(`${pick(names)} ${pick(names)} text line`);
    else if (r < 0.85) lines.push(`{"eventName":"${pick(names)}"`);  // broken JSON
    else lines.push(pick(['', '   ', '\t', '\r']));
  }
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  let text = '';
  for (const l of lines) text += l + (random() < 0.25 ? '\r\n' : '\n');
  return random() < 0.5 ? text.slice(0, -1) : text;
}

function nativeCount(pattern, file) {
  const r = spawnSync(bin, ['filter', '-c', '--no-prefilter', pattern, file], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `${pattern}: ${r.stderr}`);
  return Number(r.stdout.trim());
}

function wasmCount(pattern, bytes, pieces) {
  const f = new cwlf.StreamFilter(pattern, true);
  try {
    assert.equal(f.error(), '');
    let at = 0;
    for (const n of pieces) {
      const piece = bytes.subarray(at, at + n);
      at += piece.length;
      const ptr = f.reserve(piece.length);
      cwlf.HEAPU8.set(piece, ptr);  // HEAPU8 after reserve(): memory may have grown
      f.feed(piece.length);
    }
    f.finish();
    return { matched: f.matched(), lines: f.lines() };
  } finally {
    f.delete();
  }
}

test('wasm StreamFilter (bulk scan) counts what native cwlf filter --no-prefilter counts, any chunk sizes', () => {
  const random = rng(20261127);
  const text = linesText(random);
  const file = join(dir, 'events.jsonl');
  writeFileSync(file, text);
  const bytes = new TextEncoder().encode(text);
  const breaks = (text.match(/\n/g) || []).length;
  let total = 0;
  for (const p of patterns) {
    const want = nativeCount(p, file);
    total += want;
    for (const max of [bytes.length, 65536, 1000, 37]) {
      const pieces = [];
      for (let left = bytes.length; left > 0;) {
        const n = Math.min(left, 1 + Math.floor(random() * max));
        pieces.push(n);
        left -= n;
      }
      const got = wasmCount(p, bytes, pieces);
      assert.equal(got.matched, want, `${p} (pieces up to ${max} bytes)`);
      assert.equal(got.lines, breaks);
    }
  }
  assert.ok(total > 0);
});
