// Builds cwlf.html: the whole page in one file — styles, scripts, the
// engine and its WebAssembly — for people who cannot host anything: it
// works when opened from disk (file://), with no server and no request.
//
//   node scripts/build-single-file.mjs STAGE_DIR OUT_FILE
//
// STAGE_DIR is the assembled page (see build-web.sh). How the pieces that
// the served page loads as separate files get in:
//   * each <link rel="stylesheet"> becomes a <style>;
//   * the ES modules, from app.js down, become one inline module script:
//     each module's body in its own function scope, its `export`s returned,
//     its `import { a, b as c } from './x.js'` turned into a destructuring of
//     x's exports (the page's modules only use these two forms; anything
//     else stops the build rather than produce a broken page);
//   * the engine worker starts from a Blob URL (a worker cannot be loaded
//     from file://): cwlf.js + engine-worker.js, with the wasm bytes inlined
//     as base64 in place of its fetch('cwlf.wasm') and importScripts('cwlf.js').
// The Content-Security-Policy is replaced by one for a file with no origin:
// only these inline scripts and styles (by hash), blob: for the worker, and
// no connection at all.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: build-single-file.mjs STAGE_DIR OUT_FILE');
  process.exit(2);
}
const read = (name) => readFileSync(join(dir, name), 'utf8');

function fail(message) {
  console.error(`build-single-file: ${message}`);
  process.exit(1);
}

function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) fail(`expected exactly one ${JSON.stringify(from)} in ${what}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// Text inside <script>/<style> must not close the element early.
function inlineSafe(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) fail(`${what} contains </script>, </style> or <!--`);
  return text;
}

// ---- the engine worker, from a Blob -----------------------------------------------------

const wasmBase64 = readFileSync(join(dir, 'cwlf.wasm')).toString('base64');
let workerCode = read('engine-worker.js');
workerCode = replaceOnce(workerCode, "fetch('cwlf.wasm')",
  'Promise.resolve(new Response(Uint8Array.from(atob(self.cwlfWasmBase64), (c) => c.charCodeAt(0))))', 'engine-worker.js');
workerCode = replaceOnce(workerCode, "importScripts('cwlf.js');", '/* cwlf.js is above */', 'engine-worker.js');
workerCode = replaceOnce(workerCode, "importScripts('worker-protocol.js');", read('worker-protocol.js'), 'engine-worker.js');
const workerSource = `self.cwlfWasmBase64 = ${JSON.stringify(wasmBase64)};\n${read('cwlf.js')}\n${workerCode}`;

// What boot.js does for the served page, with the worker from a Blob URL.
const boot = `{
  const early = [];
  const url = URL.createObjectURL(new Blob([${JSON.stringify(workerSource).replace(/<\//g, '<\\/')}], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.onmessage = (e) => { early.push({ type: 'message', data: e.data }); };
  worker.onerror = (e) => { e.preventDefault(); early.push({ type: 'error', message: e.message }); };
  self.cwlfBoot = { worker, early };
}`;

// ---- the modules, in one script ------------------------------------------------------------

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([\w.-]+\.js)';[ \t]*$/gm;
const EXPORT = /^export\s+(?:async\s+function\*?|function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm;
const varName = (file) => `__cwlf_${file.replace(/\W/g, '_')}`;

const order = [];
const seen = new Set();
function visit(file, chain) {
  if (seen.has(file)) return;
  if (chain.includes(file)) fail(`import cycle: ${[...chain, file].join(' -> ')}`);
  const code = read(file);
  for (const m of code.matchAll(IMPORT)) visit(m[2], [...chain, file]);
  seen.add(file);
  order.push(file);
}
visit('app.js', []);

function moduleBody(file) {
  let code = read(file);
  const imports = [];
  code = code.replace(IMPORT, (_, names, from) => {
    const parts = names.split(',').map((s) => s.trim()).filter(Boolean)
      .map((s) => s.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
    imports.push(`const { ${parts.join(', ')} } = ${varName(from)};`);
    return '';
  });
  const exports = [...code.matchAll(EXPORT)].map((m) => m[1]);
  code = code.replace(/^export\s+/gm, '');
  if (/^\s*(import|export)\b/m.test(code)) fail(`${file} uses an import/export form the single-file build does not handle`);
  if (/import\.meta|import\(/.test(code)) fail(`${file} uses import.meta or import()`);
  return `const ${varName(file)} = (() => {\n${imports.join('\n')}\n${code}\nreturn { ${exports.join(', ')} };\n})();`;
}

const bundle = inlineSafe([
  '// cwlf, single-file build (scripts/build-single-file.mjs): the page\'s modules, each in its own scope.',
  read('worker-protocol.js'),
  boot,
  ...order.map(moduleBody),
].join('\n\n'), 'the bundled modules');

// ---- the page ---------------------------------------------------------------------------------

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
let html = read('index.html');
const styleHashes = [];
html = html.replace(/<link rel="stylesheet" href="([\w.-]+\.css)">/g, (_, file) => {
  const css = inlineSafe(read(file), file);
  styleHashes.push(sha256(css));
  return `<style>${css}</style>`;
});
html = replaceOnce(html, '<script src="boot.js" async></script>\n', '', 'index.html');
html = replaceOnce(html, '<script src="worker-protocol.js"></script>\n', '', 'index.html');
html = replaceOnce(html, '<script type="module" src="app.js"></script>', `<script type="module">${bundle}</script>`, 'index.html');
const csp = [
  "default-src 'none'",
  `script-src ${sha256(bundle)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${styleHashes.join(' ')}`,
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes(csp)) fail('index.html has no Content-Security-Policy <meta> to replace');
if (/\b(src|href)="(?!data:|#)[^"]*"/.test(html.replace(/<script type="module">[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/g, ''))) {
  fail('index.html still refers to a file: ' + /\b(src|href)="(?!data:|#)[^"]*"/.exec(html)[0]);
}
writeFileSync(out, html);
console.log(`cwlf.html: ${html.length} bytes, ${order.length} modules`);
