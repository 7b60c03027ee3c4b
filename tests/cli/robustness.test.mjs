// The `cwlf` command given inputs it cannot use: directories, files that
// refuse reads, 200,000-deep nesting, endless input under a 1 GB address-space
// limit, outputs that cannot be written. Each must end with a message and a
// non-zero exit status, never a signal (abort, segfault, SIGPIPE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');
const dir = mkdtempSync(join(tmpdir(), 'cwlf-robust-'));

function cwlf(args, options = {}) {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

// Through bash, for ulimit and pipelines; `$0` is the binary.
function shell(script, args = []) {
  const r = spawnSync('bash', ['-c', script, bin, ...args], { encoding: 'utf8' });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

function refused(r, message) {
  assert.equal(r.signal, null, `killed by ${r.signal}; stderr: ${r.err}`);
  assert.ok(r.code !== 0 && r.code < 128, `exit status ${r.code} (stderr: ${r.err})`);
  assert.match(r.err, message);
  assert.doesNotMatch(r.err, /usage:/, 'a read error is not a usage mistake');
}

const deep = (n) => '['.repeat(n) + ']'.repeat(n);

test('a directory is a message and exit 2 in test, --suite and file://', () => {
  for (const args of [['test', 'x', dir], ['test', '--suite', dir],
    ['test-metric-filter', '--filter-pattern', 'x', '--log-event-messages', `file://${dir}`]]) {
    const r = cwlf(args);
    refused(r, /cannot read .*: Is a directory/);
    assert.equal(r.code, 2);
  }
});

test('a file that refuses reads (/proc/self/mem) is a message and exit 2', { skip: !existsSync('/proc/self/mem') }, () => {
  const r = cwlf(['test', 'x', '/proc/self/mem']);
  refused(r, /cannot read \/proc\/self\/mem: /);
  assert.equal(r.code, 2);
});

test('a missing file names the file and the reason', () => {
  refused(cwlf(['test', 'x', join(dir, 'nope.json')]), /cannot read .*nope\.json: No such file or directory/);
});

test('a suite nested 200,000 deep is refused with a message, no stack overflow', () => {
  const closed = join(dir, 'deep-suite.json');
  writeFileSync(closed, `{"cwlf":"suite","v":1,"pattern":"x","events":"x","expectations":${deep(200000)}}`);
  refused(cwlf(['test', '--suite', closed]), /cannot be run: an expectation is not an object/);
  const open = join(dir, 'open-suite.json');
  writeFileSync(open, '{"cwlf":"suite","v":1,"expectations":' + '['.repeat(200000));
  refused(cwlf(['test', '--suite', open]), /cannot be run: it is not valid JSON/);
});

test('a file:// messages file nested 200,000 deep is refused with a message', () => {
  const file = join(dir, 'deep-messages.json');
  writeFileSync(file, deep(200000));
  const r = cwlf(['test-metric-filter', '--filter-pattern', 'x', '--log-event-messages', `file://${file}`]);
  refused(r, /must hold a JSON array of strings/);
  assert.equal(r.code, 2);
});

test('events nested 200,000 deep are tested (or refused) without a crash, in test and filter', () => {
  const file = join(dir, 'deep-events.json');
  writeFileSync(file, `${deep(200000)}\n{"a":1}\n`);
  for (const args of [['test', '{ $.a = 1 }', file], ['filter', '-c', '{ $.a = 1 }', file]]) {
    const r = cwlf(args);
    assert.equal(r.signal, null, `${args[0]}: killed by ${r.signal}`);
    assert.ok(r.code === 0 || r.code === 1 || r.code === 2, `${args[0]}: exit ${r.code}: ${r.err}`);
  }
});

test('endless input under a 1 GB address-space limit is refused beyond 64 MiB, not bad_alloc', () => {
  const r = shell('ulimit -v 1048576 && exec "$0" test x /dev/zero');
  refused(r, /\/dev\/zero holds more than 64 MiB .*cwlf filter/);
  const viaStdin = shell('ulimit -v 1048576 && exec "$0" test x - < /dev/zero');
  refused(viaStdin, /stdin holds more than 64 MiB/);
  const suite = shell('ulimit -v 1048576 && exec "$0" test --suite /dev/zero');
  refused(suite, /holds more than 64 MiB/);
  const messages = shell('ulimit -v 1048576 && exec "$0" test-metric-filter --filter-pattern x --log-event-messages file:///dev/zero');
  refused(messages, /holds more than 64 MiB/);
});

test('a gzip bomb is refused at the same 64 MiB, after decompression', () => {
  const file = join(dir, 'bomb.json.gz');
  writeFileSync(file, gzipSync(Buffer.alloc(65 << 20, 0x20)));
  refused(cwlf(['test', 'x', file]), /more than 64 MiB after decompression/);
});

test('a full disk (/dev/full) is a message and a non-zero exit, for test and filter', { skip: !existsSync('/dev/full') }, () => {
  const events = join(dir, 'events.jsonl');
  writeFileSync(events, '{"a":1}\n{"a":2}\n');
  for (const args of [['test', 'a', events], ['filter', 'a', events], ['check', 'a']]) {
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    assert.equal(r.signal, null);
    assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /cannot write the output: No space left on device/);
  }
});

test('a closed pipe is a non-zero exit, not SIGPIPE, for test and filter', () => {
  // Outputs well over a pipe's 64 KiB buffer: test prints ~250 bytes an event, filter ~20.
  const events = (n) => Array.from({ length: n }, (_, i) => JSON.stringify({ n: i, s: 'abc' })).join('\n');
  writeFileSync(join(dir, 'some.jsonl'), events(2000));
  writeFileSync(join(dir, 'many.jsonl'), events(40000));
  for (const [sub, file] of [['test abc', 'some.jsonl'], ['filter abc', 'many.jsonl']]) {
    // `true` reads nothing and exits: every write after it is EPIPE.
    const r = shell(`"$0" ${sub} "$1" | (exec 0<&-; true); echo "status=\${PIPESTATUS[0]}"`, [join(dir, file)]);
    const status = Number(/status=(\d+)/.exec(r.out)[1]);
    assert.equal(status, 2, `${sub}: exit ${status} (141 = SIGPIPE); ${r.err}`);
    assert.match(r.err, /cannot write the output: Broken pipe/);
  }
});

test('cwlf test decompresses .jsonl.gz as cwlf filter does', () => {
  const lines = '{"eventName":"ConsoleLogin"}\n{"eventName":"Other"}\n{"eventName":"ConsoleLogin"}\n';
  const plain = join(dir, 'events.jsonl');
  const packed = join(dir, 'events.jsonl.gz');
  writeFileSync(plain, lines);
  writeFileSync(packed, gzipSync(lines));
  const pattern = '{ $.eventName = ConsoleLogin }';
  const a = cwlf(['test', pattern, plain, '--json']);
  const b = cwlf(['test', pattern, packed, '--json']);
  assert.equal(b.code, 0, b.err);
  assert.deepEqual(JSON.parse(b.out), JSON.parse(a.out));
  assert.equal(JSON.parse(b.out).events.length, 3);
  const filtered = cwlf(['filter', '-c', pattern, packed]);
  assert.equal(filtered.out.trim(), '2');
});

test('corrupt or cut gzip data is a message and exit 2', () => {
  const whole = gzipSync('{"a":1}\n'.repeat(1000));
  const cut = join(dir, 'cut.json.gz');
  writeFileSync(cut, whole.subarray(0, whole.length >> 1));
  refused(cwlf(['test', 'a', cut]), /cut\.json\.gz: the gzip data is cut short/);
  const bad = join(dir, 'bad.json.gz');
  writeFileSync(bad, Buffer.concat([whole.subarray(0, 10), Buffer.alloc(100, 0xff)]));
  refused(cwlf(['test', 'a', bad]), /bad\.json\.gz: the gzip data is corrupt/);
});

// One inflater serves `cwlf test` and `cwlf filter` (cli/gzip_inflate.cc):
// several members back to back are read in full, bytes after a complete
// member that do not start another are ignored (as gzip does), and a member
// cut short is refused by both with the same words.
test('cwlf test and cwlf filter read the same gzip files the same way', () => {
  const pattern = '{ $.n > 0 }';
  const one = gzipSync('{"n":1}\n{"n":2}\n');
  const two = gzipSync('{"n":3}\n');
  const cases = [
    ['members.json.gz', Buffer.concat([one, two]), 3],
    ['trailing.json.gz', Buffer.concat([one, Buffer.alloc(512, 0)]), 2],
    ['cut-second.json.gz', Buffer.concat([one, two.subarray(0, two.length - 6)]), null],
  ];
  for (const [name, bytes, matches] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const tested = cwlf(['test', pattern, path, '--json']);
    const filtered = cwlf(['filter', '-c', pattern, path]);
    if (matches === null) {
      refused(tested, /the gzip data is cut short/);
      assert.equal(filtered.code, 2, name);
      assert.match(filtered.err, /the gzip data is cut short/);
    } else {
      assert.equal(tested.code, 0, `${name}: ${tested.err}`);
      assert.equal(JSON.parse(tested.out).events.filter((e) => e.matched).length, matches, name);
      assert.equal(filtered.out.trim(), String(matches), name);
    }
  }
});
