// The page's engine thread: a classic Web Worker that loads cwlf.js and
// cwlf.wasm once, at page load, and then answers test requests, so that a
// slow test never freezes the page. It makes no network request after that.
//
// Messages in:  { type: 'test', id, pattern, text, explain }   explain: index of the event to explain
// Messages out: { type: 'ready', loadMs }
//               { type: 'result', id, ms, result }   result: see toPageResult()
//               { type: 'failed', id, message }      the engine threw (it is restarted from the kept bytes)
//               { type: 'fatal', message }           the engine could not be loaded at all
/* global createCwlf, handleScan */
'use strict';

// Ask for the wasm first, so that it downloads while cwlf.js is loaded.
const wasmResponse = fetch('cwlf.wasm');
importScripts('cwlf.js');
// Big-file reading (files.js). The single-file build (cwlf.html, which sets
// cwlfWasmBase64) has no files beside it and goes without.
if (!self.cwlfWasmBase64) importScripts('files-scan.js');

// Explain every event when the paste is small (selecting another event is
// then answered from the cache); above that, only the selected one.
const EXPLAIN_ALL_BELOW = 256 * 1024;
// Longest message sent to the page with the selected event.
const MESSAGE_PREVIEW = 20000;

const started = performance.now();
let wasmBytes = null;  // kept so that the engine can be restarted without a new request
let engine = null;

const loading = wasmResponse
  .then((response) => {
    if (!response.ok) throw new Error(`cwlf.wasm: HTTP ${response.status}`);
    return response.arrayBuffer();
  })
  .then((bytes) => {
    wasmBytes = bytes;
    return instantiate();
  })
  .then(() => {
    self.postMessage({ type: 'ready', loadMs: performance.now() - started });
  })
  .catch((err) => {
    self.postMessage({ type: 'fatal', message: String(err && err.message || err) });
    throw err;
  });

function instantiate() {
  // createCwlf copies nothing from the buffer it is given, but WebAssembly may
  // detach transferred buffers, so each instance gets its own copy.
  return createCwlf({ wasmBinary: wasmBytes.slice(0) }).then((module) => {
    engine = module;
  });
}

// ---- the identity of an event, for the list of results ----------------------

