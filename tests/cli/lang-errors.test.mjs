// `cwlf --lang ja` on bad inputs: the parser's reasons, the events' and the
// JSON reader's notes, the regex dialect's refusals and the alarm's rules in
// Japanese, at the same position as in English; AWS's own message
// (InvalidParameterException: …) stays verbatim English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');

function cwlf(args, input) {
  const r = spawnSync(bin, args, { encoding: 'utf8', input, env: { PATH: process.env.PATH } });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
}

// The caret lines of a report: the pattern and the ^ under the fault.
const caret = (all) => all.split('\n').filter((line) => /^ {2}/.test(line)).join('\n');
const position = (all) => /(\d+) 行目、(\d+) 列目|line (\d+), column (\d+)/.exec(all).slice(1).filter(Boolean).join(':');

test('check: a broken JSON pattern has a Japanese reason, AWS\'s message verbatim, the same caret', () => {
  const ja = cwlf(['--lang', 'ja', 'check', '{ $.a = }']);
  const en = cwlf(['--lang', 'en', 'check', '{ $.a = }']);
  assert.equal(ja.code, 1);
  assert.match(ja.all, /^InvalidParameterException: Invalid metric filter pattern$/m);
  assert.ok(ja.all.includes("1 行目、9 列目でエラー: '=' の後には値（文字列、数値、または任意の値を表す *）が必要ですが、'}' があります。"), ja.all);
  assert.ok(en.all.includes("error at line 1, column 9: Expected a value after '=' (a string, a number, or * for any value), but found '}'."), en.all);
  assert.equal(caret(ja.all), caret(en.all));
  assert.equal(position(ja.all), position(en.all));
});

test('check: each family\'s errors and the regex dialect\'s are Japanese, nothing English but AWS\'s message', () => {
  const cases = [
    ['{ $.a == 1 }', "'==' があります。"],
    ['{ $.a = 1 AND $.b = 2 }', "'AND' があります。CloudWatch では条件を単語ではなく '&&' でつなぎます。"],
    ['[a, a]', "フィールド名 'a' はすでに使われています。"],
    ['[a = 1 && b = 2]', "この条件は 'b' を調べていますが"],
    ['ERR*', "テキストの語に '*' ワイルドカードはありません。"],
    ['a:b', "CloudWatch は引用符なしの語の ':' を受け付けません。\"a:b\" と書いてください。"],
    ['{ $.a = %a{5,2}% }', '繰り返し {5,2} の最小回数が最大回数を超えています'],
    ['{ $.a = %\\b% }', '単語境界 \\b は Java では使えますが、cwlf では未対応です'],
    ['{ $.a = %é% }', 'CloudWatch の正規表現では ASCII 以外の文字は使えません'],
    ['{ $.a IS }', "IS の後には NULL、TRUE、FALSE のいずれかが必要ですが、'}' があります。"],
    ['[a =', "'=' の後には値（文字列、数値、または任意の値を表す *）が必要ですが、パターンがここで終わっています。"],
  ];
  for (const [pattern, reason] of cases) {
    const r = cwlf(['--lang', 'ja', 'check', pattern]);
    assert.equal(r.code, 1, pattern);
    assert.ok(r.all.includes(reason), `${pattern}: ${r.all}`);
    const reasonLine = r.all.split('\n').find((line) => line.includes('でエラー'));
    // Latin words in the reason are only pattern text, keywords and names.
    assert.doesNotMatch(reasonLine, /\b(?:Expected|found|cannot|must|write|the|is|not)\b/, `${pattern}: ${reasonLine}`);
  }
});

test('test: a malformed event and a broken Logs Insights CSV row are Japanese', () => {
  const events = cwlf(['--lang', 'ja', 'test', '{ $.a = 1 }', '-'], '{"a":1}\n{"b": tru}\nhello\n');
  assert.ok(events.out.includes('JSON として正しくありません（2 行目、7 列目）：ここには値（オブジェクト、配列、文字列、数値、true、false、null）が必要です。'), events.out);
  assert.ok(events.out.includes("ここより前のイベントは JSON なので、ここにも JSON オブジェクトが必要ですが、'hello' があります。"), events.out);
  const english = cwlf(['--lang', 'en', 'test', '{ $.a = 1 }', '-'], '{"a":1}\n{"b": tru}\nhello\n');
  assert.ok(english.out.includes('Invalid JSON at line 2, column 7: expected a value here (an object, array, string, number, true, false or null).'), english.out);

  const dir = mkdtempSync(join(tmpdir(), 'cwlf-lang-errors-'));
  const csv = join(dir, 'logs-insights-results.csv');
  writeFileSync(csv, '@timestamp,@message\n2024-01-01 00:00:00.000,"{""a"":1}"\n2024-01-01 00:00:01.000,"{""a"":1}",extra\n2024-01-01 00:00:02.000,"unclosed\n');
  const rows = cwlf(['--lang', 'ja', 'test', '{ $.a = 1 }', csv]);
  assert.ok(rows.out.includes('CSV エクスポートのこの行にはフィールドが 3 個ありますが、ヘッダーには 2 個あります。'), rows.out);
  assert.ok(rows.out.includes('CSV エクスポートのこの行は形式が正しくありません：引用符で囲んだフィールドが閉じられていません（閉じる引用符がありません）。'), rows.out);
});

