// Loaded into the engine worker (engine-worker.js, importScripts): reads the
// files the user dropped or picked (.json, .jsonl, CloudTrail's .json.gz, gunzipped
// with the browser's DecompressionStream) chunk by chunk through the engine's
// FileScan, and streams progress, matches and the summary back to the page.
// Between chunks the worker returns to its event loop, so test requests from
// the page are still answered while a big file is read.
/* exported handleScan */
'use strict';

const SCAN_PIECE = 1 << 20;     // bytes handed to the engine at a time
const SCAN_REPORT_MS = 100;     // how often progress is posted
const SCAN_YIELD_MS = 30;       // longest stretch of reading before test requests get their turn

// Lets the worker's event loop run (a test request from the page is a
// message event): stream reads resolve as microtasks and would not.
function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
let activeScan = 0;             // id of the scan to continue; others stop

// A stream of the file's bytes that counts them as they are read (before
// any decompression), so progress is measured against the file's size.
function countedStream(file, onBytes) {
  const counter = new TransformStream({
    transform(chunk, controller) {
      onBytes(chunk.byteLength);
      controller.enqueue(chunk);
    },
  });
  let stream = file.stream().pipeThrough(counter);
  if (/\.gz$/i.test(file.name)) stream = stream.pipeThrough(new DecompressionStream('gzip'));
  return stream;
}

function mergeCounts(into, rows) {
  for (const [name, n] of rows) into.set(name, (into.get(name) || 0) + n);
}

function topRows(map) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 50);
}

async function handleScan(message, engine) {
  if (message.type === 'scan-cancel') {
    activeScan = 0;
    return;
  }
  const id = message.id;
  activeScan = id;
  const files = message.files || [];
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const started = performance.now();
  let bytes = 0;
  let inflated = 0;               // bytes handed to the engine (after gunzip): the reader's MB/s
  let events = 0;
  let matched = 0;
  let errors = 0;
  let lastReport = 0;
  let lastYield = performance.now();
  const byEventName = new Map();
  const byPrincipal = new Map();
  // Matches the summary counts together (FileScan's distinct-name limit).
  let otherEventNames = 0;
  let otherPrincipals = 0;
  let distinctLimit = 0;
  // message.keep: how many matching events the page lists; only those are sent.
  let toSend = Number.isFinite(message.keep) ? message.keep : Infinity;
  const post = (type, extra) => self.postMessage({
    type, id, bytes, inflated, total, events, matched, errors, ms: performance.now() - started, ...extra,
  });
  for (let f = 0; f < files.length; f += 1) {
    const file = files[f];
    const scan = toSend === Infinity ? new engine.FileScan(message.pattern) : new engine.FileScan(message.pattern, toSend);
    const take = () => {
      const matches = scan.takeMatches().map((m) => ({ ...m, file: file.name }));
      toSend -= matches.length;
      return matches;
    };
    try {
      if (scan.error()) {
        post('scan-done', { error: scan.error() });
        return;
      }
      const base = { events, matched, errors };
      const reader = countedStream(file, (n) => { bytes += n; }).getReader();
      for (;;) {
        let chunk;
        try {
          chunk = await reader.read();
        } catch (err) {
          post('scan-done', { error: `${file.name}: ${err && err.message ? err.message : err} (is it really gzip?)` });
          return;
        }
        if (activeScan !== id) {
          reader.cancel();
          return;
        }
        if (chunk.done) break;
        const data = chunk.value;
        inflated += data.length;
        for (let at = 0; at < data.length; at += SCAN_PIECE) {
          const piece = data.subarray(at, Math.min(at + SCAN_PIECE, data.length));
          const ptr = scan.reserve(piece.length);
          engine.HEAPU8.set(piece, ptr);
          scan.feed(piece.length);
        }
        events = base.events + scan.events();
        matched = base.matched + scan.matched();
        errors = base.errors + scan.errors();
        const now = performance.now();
        if (now - lastYield > SCAN_YIELD_MS) {
          await yieldToMessages();
          lastYield = performance.now();
        }
        if (now - lastReport > SCAN_REPORT_MS) {
          lastReport = now;
          post('scan-progress', { file: file.name, matches: take() });
        }
      }
      scan.finish();
      events = base.events + scan.events();
      matched = base.matched + scan.matched();
      errors = base.errors + scan.errors();
      const summary = scan.summary();
      mergeCounts(byEventName, summary.byEventName);
      mergeCounts(byPrincipal, summary.byPrincipal);
      otherEventNames += summary.otherEventNames || 0;
      otherPrincipals += summary.otherPrincipals || 0;
      distinctLimit = summary.distinctLimit || distinctLimit;
      post('scan-progress', { file: file.name, matches: take() });
    } finally {
      scan.delete();
    }
  }
  post('scan-done', {
    summary: { byEventName: topRows(byEventName), byPrincipal: topRows(byPrincipal), otherEventNames, otherPrincipals, distinctLimit },
  });
}
