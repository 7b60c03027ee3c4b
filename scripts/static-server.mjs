// A tiny, dependency-free static file server for dist/ (used by ./serve.sh
// and the browser tests). Static files only: GET and HEAD, no directory
// listings, nothing outside the root. `.wasm` is served as application/wasm
// so that browsers can compile it while it downloads.
//
//   node scripts/static-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//
// --port 0 picks a free port. Once listening it prints one line:
//   cwlf is served at http://127.0.0.1:PORT/
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const options = { root: 'dist', port: '8080', host: '127.0.0.1' };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const m = /^--(root|port|host)(?:=(.*))?$/.exec(args[i]);
  if (!m) {
    console.error(`static-server: unknown argument ${args[i]}`);
    process.exit(2);
  }
  options[m[1]] = m[2] !== undefined ? m[2] : args[++i];
}
const root = resolve(options.root);
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`static-server: bad port ${options.port}`);
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

// The same policy as the page's <meta> tag, sent as a header too so that it
// also covers the Web Worker: nothing may be fetched from another origin.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed\n');
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request\n');
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found\n');
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return send(res, 404, 'Not found\n');
  }
  if (!stat.isFile()) return send(res, 404, 'Not found\n');
  res.writeHead(200, {
    'Content-Type': types[extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': csp,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});

server.on('error', (err) => {
  console.error(`static-server: ${err.message}`);
  process.exit(1);
});
server.listen(port, options.host, () => {
  const { port: actual } = server.address();
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`cwlf is served at http://${host}:${actual}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
