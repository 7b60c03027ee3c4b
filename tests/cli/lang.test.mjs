// `cwlf --lang ja|en` and the locale (LC_ALL, LC_MESSAGES, LANG): the seed
// example's verdicts, reasons, warning and fixes in Japanese or English, with
// selectors, values and pattern text as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const seedPattern = readFileSync(join(root, 'tests/data/seed/pattern.txt'), 'utf8');
const seedEvents = join(root, 'tests/data/seed/events.txt');
const SELECTOR = '`$.userIdentity.sessionContext.sessionIssuer.userName`';

// Runs cwlf with only the locale variables given (none inherited).
function cwlf(args, locale = {}) {
  const env = { PATH: process.env.PATH, ...locale };
  const r = spawnSync(bin, args, { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function assertJapanese(out) {
  assert.match(out, /^イベント 3（89〜117 行目）: 不一致$/m);
  assert.match(out, /^イベント 2（45〜87 行目）: 一致$/m);
  assert.ok(out.includes(`${SELECTOR} が存在しません。\`$.userIdentity\` に \`sessionContext\` がないためです` +
    '（このイベントの `userIdentity.type` は `IAMUser`）。CloudWatch では欠落したフィールドとの比較はすべて偽になり、`!=` も例外ではありません。'), out);
  assert.match(out, /^一致 1 件、不一致 3 件、エラー 0 件$/m);
  assert.match(out, /^ {2}警告 \[ne-missing-field\]（1 行目、2 列目）: /m);
  assert.match(out, /^ {4}修正（フィールドがない場合も一致させる）: \{\(\$\.userIdentity\.sessionContext\.sessionIssuer\.userName!=cm-policymaintainer \|\| /m);
  assert.match(out, /^ {4}修正（AssumedRole の ID にだけ適用する）: /m);
}

function assertEnglish(out) {
  assert.match(out, /^Event 3 \(lines 89-117\): NO MATCH$/m);
  assert.ok(out.includes(`${SELECTOR} is missing: \`$.userIdentity\` has no \`sessionContext\``), out);
  assert.match(out, /^1 matched, 3 not matched, 0 errors$/m);
  assert.match(out, /^ {4}fix \(Also match when the field is missing\): /m);
}

test('cwlf test --lang ja prints the seed example in Japanese', () => {
  const r = cwlf(['test', '--lang', 'ja', seedPattern, seedEvents]);
  assert.equal(r.code, 0, r.err);
  assertJapanese(r.out);
});

test('LANG=ja_JP.UTF-8 chooses Japanese; --lang en overrides it; LC_ALL comes before LANG', () => {
  assertJapanese(cwlf(['test', seedPattern, seedEvents], { LANG: 'ja_JP.UTF-8' }).out);
  assertEnglish(cwlf(['--lang=en', 'test', seedPattern, seedEvents], { LANG: 'ja_JP.UTF-8' }).out);
  assertEnglish(cwlf(['test', seedPattern, seedEvents], { LC_ALL: 'C.UTF-8', LANG: 'ja_JP.UTF-8' }).out);
  assertJapanese(cwlf(['test', seedPattern, seedEvents], { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }).out);
});

test('English without a locale, and with one cwlf does not speak', () => {
  assertEnglish(cwlf(['test', seedPattern, seedEvents]).out);
  assertEnglish(cwlf(['test', seedPattern, seedEvents], { LANG: 'de_DE.UTF-8' }).out);
});

test('--lang with an unknown or missing value is a usage error', () => {
  const unknown = cwlf(['test', '--lang', 'fr', seedPattern, seedEvents]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown language fr \(cwlf speaks en and ja\)/);
  const missing = cwlf(['test', seedPattern, seedEvents, '--lang']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--lang needs a value/);
});

test('the JSON report is unchanged in structure; its sentences follow --lang', () => {
  const en = JSON.parse(cwlf(['test', '--json', seedPattern, seedEvents]).out);
  const ja = JSON.parse(cwlf(['test', '--json', '--lang', 'ja', seedPattern, seedEvents]).out);
  assert.deepEqual(Object.keys(ja), Object.keys(en));
  assert.equal(JSON.stringify(ja).includes('が存在しません'), true);
  assert.equal(JSON.stringify(en).includes('が存在しません'), false);
});
