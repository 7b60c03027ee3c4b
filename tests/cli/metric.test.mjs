// `cwlf test --metric-value … [--default-value …] [--dimension NAME=REF …]`:
// what a metric filter would publish per event, and AWS's validation of the
// metric transformation. Runs the native binary built by ./test.sh (CWLF_BIN).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.CWLF_BIN || join(root, 'build', 'cwlf');

function cwlf(args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ACCESS_LOG = '198.51.100.7 alice 200 512\n198.51.100.7 bob 404 10\n198.51.100.8 carol 200 big\n';

test('space-delimited: $size per event, a dimension, no datapoint for a non-number', () => {
  const r = cwlf(['test', '[ip, user, status = 200, size]', '-', '--metric-value', '$size', '--dimension', 'User=$user'], ACCESS_LOG);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Metric \(value \$size, dimension User=\$user\):\n {2}Event 1: publishes 512 \[User=alice\]\n {2}Event 2: nothing \(No match: nothing is published\.\)\n {2}Event 3: nothing \(Matched, but `\$size` is `big`, not a number: no datapoint\.\)\n {2}1 datapoint, sum 512\n/);
});

test('JSON: $.field with a default value', () => {
  const events = '{"eventName":"GetObject","bytes":100}\n{"eventName":"PutObject","bytes":7}\n';
  const r = cwlf(['test', '{ $.eventName = GetObject }', '-', '--metric-value', '$.bytes', '--default-value', '0'], events);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Event 1: publishes 100\n {2}Event 2: default 0 \(No match: the default value 0 is published for a minute in which no event matched\.\)/);
});

test('AWS\'s validation: dimensions need a JSON or space-delimited pattern, and no default value', () => {
  let r = cwlf(['test', 'ERROR', '-', '--dimension', 'Level=$.level'], 'ERROR x\n');
  assert.equal(r.code, 2);
  assert.match(r.err, /does not support dimensions/);
  r = cwlf(['test', '{ $.a = 1 }', '-', '--dimension', 'A=$.a', '--default-value', '0'], '{"a":1}\n');
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot have a default value/);
  r = cwlf(['test', '{ $.a = 1 }', '-', '--metric-value', '$.items[*].n'], '{"a":1}\n');
  assert.equal(r.code, 2);
  assert.match(r.err, /wildcard/);
  r = cwlf(['test', '{ $.a = 1 }', '-', '--dimension', 'novalue'], '{"a":1}\n');
  assert.equal(r.code, 2);
  assert.match(r.err, /--dimension takes NAME=REFERENCE/);
});
