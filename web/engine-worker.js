// The page's engine thread: a classic Web Worker that loads cwlf.js and
// cwlf.wasm once, at page load, and then answers test requests, so that a
// slow test never freezes the page. It makes no network request after that.
//
// The messages in and out are declared once, in worker-protocol.js
// (docs/worker-protocol.md): a request that does not fit it, or of an
// unknown type, is answered with { type: 'reply', id, ok: false, error }.
// Every request but scan is answered by one reply:
//   { type: 'reply', id, ok: true, result, ms }   test: see toPageResult(); sql, prove, test-messages,
//                                                 alarm-scan: see ANSWERS and alarm-scan.js
//   { type: 'reply', id, ok: false, error }       e.g. the engine threw (it is restarted from the kept bytes)
//   scan -> scan-progress notices and one scan-done (files-scan.js)
//   also:    { type: 'ready', loadMs }, { type: 'fatal', message } (the engine could not be loaded at all)
/* global createCwlf, handleScan, handleAlarmScan, cwlfWorkerProtocol */
'use strict';

// Ask for the wasm first, so that it downloads while cwlf.js is loaded.
const wasmResponse = fetch('cwlf.wasm');
importScripts('cwlf.js');
importScripts('worker-protocol.js');
const protocol = cwlfWorkerProtocol;
// Big-file reading (files.js). The single-file build (cwlf.html, which sets
// cwlfWasmBase64) has no files beside it and goes without.
if (!self.cwlfWasmBase64) importScripts('file-bytes.js', 'files-scan.js', 'alarm-scan.js');

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

// ---- requests ---------------------------------------------------------------------

// The Log events box's text as the engine holds it: split once into an
// EventSet (wasm memory) when the text changes, so that an edit of the pattern
// costs only the test. `statics`: what the list shows of each event, which
// depends on the text only.
let pasted = null;  // { text, set, format, statics: [{ index, offset, length, error, identity, title, detail }], version }
let eventsVersion = 0;

function eventsOf(text) {
  if (pasted && pasted.text === text) return pasted;
  forgetEvents();
  const set = new engine.EventSet(text);
  eventsVersion += 1;
  pasted = { text, set, format: set.format(), statics: staticsOf(set.listing()), version: eventsVersion };
  return pasted;
}

// The list's row of each event, from the engine's columns (EventSet.listing:
// no messages, which the page asks for one at a time, and no object per event
// built through embind). title and detail: the engine's headline of each
// event (core/include/cwlf/cloudtrail.h).
function staticsOf({ offsets, lengths, errors, columns }) {
  const { identities, titles, details } = JSON.parse(columns);
  const statics = Array.from(offsets, (offset, index) => ({
    index, offset, length: lengths[index], error: null, identity: identities[index], title: titles[index], detail: details[index],
  }));
  for (const [index, error] of errors) statics[index].error = error;
  return statics;
}

// Frees the events and what was computed on them. After the engine instance
// failed (alive: false), its objects cannot be deleted, only dropped.
function forgetEvents({ alive = true } = {}) {
  if (pasted && alive) pasted.set.delete();
  pasted = null;
  last = null;
  lintCache = null;
  compared = null;
  metricCache = null;
}

// The page's language (i18n.js): the engine writes its sentences in it, so
// what was computed in another language is dropped when it changes, the split
// events too (their errors are sentences; a new version re-sends them).
let language = 'en';
function useLanguage(lang) {
  if (!engine.setLanguage(lang) || lang === language) return;
  language = lang;
  forgetEvents();
  summarized = null;
  proved = null;
}

let lintCache = null;  // { pattern, events, lint }: warnings depend on the pattern and the text only
let last = null;       // { pattern, events, explain, verdicts }: the last test, for a repeated request

function runTest(pattern, text, explain) {
  const events = eventsOf(text);
  if (!last || last.pattern !== pattern || last.events !== events || last.explain !== explain) {
    last = { pattern, events, explain, verdicts: events.set.verdicts(pattern, explain) };
  }
  if (!lintCache || lintCache.pattern !== pattern || lintCache.events !== events) {
    lintCache = { pattern, events, lint: events.set.lint(pattern) };
  }
  return { pattern, text, events, verdicts: last.verdicts, lint: lintCache.lint };
}