test('filter and compare: the pattern\'s error in Japanese', () => {
  const filter = cwlf(['--lang', 'ja', 'filter', '{ $.a == 1 }', '-'], '{"a":1}\n');
  assert.equal(filter.code, 2);
  assert.match(filter.err, /^InvalidParameterException: Invalid metric filter pattern$/m);
  assert.ok(filter.err.includes("'==' があります。CloudWatch では等しいことの比較は '=' 1 つで書きます。"), filter.err);
  const compare = cwlf(['--lang', 'ja', 'compare', '{ $.a = 1 }', '{ $.b == 1 }']);
  assert.equal(compare.code, 2);
  assert.match(compare.err, /^パターン B: InvalidParameterException: Invalid metric filter pattern$/m);
});

test('alarm: a setting AWS refuses, and the replay\'s report, in Japanese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-lang-alarm-'));
  const file = join(dir, 'events.jsonl');
  writeFileSync(file, '{"eventTime":"2024-01-01T00:00:10Z","a":1}\n{"eventTime":"2024-01-01T00:00:20Z","a":1}\n');
  const refused = cwlf(['--lang', 'ja', 'alarm', '{ $.a = 1 }', file, '--period', '7', '--threshold', '1']);
  assert.equal(refused.code, 2);
  assert.ok(refused.err.includes('期間は 10、20、30 秒か 60 秒の倍数にしてください（PutMetricAlarm の Period）。7 は使えません。'), refused.err);
  const fired = cwlf(['--lang', 'ja', 'alarm', '{ $.a = 1 }', file, '--period', '60', '--threshold', '2']);
  assert.equal(fired.code, 0, fired.all);
  assert.match(fired.out, /^一致したイベント 2 件。60 秒ごとの Sum で、1 期間中 1 期間 Sum GreaterThanOrEqualToThreshold 2 のときアラーム（欠落データ：missing）$/m);
  assert.match(fired.out, /^期間（UTC） {12}\s+値\s+件数$/m);
  assert.match(fired.out, /^2024-01-01T00:00:00Z\s+2\s+2 {2}しきい値超え$/m);
  assert.match(fired.out, /^ALARM 2024-01-01T00:00:00Z 〜 2024-01-01T00:01:00Z（データの終わりでもまだ ALARM）：イベント 2 件$/m);
  const english = cwlf(['--lang', 'en', 'alarm', '{ $.a = 1 }', file, '--period', '60', '--threshold', '2']);
  assert.match(english.out, /^2 matching events; Sum per 60s period, alarm when Sum GreaterThanOrEqualToThreshold 2 for 1 of 1 periods \(missing data: missing\)$/m);
  assert.match(english.out, /^period \(UTC\) {10}\s+value\s+events$/m);
});

test('filter: a file that cannot be read, and gzip data that is corrupt, in Japanese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwlf-lang-files-'));
  const broken = join(dir, 'broken.json.gz');
  writeFileSync(broken, Buffer.from([0x1f, 0x8b, 8, 0, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]));
  const missing = join(dir, 'missing.json');
  const ja = cwlf(['--lang', 'ja', 'filter', '{ $.a = 1 }', broken, missing]);
  assert.equal(ja.code, 2);
  assert.ok(ja.err.includes(`cwlf: ${broken}: gzip データが壊れています`), ja.err);
  assert.ok(ja.err.includes(`cwlf: ${missing} を読めません：`), ja.err);
  const en = cwlf(['--lang', 'en', 'filter', '{ $.a = 1 }', broken, missing]);
  assert.ok(en.err.includes(`cwlf: ${broken}: the gzip data is corrupt`), en.err);
  assert.ok(en.err.includes(`cwlf: cannot read ${missing}: `), en.err);
});
