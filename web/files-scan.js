// Loaded into the engine worker (engine-worker.js, importScripts): reads the
// files the user dropped or picked (.json, .jsonl, CloudTrail's .json.gz,
// through fileBytes() of file-bytes.js) chunk by chunk through the engine's
// FileScan, and streams progress, matches and the summary back to the page.
// Between chunks the worker returns to its event loop, so test requests from
// the page are still answered while a big file is read.
/* exported handleScan */
'use strict';

const SCAN_REPORT_MS = 100;     // how often progress is posted
const SCAN_YIELD_MS = 30;       // longest stretch of reading before test requests get their turn
const READ_AHEAD = 16;          // files whose bytes are requested before their turn,
const READ_AHEAD_BYTES = 32 << 20;  // and their bytes in all

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

// Why a file's first bytes cannot start JSON, JSON Lines or a CloudTrail
// file (they must start with '{' or '[' after whitespace and an optional
// byte-order mark), or null. Such a file is refused as a whole instead of
// being counted as lines of "events" (a random binary file was "78 events
// read, 0 matching").
function notJson(bytes) {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  if (i >= bytes.length || bytes[i] === 0x7b || bytes[i] === 0x5b) return null;
  const head = bytes.subarray(i, i + 24);
  const printable = head.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d);
  const text = String.fromCharCode(...head).replace(/\s+/g, ' ');
  const shown = printable ? `“${text}${bytes.length - i > 24 ? '…' : ''}”` : 'binary data';
  return `not JSON: it starts with ${shown}; JSON, JSON Lines or a CloudTrail file starts with { or [`;
}

function mergeCounts(into, rows) {
  for (const [name, n] of rows) into.set(name, (into.get(name) || 0) + n);
}

function topRows(map) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 50);
}

// Adds one file's radar counts (FileScan.summary(): silent, excluded, scopeLeaks) to `into`.
function mergeRadar(into, summary) {
  if (summary.silent) {
    into.silent = into.silent || { total: 0, byIdentityType: new Map(), exclusions: summary.silent.exclusions };
    into.silent.total += summary.silent.total;
    mergeCounts(into.silent.byIdentityType, summary.silent.byIdentityType);
  }
  into.excluded += summary.excluded || 0;
  if (summary.scopeLeaks) {
    into.scopeLeaks = into.scopeLeaks || { total: 0, expected: summary.scopeLeaks.expected, bySource: new Map() };
    into.scopeLeaks.total += summary.scopeLeaks.total;
    mergeCounts(into.scopeLeaks.bySource, summary.scopeLeaks.bySource);
  }
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
  // The silent-miss radar and scope leaks (radar.js), summed over the files.
  const radar = { silent: null, excluded: 0, scopeLeaks: null };
  // message.keep: how many matching events the page lists; only those are sent.
  let toSend = Number.isFinite(message.keep) ? message.keep : Infinity;
  // One line per file: { name, events, matched, errors, error }. A file that
  // cannot be read says why on its line; the others are read all the same.
  const perFile = [];
  // Each post carries the lines from `linesSent` on (the ones the page has not
  // had in their final form), never the whole list again: with hundreds of
  // files, resending and redrawing every line at every post was quadratic.
  let linesSent = 0;
  let linesFinal = 0;             // lines of files already read (they change no more)
  let pendingMatches = [];        // taken from files already read, not yet posted
  const post = (type, extra) => {
    self.postMessage({
      type, id, bytes, inflated, total, events, matched, errors, ms: performance.now() - started,
      filesFrom: linesSent, files: perFile.slice(linesSent), ...extra,
    });
    linesSent = linesFinal;
  };
  // After each file: a progress post at most every SCAN_REPORT_MS (the
  // final scan-done carries whatever is left).
  const fileDone = (matches) => {
    linesFinal = perFile.length;
    pendingMatches = pendingMatches.concat(matches);
    const now = performance.now();
    if (now - lastReport > SCAN_REPORT_MS) {
      lastReport = now;
      post('scan-progress', { matches: pendingMatches });
      pendingMatches = [];
    }
  };
  for (let f = 0; f < files.length; f += 1) {
    const file = files[f];
    // The next files' bytes are on their way while this one is read
    // (file-bytes.js): at most READ_AHEAD files and READ_AHEAD_BYTES, so
    // memory stays bounded.
    for (let k = f + 1, ahead = 0; k <= f + READ_AHEAD && k < files.length; k += 1) {
      ahead += files[k].size;
      if (ahead > READ_AHEAD_BYTES) break;
      readAhead(files[k]);
    }
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
      const line = { name: file.name, events: 0, matched: 0, errors: 0, error: null };
      perFile.push(line);
      const bytesBefore = bytes;
      let first = true;
      let failed = null;
      try {
        // Leaving the loop (break, return) closes the file's reader.
        for await (const data of fileBytes(file, engine, (n) => { bytes += n; })) {
          if (activeScan !== id) return;
          inflated += data.length;
          if (first && data.length > 0) {
            first = false;
            failed = notJson(data);
            if (failed) break;
          }
          engine.HEAPU8.set(data, scan.reserve(data.length));
          scan.feed(data.length);
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
            post('scan-progress', { file: file.name, matches: pendingMatches.concat(take()) });
            pendingMatches = [];
          }
        }
      } catch (err) {
        failed = err && err.message ? err.message : String(err);
      }
      if (failed) {
        // Nothing of this file counts; the progress bar moves past it.
        line.error = failed;
        events = base.events;
        matched = base.matched;
        errors = base.errors;
        bytes = bytesBefore + file.size;
        fileDone([]);
        continue;
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
      mergeRadar(radar, summary);
      Object.assign(line, { events: scan.events(), matched: scan.matched(), errors: scan.errors() });
      fileDone(take());
    } finally {
      scan.delete();
    }
  }
  post('scan-done', {
    matches: pendingMatches,
    summary: {
      byEventName: topRows(byEventName), byPrincipal: topRows(byPrincipal), otherEventNames, otherPrincipals, distinctLimit,
      silent: radar.silent && { ...radar.silent, byIdentityType: topRows(radar.silent.byIdentityType) },
      excluded: radar.excluded,
      scopeLeaks: radar.scopeLeaks && { ...radar.scopeLeaks, bySource: topRows(radar.scopeLeaks.bySource) },
    },
  });
}