const isTested = (verdict) => verdict !== 0;
const isMatch = (verdict) => verdict === 2;
// What the page gets: the verdicts (a Uint8Array: 0 not tested, 1 no match,
// 2 match) and the values extracted, plus the selected event's message and
// explanation. What the list shows of each event (its identity, offsets,
// error) depends on the text only, so it is sent once per text
// (`statics`, numbered by `eventsVersion`); engine.js puts the two together
// into result.events for the rest of the page.
let staticsSent = 0;  // eventsVersion of the last statics posted

function toPageResult(run, explain) {
  const { events: pastedEvents, verdicts } = run;
  const { statics, set } = pastedEvents;
  let selected = null;
  if (statics.length > 0) {
    const index = Math.min(Math.max(explain, 0), statics.length - 1);
    const message = set.message(index);
    selected = {
      index,
      message: message.length > MESSAGE_PREVIEW ? `${message.slice(0, MESSAGE_PREVIEW)}…` : message,
      messageLength: message.length,
      explanation: verdicts.explained === index ? verdicts.explanation : null,
    };
  }
  const result = {
    pattern: verdicts.pattern, format: pastedEvents.format, counts: verdicts.counts,
    eventsVersion: pastedEvents.version, verdicts: verdicts.verdicts, extracted: verdicts.extracted, selected,
    warnings: run.lint.warnings, normalised: run.lint.normalised,
    // The silent-miss radar and scope leaks (radar.js), and the pattern's plain-language summary.
    radar: verdicts.radar, summary: verdicts.pattern.ok ? summaryOf(run.pattern) : '',
  };
  if (staticsSent !== pastedEvents.version) {
    result.statics = statics;
    staticsSent = pastedEvents.version;
  }
  return result;
}

// Lone surrogates cannot be encoded as UTF-8; replacing them keeps every
// string index the same (toWellFormed swaps each for U+FFFD).
function wellFormed(text) {
  return typeof text.toWellFormed === 'function' ? text.toWellFormed() : text;
}

// ---- "Exclude this principal" and "Compare with…" (exclusion.js, compare.js) ------------

let compared = null;  // { pattern, events, verdicts }: the second pattern's last run
let metricCache = null;  // { pattern, events, key, metric }

// message.exclude: index of the event whose principal to exclude (once, on a click);
// message.compare: a second pattern to run over the same events (while it is set).
function addExtras(result, run, message) {
  const { set } = run.events;
  // The fields the pattern reads (shorten.js keeps them intact); [] unless JSON.
  result.selectors = engine.selectors(run.pattern);
  if (Number.isInteger(message.exclude)) {
    result.exclusion = { index: message.exclude, ...set.exclusion(run.pattern, message.exclude, !!message.byArn) };
  }
  if (typeof message.compare === 'string' && message.compare !== '') {
    const other = wellFormed(message.compare);
    if (!compared || compared.pattern !== other || compared.events !== run.events) {
      compared = { pattern: other, events: run.events, verdicts: set.verdicts(other, -1) };
    }
    const second = compared.verdicts;
    const first = run.verdicts;
    const comparison = { pattern: other, ok: second.pattern.ok, error: second.pattern.error, onlyFirst: [], onlySecond: [], both: 0, neither: 0 };
    if (second.pattern.ok && first.pattern.ok) {
      first.verdicts.forEach((verdict, i) => {
        const a = isMatch(verdict);
        const b = isMatch(second.verdicts[i]);
        if (a && !b) comparison.onlyFirst.push(i);
        else if (b && !a) comparison.onlySecond.push(i);
        else if (a) comparison.both += 1;
        else if (isTested(verdict)) comparison.neither += 1;
      });
    }
    result.comparison = comparison;
  }
  // message.metric: the metric transformation to emulate (metric.js).
  if (message.metric && typeof message.metric === 'object') {
    const key = JSON.stringify(message.metric);
    if (!metricCache || metricCache.pattern !== run.pattern || metricCache.events !== run.events || metricCache.key !== key) {
      metricCache = { pattern: run.pattern, events: run.events, key, metric: set.metric(run.pattern, message.metric) };
    }
    result.metric = metricCache.metric;
  }
}

// ---- proofs over every event (compare-proof.js) and the pattern's summary ------------------

