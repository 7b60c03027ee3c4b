// Reads the golden conformance table (tests/data/conformance/*.test; format in
// its README.md). The Catch2 runner reads the same files with
// tests/unit/conformance_table.h; both readers follow that one format, and
// both fail on a block they do not understand instead of skipping it.
import { readdirSync, readFileSync } from 'node:fs';
import { root } from './dist-module.mjs';

const dir = `${root}tests/data/conformance/`;

function fault(where, why) {
  throw new Error(`${where}: ${why}`);
}

function setField(block, key, value, where) {
  if (key.endsWith('-json') && key !== 'extracted-json') {
    key = key.slice(0, -'-json'.length);
    value = JSON.parse(value);
    if (typeof value !== 'string') fault(where, `${key}-json holds a JSON string`);
  }
  switch (key) {
    case 'pattern': block.pattern = value; break;
    case 'message': block.message = value; break;
    case 'verdict':
      if (value !== 'match' && value !== 'no match') fault(where, 'verdict is `match` or `no match`');
      block.match = value === 'match';
      break;
    case 'extracted-json': {
      const parsed = JSON.parse(value);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fault(where, 'extracted-json is a JSON object');
      block.extracted = parsed;
      break;
    }
    case 'error': {
      const m = /^(\S+) @(\d+)\+(\d+)$/.exec(value);
      if (!m) fault(where, 'error is `<code> @<offset>+<length>`');
      block.error = { code: m[1], offset: Number(m[2]), length: Number(m[3]) };
      break;
    }
    case 'aws': block.aws = value; break;
    default: fault(where, `unknown key \`${key}\``);
  }
}

export function readConformanceFile(name) {
  const cases = [];
  let block = null;
  let comments = [];
  const close = () => {
    if (!block) return;
    const verdictCase = block.message !== undefined && block.match !== undefined;
    if (verdictCase === (block.error !== undefined)) fault(block.where, 'a block has `message` + `verdict`, or `error`');
    if (block.pattern === undefined) fault(block.where, 'a block has a pattern');
    cases.push(block);
    block = null;
  };
  readFileSync(dir + name, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const where = `${name}:${i + 1}`;
    if (line === '') {
      close();
      comments = [];
      return;
    }
    if (line.startsWith('#')) {
      if (block) fault(where, 'a comment inside a block');
      comments.push(line.replace(/^# ?/, ''));
      return;
    }
    const colon = line.indexOf(': ');
    if (colon < 0) fault(where, 'expected `key: value`');
    if (!block) block = { where, description: comments.join('\n') };
    setField(block, line.slice(0, colon), line.slice(colon + 2), where);
  });
  close();
  return cases;
}

export function readConformanceTable() {
  return readdirSync(dir).filter((n) => n.endsWith('.test')).sort().flatMap(readConformanceFile);
}

// The table's offsets are bytes of the UTF-8 pattern; the JavaScript API reports UTF-16 indices.
export function utf16Offset(text, byteOffset) {
  return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

// What the JavaScript API should answer for one case, in the API's own shapes:
// compile()'s error (offset and length in UTF-16) or testMetricFilter()'s match and extractedValues.
export function expectedAnswer(c) {
  if (c.error) {
    const start = utf16Offset(c.pattern, c.error.offset);
    const end = utf16Offset(c.pattern, c.error.offset + c.error.length);
    return { error: { code: c.error.code, offset: start, length: end - start, ...(c.aws !== undefined && { awsMessage: c.aws }) } };
  }
  return { match: c.match, ...(c.extracted !== undefined && { extractedValues: c.extracted }) };
}

// The JavaScript API's answer for one case, in the same shape as expectedAnswer(c).
// compile(pattern) and testMetricFilter(pattern, [message]) are the module's own functions
// (or the page worker's replies to them).
export function actualAnswer(c, compiled, tested) {
  if (c.error) {
    if (compiled.ok) return { error: null };
    const { code, offset, length, awsMessage } = compiled.error;
    return { error: { code, offset, length, ...(c.aws !== undefined && { awsMessage }) } };
  }
  if (tested.error) return { compileError: tested.error };
  const match = tested.matches.length === 1;
  const answer = { match };
  if (c.extracted !== undefined) answer.extractedValues = match ? tested.matches[0].extractedValues : null;
  return answer;
}
