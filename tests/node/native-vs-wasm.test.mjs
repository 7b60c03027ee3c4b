// Differential test: the native engine (`cwlf test --json`, CWLF_BIN) and the
// wasm build the page serves (dist/) give identical results on the same
// inputs: the pattern's verdict or diagnostic, the split events, every
// verdict, extracted value, error, explanation node and warning, compared
// raw: the same field names and values. Inputs: the CloudTrail
// corpus with the benchmark patterns, then random patterns (valid and not)
// against random pastes. All ASCII, so byte offsets (native) and UTF-16
// offsets (wasm) must be equal too.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rng } from './random.mjs';
import { loadCwlf, root } from './dist-module.mjs';

const bin = process.env.CWLF_BIN || `${root}build/cwlf`;
const corpus = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);
const benchPatterns = readFileSync(`${root}bench/patterns.tsv`, 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[2]);

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

function native(pattern, text) {
  const r = spawnSync(bin, ['test', pattern, '-', '--json'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 2, r.stderr);
  return JSON.parse(r.stdout);
}

function same(pattern, text) {
  // Raw results, no normalisation: one writer (cwlf/result_json.h) serves both.
  const n = native(pattern, text);
  const w = cwlf.test(pattern, text);
  assert.deepEqual(w, n, `pattern ${JSON.stringify(pattern)} on ${JSON.stringify(text.slice(0, 120))}`);
  return n;
}

test('native and wasm agree on the corpus for every benchmark pattern', () => {
  const text = corpus.join('\n');
  let matched = 0;
  for (const p of benchPatterns) matched += same(p, text).counts.matched;
  assert.ok(matched > 0);
});

test('native and wasm agree on random patterns against random pastes', () => {
  const rand = rng(20261127);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const selectors = ['$.eventName', '$.userIdentity.type', '$.a', '$.a.b', '$.a[0]', '$.*', '$.requestParameters.*',
    '$.errorCode', '$.x[*].y', '$.awsRegion', '$.n'];
  const values = ['ConsoleLogin', '"Root"', '"Access*"', '*', '400', '1.0', '-3', '%Log.n%', '"*Policy"', 'true',
    '%^us-%', '"a b"', 'null', '1e2'];
  const ops = ['=', '!=', '>', '<', '>=', '<='];
  const condition = () => {
    const r = rand();
    if (r < 0.08) return `${pick(selectors)} NOT EXISTS`;
    if (r < 0.14) return `${pick(selectors)} IS ${pick(['TRUE', 'FALSE', 'NULL'])}`;
    return `${pick(selectors)} ${pick(ops)} ${pick(values)}`;
  };
  const expr = (depth) => {
    if (depth > 2 || rand() < 0.4) return condition();
    return `(${expr(depth + 1)} ${pick(['&&', '||'])} ${expr(depth + 1)})`;
  };
  const pattern = () => {
    const r = rand();
    let p;
    if (r < 0.55) p = `{ ${expr(0)} }`;
    else if (r < 0.7) p = Array.from({ length: 1 + Math.floor(rand() * 3) },
      () => pick(['ERROR', '?Login', '-Root', '"Failed authentication"', '%Acc.ss%', 'kms', '?x'])).join(' ');
    else if (r < 0.85) p = `[${Array.from({ length: 1 + Math.floor(rand() * 4) },
      () => pick(['a', 'b = 404', 'c != x*', '...', 'd > 10', 'e = %^[0-9]+$%', ''])).join(', ')}]`;
    else p = `{ ${expr(0)}`;  // and some broken ones
    // Now and then damage it: drop or duplicate a character.
    if (rand() < 0.2) {
      const i = Math.floor(rand() * p.length);
      p = rand() < 0.5 ? p.slice(0, i) + p.slice(i + 1) : p.slice(0, i) + p[i] + p.slice(i);
    }
    return p;
  };
  const event = () => {
    const r = rand();
    if (r < 0.35) return pick(corpus);
    if (r < 0.5) return JSON.stringify(JSON.parse(pick(corpus)), null, 2);
    if (r < 0.65) return JSON.stringify({ a: pick([1, 'x', [1, 2], { b: 'Access' }, null, true]), n: pick([400, '400', 1e2, -3]),
      eventName: pick(['ConsoleLogin', 'CreatePolicy', 'x']) });
    if (r < 0.8) return `10.0.0.${Math.floor(rand() * 9)} - user [ts] "GET /" ${pick([200, 404, 500])} ${Math.floor(rand() * 99)}`;
    if (r < 0.9) { const s = pick(corpus); return s.slice(0, Math.floor(rand() * s.length)); }  // broken JSON
    return pick(['ERROR Failed authentication kms', 'plain text', '{"eventName":"Console\\u004cogin"}']);
  };
  let cases = 0, matched = 0, invalid = 0;
  for (let i = 0; i < 150; i++) {
    const p = pattern();
    const text = Array.from({ length: 1 + Math.floor(rand() * 6) }, event).join('\n');
    if (!/^[\x00-\x7f]*$/.test(p + text)) continue;
    const r = same(p, text);
    cases++;
    matched += r.counts.matched;
    if (!r.pattern.ok) invalid++;
  }
  // The generator must exercise both outcomes.
  assert.ok(cases > 100 && matched > 10 && invalid > 5, `${cases} cases, ${matched} matches, ${invalid} invalid`);
});
