// `cwlf check` and `cwlf test` in Japanese beyond the verdicts (lang.test.mjs):
// the pattern's summary (core/proof/summary.cc), the check line and the
// parser error's position line, with selectors, values and AWS's own message
// as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const seedPattern = readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8');
const seedEvents = join(root, 'tests/data/seed/events.txt');
const USER_NAME = '`userIdentity.sessionContext.sessionIssuer.userName`';

function cwlf(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('cwlf test --lang ja summarises the seed pattern in Japanese, its trap included', () => {
  const r = cwlf(['test', '--lang', 'ja', seedPattern, seedEvents]);
  assert.equal(r.code, 0, r.err);
  const summary = r.out.split('\n')[0];
  assert.ok(summary.startsWith('概要: `eventName` が 16 個の値（DeleteGroupPolicy、DeleteRolePolicy、DeleteUserPolicy、PutGroupPolicy、…）のいずれかである JSON イベントに一致します'), summary);
  assert.ok(summary.includes(`（${USER_NAME} が cm-policymaintainer であるものを除く）。`), summary);
  assert.ok(summary.includes(`${USER_NAME} がないイベントは決して一致しません。`), summary);
  assert.ok(summary.includes('CloudTrail では、IAM ユーザー、ルート、AWS のサービスが呼び出したイベントはすべてこれにあたります'), summary);
  assert.doesNotMatch(summary, /Matches|Events without|unless/);
});

test('the English summary is unchanged by the catalogue', () => {
  const r = cwlf(['test', '--lang', 'en', seedPattern, seedEvents]);
  assert.ok(r.out.startsWith('Summary: Matches JSON events where `eventName` is one of 16 values (DeleteGroupPolicy, ' +
    'DeleteRolePolicy, DeleteUserPolicy, PutGroupPolicy, …), unless ' + USER_NAME + ' is cm-policymaintainer. Events without ' +
    USER_NAME + ' never match, although `!=` only meant to exclude one value: a comparison with a missing field is false.'), r.out);
});

test('cwlf check --lang ja: the check line and summaries of each family', () => {
  const cases = [
    ['{ $.a = "x*" && $.b != 3 }', ['有効な json パターンです', '`a` が x で始まる JSON イベントに一致します（`b` が 3 であるものを除く）。' +
      '`b` がないイベントは決して一致しません。`!=` で除外したかったのは 1 つの値だけですが、欠落したフィールドとの比較は偽になるためです。']],
    ['ERROR -DEBUG "a b"', ['有効な terms パターンです', '"ERROR" と "a b" を含み、"DEBUG" を含まないメッセージに一致します（大文字と小文字を区別します）。']],
    ['?ERROR ?WARN', ['有効な terms パターンです', '"ERROR" または "WARN" を含むメッセージに一致します（大文字と小文字を区別します）。']],
    ['{ $.a = 1 && $.a = 2 }', ['有効な json パターンです', 'どのイベントにも一致しません。条件が互いに矛盾しています。']],
  ];
  for (const [pattern, lines] of cases) {
    const r = cwlf(['check', '--lang', 'ja', pattern]);
    assert.equal(r.code, 0, `${pattern}: ${r.err}`);
    assert.deepEqual(r.out.trimEnd().split('\n'), lines, pattern);
  }
});

test('an invalid pattern: AWS\'s message verbatim, the position line in Japanese', () => {
  const r = cwlf(['check', '--lang', 'ja', '{ $.a = 1 } x']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^InvalidParameterException: If a filter pattern starts with '\{' it must end with '\}'$/m);
  assert.match(r.err, /^1 行目、14 列目でエラー: /m);
  const en = cwlf(['check', '--lang', 'en', '{ $.a = 1 } x']);
  assert.match(en.err, /^error at line 1, column 14: /m);
});

test('cwlf test --suite refuses a bad file in Japanese, the duplicate key included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-lang-'));
  const file = join(dir, 'twice.json');
  writeFileSync(file, '{"cwlf":"suite","v":1,"pattern":"x","events":"x","pattern":"y"}');
  const ja = cwlf(['test', '--lang', 'ja', '--suite', file]);
  assert.equal(ja.code, 2);
  assert.equal(ja.err, `cwlf: ${file} を実行できません: 1 つのオブジェクトにキー "pattern" が 2 回あります。\n`);
  const en = cwlf(['test', '--lang', 'en', '--suite', file]);
  assert.equal(en.err, `cwlf: ${file} cannot be run: it has the key "pattern" twice in one object.\n`);
});

test('cwlf compare --lang ja: the relation and each witness in Japanese', () => {
  const r = cwlf(['compare', '--lang', 'ja', '{ $.a = 1 }', '{ $.a = * }']);
  assert.equal(r.code, 1, r.err);  // 1: the patterns differ
  assert.match(r.out, /^A のほうが狭い条件です。/);
  assert.match(r.out, /^A は不一致、B は一致:$/m);
  assert.match(r.out, /^ {2}A の判定を決めた条件: /m);
  assert.match(r.out, /^ {2}理由: /m);
  assert.doesNotMatch(r.out, /decided by|Why:|narrower/);
});
