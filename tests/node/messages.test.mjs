// The message catalogues (messages/<lang>.json) against each other and
// against the code that uses them:
//   - every id has a sentence in every language, with the same placeholders;
//   - every id the C++ code passes to say() exists, and the arguments it
//     passes are exactly the sentence's placeholders (none unknown, none unused);
//   - every core id in the catalogue is used somewhere (no dead sentences);
//   - every id the page uses (t('…'), data-i18n attributes) exists.
// Static: reads the sources, needs no build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeholders, render } from '../../web/i18n-render.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LANGS = ['en', 'ja'];
const catalogues = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(root, 'messages', `${l}.json`), 'utf8'))]));
const ids = Object.keys(catalogues.en);
const PAGE_PREFIX = 'page.';

function files(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const show = (s) => `{${[...s].sort().join(', ')}}`;

test('every id has a sentence in every language, with the same placeholders', () => {
  for (const lang of LANGS) {
    const missing = ids.filter((id) => typeof catalogues[lang][id] !== 'string' || catalogues[lang][id] === '');
    assert.deepEqual(missing, [], `${lang} lacks sentences`);
    const extra = Object.keys(catalogues[lang]).filter((id) => !(id in catalogues.en));
    assert.deepEqual(extra, [], `${lang} has ids English lacks`);
  }
  for (const id of ids) {
    const en = placeholders(catalogues.en[id]);
    for (const lang of LANGS) {
      const other = placeholders(catalogues[lang][id]);
      assert.ok(sameSet(en, other), `${id}: ${lang} uses ${show(other)}, English ${show(en)}`);
    }
  }
});

// The catalogue's id prefixes the C++ code uses (page.* belongs to the page).
const corePrefixes = new Set(ids.filter((id) => !id.startsWith(PAGE_PREFIX)).map((id) => id.split('.')[0]));
const ID = /"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"/g;
const looksLikeId = (s) => corePrefixes.has(s.split('.')[0]);

// The text of each say(...) call: from after "say(" to its closing parenthesis.
function sayCalls(src) {
  const out = [];
  const re = /\bsay\(/g;
  let m;
  while ((m = re.exec(src))) {
    let depth = 1;
    let i = m.index + m[0].length;
    let inString = false;
    for (; i < src.length && depth > 0; ++i) {
      const c = src[i];
      if (inString) {
        if (c === '\\') ++i;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '(') ++depth;
      else if (c === ')') --depth;
    }
    out.push({ start: m.index, end: i, text: src.slice(m.index + m[0].length, i - 1) });
  }
  return out;
}

// Splits a call's text at its first top-level comma: [id expression, arguments].
function splitCall(text) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (inString) {
      if (c === '\\') ++i;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('({['.includes(c)) ++depth;
    else if (')}]'.includes(c)) --depth;
    else if (c === ',' && depth === 0) return [text.slice(0, i), text.slice(i + 1)];
  }
  return [text, ''];
}

// Argument names at the top level of `{{"name", …}, {"name", …}}`; nested
// say() calls' arguments are left out.
function argNames(args) {
  const names = new Set();
  let depth = 0;
  for (let i = 0; i < args.length; ++i) {
    const c = args[i];
    if (c === '(') {
      // skip a parenthesised sub-expression (nested say() or any call)
      let d = 1;
      for (++i; i < args.length && d > 0; ++i) {
        if (args[i] === '"') { for (++i; i < args.length && args[i] !== '"'; ++i) if (args[i] === '\\') ++i; }
        else if (args[i] === '(') ++d;
        else if (args[i] === ')') --d;
      }
      --i;
      continue;
    }
    if (c === '{') {
      ++depth;
      if (depth === 2) {
        const m = /^\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*,/.exec(args.slice(i + 1));
        if (m) names.add(m[1]);
      }
    } else if (c === '}') --depth;
    else if (c === '"') { for (++i; i < args.length && args[i] !== '"'; ++i) if (args[i] === '\\') ++i; }
  }
  return names;
}

// The code that writes sentences (the catalogue's own machinery, core/i18n/, and
// the --lang option only read it).
const sources = [...files(join(root, 'core'), '.cc'), ...files(join(root, 'cli'), '.cc')]
  .filter((f) => !f.includes(`${join('core', 'i18n')}`) && !f.endsWith('lang_option.cc'))
  .filter((f) => readFileSync(f, 'utf8').includes('"cwlf/i18n.h"'));

test('the C++ code passes every sentence exactly its placeholders', () => {
  const used = new Set();
  const problems = [];
  for (const file of sources) {
    // (#include lines hold file names such as "lint.h", not ids)
    const src = readFileSync(file, 'utf8').replace(/^#include .*$/gm, '');
    const calls = sayCalls(src);
    assert.ok(calls.length > 0, `${file} includes cwlf/i18n.h but calls no say()`);
    const check = (id, names, where) => {
      used.add(id);
      if (!(id in catalogues.en)) { problems.push(`${where}: unknown id ${id}`); return; }
      const want = placeholders(catalogues.en[id]);
      if (!sameSet(want, names)) problems.push(`${where}: ${id} is given ${show(names)}, its sentence uses ${show(want)}`);
    };
    // say() calls with literal ids; the others pick their id from a table of
    // literals in the same file, and must all pass the same arguments.
    const tableShapes = new Set();
    let tableArgs = null;
    const inCalls = [];
    for (const call of calls) {
      const [idExpr, args] = splitCall(call.text);
      const names = argNames(args);
      const literal = [...idExpr.matchAll(ID)].map((m) => m[1]).filter(looksLikeId);
      const line = src.slice(0, call.start).split('\n').length;
      if (literal.length) for (const id of literal) check(id, names, `${file}:${line}`);
      else { tableShapes.add(show(names)); tableArgs = names; }
      inCalls.push([call.start, call.end]);
    }
    assert.ok(tableShapes.size <= 1, `${file}: say() calls with ids from tables pass different arguments ${[...tableShapes]}`);
    for (const m of src.matchAll(ID)) {
      if (!looksLikeId(m[1]) || inCalls.some(([s, e]) => m.index > s && m.index < e)) continue;
      assert.ok(tableArgs, `${file}: ${m[1]} appears outside say() but no say() takes its id from a table`);
      check(m[1], tableArgs, `${file} (table)`);
    }
  }
  assert.deepEqual(problems, []);
  const unused = ids.filter((id) => !id.startsWith(PAGE_PREFIX) && !used.has(id));
  assert.deepEqual(unused, [], 'sentences no code uses');
});

test('the renderer substitutes only {name} placeholders and leaves other braces alone', () => {
  assert.equal(render('{a} and {b}', { a: 'x', b: '{b}' }), 'x and {b}');
  assert.equal(render('{ $.field = value } {…} {1x}', {}), '{ $.field = value } {…} {1x}');
  assert.deepEqual([...placeholders('{ $.x } {sel} {sel}{tail}')].sort(), ['sel', 'tail']);
});

test('every id the page uses exists', () => {
  const web = join(root, 'web');
  const missing = [];
  const need = (id, where) => { if (!(id in catalogues.en)) missing.push(`${where}: ${id}`); };
  for (const file of files(web, '.js')) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\('([^']+)'/g)) need(m[1], file);
    // counted(n, 'page.counts.x') reads page.counts.x.one and .other
    for (const m of src.matchAll(/\bcounted\([^,]+,\s*'([^']+)'\)/g)) for (const form of ['one', 'other']) need(`${m[1]}.${form}`, file);
  }
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) need(m[1], 'index.html');
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const pair of m[1].split(';')) need(pair.split(':')[1], 'index.html');
  // The gallery's titles and notes, by alarm id.
  for (const m of readFileSync(join(web, 'gallery-data.js'), 'utf8').matchAll(/(?:alarm\(|id: )'([^']+)'/g)) need(`page.gallery.${m[1]}.title`, 'gallery-data.js');
  assert.deepEqual(missing, []);
});

// Modules that also run in Node (web/phrase.js) write phrase('id', 'English', …):
// that English must be the catalogue's, word for word.
test('the English next to each phrase() id is the catalogue\'s', () => {
  const problems = [];
  let seen = 0;
  const literal = "'((?:[^'\\\\]|\\\\.)*)'";
  const call = new RegExp(`\\bphrase\\(\\s*'([^']+)',\\s*${literal}`, 'g');
  for (const file of files(join(root, 'web'), '.js')) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) {
      seen += 1;
      const english = m[2].replace(/\\(.)/g, '$1');
      if (!(m[1] in catalogues.en)) problems.push(`${file}: unknown id ${m[1]}`);
      else if (catalogues.en[m[1]] !== english) problems.push(`${file}: ${m[1]} says ${JSON.stringify(english)}, the catalogue ${JSON.stringify(catalogues.en[m[1]])}`);
    }
  }
  assert.ok(seen > 20, `only ${seen} phrase() calls found: is the pattern still right?`);
  assert.deepEqual(problems, []);
});
