// `cwlf --lang ja sql`: what SQL cannot say exactly is refused in Japanese
// (the refusal's family and position unchanged); the option refusals too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');

function cwlf(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status, err: r.stderr };
}

test('sql refusals in Japanese: regex, number literal, JSON number text; the caret is the English one', () => {
  const cases = [
    ['{ $.a = %a$b% }', /このパターンは SQL に正確に変換できません（regex）/, /RE2 ではこれを表現できません。$/m],
    ['{ $.a = 1e999 }', /（number-literal）/, /数値 1e999 は double の範囲を超えており、SQL では書けません。$/m],
    ['{ $.a = "1.5" }', /（json-number-text）/, /数値と比較するか、どの 10 進数にも一致しないテキストと比較してください。$/m],
  ];
  for (const [pattern, head, reason] of cases) {
    const ja = cwlf(['--lang', 'ja', 'sql', pattern, '--dialect', 'duckdb']);
    const en = cwlf(['--lang', 'en', 'sql', pattern, '--dialect', 'duckdb']);
    assert.equal(ja.code, 2, ja.err);
    assert.equal(en.code, 2, en.err);
    assert.match(ja.err, head);
    assert.match(ja.err, reason);
    assert.match(en.err, /^cwlf: cannot translate this pattern into SQL exactly \(/);
    const carets = (s) => s.split('\n').filter((l) => /^ {2}/.test(l)).join('\n');
    assert.equal(carets(ja.err), carets(en.err));
    assert.ok(carets(ja.err).includes('^'), ja.err);
  }
});

test('sql option refusals in Japanese', () => {
  const ja = cwlf(['--lang', 'ja', 'sql', '{ $.a = 1 }', '--dialect', 'duckdb', '--column', '']);
  assert.equal(ja.code, 2);
  assert.match(ja.err, /列名が空です/);
});
