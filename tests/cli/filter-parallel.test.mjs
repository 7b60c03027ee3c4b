// `cwlf filter -j N` on CloudTrail's S3 layout: the output (matches, errors,
// counts, exit status) is the same whatever the number of threads, in the
// order of the files (sorted paths) then of the events in each; a broken file
// among good ones is reported in its place and does not disturb the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const corpus = readFileSync(join(root, 'tests/data/corpus/cloudtrail-docs.ndjson'), 'utf8').split('\n').filter(Boolean);

const cwlf = (args) => {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// 60 files over 3 days: Records files gzipped or plain, some broken.
function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-par-'));
  const paths = [];
  for (let f = 0; f < 60; ++f) {
    const day = join(dir, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11', String(1 + (f % 3)).padStart(2, '0'));
    mkdirSync(day, { recursive: true });
    const recs = [];
    for (let i = 0; i < 25; ++i) recs.push(corpus[(f * 7 + i * 3) % corpus.length]);
    let body = `{"Records":[${recs.join(',')}]}`;
    if (f % 13 === 5) body = body.slice(0, body.length / 2);         // cut short
    if (f % 17 === 3) body = '{"Records":[{"eventName":"ConsoleLogin",}]}';  // broken record
    if (f % 19 === 7) body = '{"Records":[]}';
    const name = join(day, `f${String(f).padStart(3, '0')}.json${f % 2 ? '.gz' : ''}`);
    writeFileSync(name, f % 2 ? gzipSync(body) : body);
    paths.push(name);
  }
  writeFileSync(join(dir, 'AWSLogs/zz-broken.json.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
  paths.push(join(dir, 'AWSLogs/zz-broken.json.gz'));
  return { dir, paths: paths.sort() };
}

test('-j 1, 2, 3 and 16 print the same, in the order of the files; one file at a time agrees', () => {
  const { dir, paths } = tree();
  try {
    for (const pattern of ['{ $.eventName = ConsoleLogin }', '{ $.userIdentity.type = Root }', 'AccessDenied', '']) {
      const one = cwlf(['filter', '-j', '1', pattern, dir]);
      assert.equal(one.code, 2, 'a broken file: exit status 2');
      assert.match(one.err, /zz-broken\.json\.gz: the gzip data is cut short/);
      for (const j of ['2', '3', '16']) {
        const many = cwlf(['filter', '-j', j, pattern, dir]);
        assert.equal(many.out, one.out, `-j ${j}: stdout`);
        assert.equal(many.err, one.err, `-j ${j}: stderr`);
        assert.equal(many.code, one.code);
        assert.equal(cwlf(['filter', '-c', '-j', j, pattern, dir]).out, cwlf(['filter', '-c', '-j', '1', pattern, dir]).out);
      }
      // The same as each file alone, concatenated in path order.
      const alone = paths.map((p) => cwlf(['filter', pattern, p]).out).join('');
      assert.equal(one.out, alone);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-j refuses what is not a number of threads', () => {
  for (const bad of ['0', 'x', '-1', '99999']) {
    const r = cwlf(['filter', '-j', bad, 'x', '/dev/null']);
    assert.equal(r.code, 2);
    assert.match(r.err, /-j takes a number of threads/);
  }
});