function clip(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function principalOf(identity) {
  if (!identity || typeof identity !== 'object') return '';
  const issuer = identity.sessionContext && identity.sessionContext.sessionIssuer;
  if (issuer && typeof issuer.userName === 'string') return issuer.userName;
  if (typeof identity.userName === 'string') return identity.userName;
  if (identity.type === 'Root') return 'root';
  if (typeof identity.invokedBy === 'string') return identity.invokedBy;
  if (typeof identity.arn === 'string') return identity.arn.split(/[/:]/).pop();
  if (typeof identity.principalId === 'string') return identity.principalId;
  return typeof identity.type === 'string' ? identity.type : '';
}

// { title, detail }: for a CloudTrail record, "eventName · principal" and
// "eventSource · eventTime"; otherwise the first 80 characters.
function identify(message) {
  if (message.length < 512 * 1024 && message.charCodeAt(0) === 0x7b /* { */) {
    try {
      const record = JSON.parse(message);
      if (record && typeof record.eventName === 'string' && (record.eventSource || record.userIdentity)) {
        const who = principalOf(record.userIdentity);
        const detail = [record.eventSource, record.eventTime, record.errorCode]
          .filter((part) => typeof part === 'string' && part).join(' · ');
        return { title: clip(who ? `${record.eventName} · ${who}` : record.eventName, 80), detail };
      }
    } catch (_) {
      // not JSON after all: fall through to the plain preview
    }
  }
  return { title: clip(message, 80), detail: '' };
}

// ---- requests ---------------------------------------------------------------------

let cache = null;  // { pattern, text, explainAll, explained, raw, messages, identities, lint }

function runTest(pattern, text, explain) {
  const explainAll = text.length < EXPLAIN_ALL_BELOW;
  if (cache && cache.pattern === pattern && cache.text === text &&
      (cache.explainAll || cache.explained === explain)) {
    return cache;
  }
  // The messages (and so the identities) depend on the text only: when only
  // the pattern changed, they are not converted again.
  const sameText = cache !== null && cache.text === text;
  const raw = engine.test(pattern, text, { explain: explainAll ? 'all' : explain, messages: !sameText });
  const messages = sameText ? cache.messages : raw.events.map((event) => event.message);
  const identities = sameText ? cache.identities : messages.map(identify);
  // Pitfall warnings and the normalised pattern (warnings.js): they depend on
  // the pattern and the text only, not on which event is explained.
  const lint = sameText && cache.pattern === pattern ? cache.lint : engine.lint(pattern, text);
  cache = { pattern, text, explainAll, explained: explain, raw, messages, identities, lint };
  return cache;
}

// What the page gets: every event without its message (the list needs only
// its identity), plus the selected event's message and explanation.
function toPageResult(run, explain) {
  const { raw, identities, messages } = run;
  const selected = raw.events.length === 0 ? -1 : Math.min(Math.max(explain, 0), raw.events.length - 1);
  const events = raw.events.map((event, i) => ({
    index: event.index,
    offset: event.offset,
    length: event.length,
    tested: event.tested,
    matched: event.matched,
    error: event.error,
    extracted: event.extracted,
    title: identities[i].title,
    detail: identities[i].detail,
  }));
  let selectedEvent = null;
  if (selected >= 0) {
    const event = raw.events[selected];
    const message = messages[selected];
    selectedEvent = {
      index: selected,
      message: message.length > MESSAGE_PREVIEW ? `${message.slice(0, MESSAGE_PREVIEW)}…` : message,
      messageLength: message.length,
      explanation: event.explanation,
    };
  }
  return {
    pattern: raw.pattern, format: raw.format, counts: raw.counts, events, selected: selectedEvent,
    warnings: run.lint.warnings, normalised: run.lint.normalised,
  };
}

// Lone surrogates cannot be encoded as UTF-8; replacing them keeps every
// string index the same (toWellFormed swaps each for U+FFFD).
function wellFormed(text) {
  return typeof text.toWellFormed === 'function' ? text.toWellFormed() : text;
}

// ---- "Exclude this principal" and "Compare with…" (exclusion.js, compare.js) ------------

let compared = null;  // { pattern, text, raw }: the second pattern's last run

// message.exclude: index of the event whose principal to exclude (once, on a click);
// message.compare: a second pattern to run over the same events (while it is set).
function addExtras(result, run, message) {
  // The fields the pattern reads (shorten.js keeps them intact); [] unless JSON.
  result.selectors = engine.selectors(run.pattern);
  if (Number.isInteger(message.exclude)) {
    result.exclusion = { index: message.exclude, ...engine.exclusion(run.pattern, run.text, message.exclude, !!message.byArn) };
  }
  if (typeof message.compare === 'string' && message.compare !== '') {
    const other = wellFormed(message.compare);
    if (!compared || compared.pattern !== other || compared.text !== run.text) {
      compared = { pattern: other, text: run.text, raw: engine.test(other, run.text, { explain: 'none', messages: false }) };
    }
    const second = compared.raw;
    const comparison = { pattern: other, ok: second.pattern.ok, error: second.pattern.error, onlyFirst: [], onlySecond: [], both: 0, neither: 0 };
    if (second.pattern.ok && run.raw.pattern.ok) {
      run.raw.events.forEach((event, i) => {
        const a = event.tested && event.matched;
        const b = second.events[i].tested && second.events[i].matched;
        if (a && !b) comparison.onlyFirst.push(i);
        else if (b && !a) comparison.onlySecond.push(i);
        else if (a) comparison.both += 1;
        else if (event.tested) comparison.neither += 1;
      });
    }
    result.comparison = comparison;
  }
  // message.metric: the metric transformation to emulate (metric.js).
  if (message.metric && typeof message.metric === 'object') {
    const key = JSON.stringify(message.metric);
    if (!metricCache || metricCache.pattern !== run.pattern || metricCache.text !== run.text || metricCache.key !== key) {
      metricCache = { pattern: run.pattern, text: run.text, key, metric: engine.metric(run.pattern, run.text, message.metric) };
    }
    result.metric = metricCache.metric;
  }
}
let metricCache = null;  // { pattern, text, key, metric }

let queue = Promise.resolve();

self.onmessage = (e) => {
  const message = e.data;
  // Big files (files-scan.js): read alongside test requests, not queued behind them.
  if (message && (message.type === 'scan' || message.type === 'scan-cancel')) {
    loading.then(() => {
      if (typeof handleScan !== 'function') throw new Error('reading files is not available in the single-file page');
      return handleScan(message, engine);
    }).catch((err) => {
      self.postMessage({ type: 'scan-done', id: message.id, error: String(err && err.message || err) });
    });
    return;
  }
  if (!message || message.type !== 'test') return;
  queue = queue.then(() => loading).then(() => {
    const t0 = performance.now();
    try {
      const run = runTest(wellFormed(String(message.pattern)), wellFormed(String(message.text)), message.explain | 0);
      const result = toPageResult(run, message.explain | 0);
      addExtras(result, run, message);
      self.postMessage({ type: 'result', id: message.id, ms: performance.now() - t0, result });
    } catch (err) {
      cache = null;
      self.postMessage({ type: 'failed', id: message.id, message: String(err && err.message || err) });
      // An abort (e.g. out of memory) leaves the instance unusable: start a fresh one.
      return instantiate();
    }
    return undefined;
  }).catch(() => {});
};