let proved = null;    // { key, result }: the last comparePatterns answer
let summarized = null;  // { pattern, summary }

// message.sample === 'events': the witnesses are edits of the first JSON event
// of the text last tested (so they look like the user's own logs).
function proveRequest(message) {
  const a = wellFormed(message.a);
  const b = wellFormed(message.b);
  let sample;
  if (message.sample === 'events' && pasted) {
    const at = pasted.statics.findIndex((e, i) => !e.error && pasted.set.message(i).startsWith('{'));
    if (at >= 0) sample = pasted.set.message(at);
  }
  const key = JSON.stringify([a, b, sample === undefined ? null : sample]);
  if (!proved || proved.key !== key) {
    proved = { key, result: sample === undefined ? engine.comparePatterns(a, b) : engine.comparePatterns(a, b, sample) };
  }
  return proved.result;
}

function summaryOf(pattern) {
  if (!summarized || summarized.pattern !== pattern) summarized = { pattern, summary: engine.summarizePattern(pattern) };
  return summarized.summary;
}

let queue = Promise.resolve();
let text = '';  // the Log events box's text, as last sent

// The test itself: the page's result (toPageResult) plus what it asked for.
function testRequest(message) {
  // The page sends the events' text only when it changed (engine.js).
  if (message.text !== undefined) text = wellFormed(String(message.text));
  useLanguage(typeof message.lang === 'string' ? message.lang : 'en');
  const run = runTest(wellFormed(String(message.pattern)), text, message.explain | 0);
  const result = toPageResult(run, message.explain | 0);
  addExtras(result, run, message);
  return result;
}

// Requests answered by one reply, in turn, each by the function that computes
// its result (docs/worker-protocol.md lists each result).
const ANSWERS = {
  test: testRequest,
  // "Copy as… Athena SQL / DuckDB SQL" (export-panel.js).
  sql: (message) => engine.sql(wellFormed(message.pattern), message.dialect),
  // "Compare with…": the relation over every possible event (compare-proof.js).
  prove: proveRequest,
  // The offline twin of TestMetricFilter (the golden conformance table runs through it).
  'test-messages': (message) => {
    const pattern = wellFormed(message.pattern);
    const messages = Array.from(message.messages, (m) => wellFormed(String(m)));
    return { compiled: engine.compile(pattern), tested: engine.testMetricFilter(pattern, messages) };
  },
};

function answer(message) {
  const t0 = performance.now();
  try {
    self.postMessage(protocol.reply(message.id, ANSWERS[message.type](message), performance.now() - t0));
  } catch (err) {
    forgetEvents({ alive: false });  // they belonged to the instance being replaced
    self.postMessage(protocol.failure(message.id, err && err.message || err));
    // An abort (e.g. out of memory) leaves the instance unusable: start a fresh one.
    return instantiate();
  }
  return undefined;
}

// Files (files-scan.js, alarm-scan.js): read alongside the queued requests,
// not behind them; they return to the event loop between chunks.
function fileRequest(message) {
  if (message.type === 'alarm-scan') {
    // One reply with the alarm's history. Its refusals (a setting AWS does not
    // accept) are the engine's sentences: in the page's language.
    if (typeof message.lang === 'string') useLanguage(message.lang);
    return handleAlarmScan(message, engine).then(
      (result) => self.postMessage(protocol.reply(message.id, result, 0)),
      (err) => self.postMessage(protocol.failure(message.id, err && err.message || err)));
  }
  // scan: scan-progress notices, then one scan-done.
  if (typeof handleScan !== 'function') throw new Error('reading files is not available in the single-file page');
  return handleScan(message, engine);
}

self.onmessage = (e) => {
  const message = e.data;
  const problem = protocol.check(message);
  if (problem) {
    self.postMessage(protocol.failure(message && message.id, problem));
    return;
  }
  if (protocol.FILES[message.type]) {
    loading.then(() => fileRequest(message)).catch((err) => {
      const error = String(err && err.message || err);
      self.postMessage(message.type === 'scan' ? { type: 'scan-done', id: message.id, error } : protocol.failure(message.id, error));
    });
    return;
  }
  queue = queue.then(() => loading).then(() => answer(message)).catch(() => {});
};
