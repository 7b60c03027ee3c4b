// The engine worker's protocol, declared once: every message the page may
// send to the worker (engine-worker.js) with its fields, and the shape of
// every answer. The worker checks each request against this table and
// answers a malformed one, or one of an unknown type, with an error; the
// page (engine.js, files.js) builds its requests from the same names.
// Documented in docs/worker-protocol.md.
//
// A classic script, not a module: the worker loads it with importScripts,
// the page with a <script> before its modules; both find it as
// self.cwlfWorkerProtocol.
/* eslint-disable no-var */
(function (root) {
  'use strict';

  // Field kinds: 'integer', 'string', 'boolean', 'object', 'files';
  // a trailing '?' means the field may be left out.
  var REQUESTS = {
    // Test the pattern on the events. text left out: the same text as the
    // last request (the worker keeps it, so an edit of the pattern does not
    // copy megabytes). Answered with a reply (below) whose result is the
    // page's result (engine-worker.js, toPageResult).
    test: {
      id: 'integer', pattern: 'string', text: 'string?', explain: 'integer',
      exclude: 'integer?', byArn: 'boolean?', compare: 'string?', metric: 'object?',
      lang: 'string?',  // 'en' or 'ja': the language of the engine's sentences (i18n.js)
    },
    // Read CloudTrail files (files-scan.js); answered by scan-progress
    // notices and one scan-done.
    scan: { id: 'integer', pattern: 'string', files: 'files', keep: 'integer?' },
    // Stop reading files (no answer).
    'scan-cancel': { id: 'integer?' },
    // Replay the files' events through the metric filter and an alarm
    // (alarm-scan.js); answered by one reply, result: AlarmScan's result (docs/api.md).
    'alarm-scan': { id: 'integer', pattern: 'string', settings: 'object', files: 'files', lang: 'string?' },
    // The pattern as SQL ("Copy as…"); answered by one reply, result: sql()'s answer.
    sql: { id: 'integer', pattern: 'string', dialect: 'string' },
    // How pattern a relates to pattern b over every possible event, with
    // witness events (compare-proof.js); sample: 'events' edits the first JSON
    // event of the last test's text into the witnesses. Answered by one
    // reply, result: comparePatterns' answer.
    prove: { id: 'integer', a: 'string', b: 'string', sample: 'string?' },
    // Raw messages, as TestMetricFilter takes them (the golden conformance
    // table runs through it); answered by one reply, result: { compiled, tested }.
    'test-messages': { id: 'integer', pattern: 'string', messages: 'files' },
  };

  // Requests that read files: the worker runs them alongside the others (it
  // returns to its event loop between chunks), not queued behind them. Every
  // other request is answered in turn. scan and scan-cancel answer with the
  // notices below instead of a reply.
  var FILES = Object.freeze({ scan: true, 'scan-cancel': true, 'alarm-scan': true });

  // Messages the worker sends without being asked for a reply of its own.
  var NOTICES = {
    ready: 'the engine is loaded: { type, loadMs }',
    fatal: 'the engine could not be loaded at all: { type, message }',
    'scan-progress': 'files read so far: { type, id, bytes, total, events, matched, errors, ms, files, file, matches }',
    'scan-done': 'the files are read: { type, id, …, summary } or { type, id, error }',
  };

  var REPLY = 'reply';

  function kindOf(value) {
    if (Array.isArray(value)) return 'array';
    if (Number.isInteger(value)) return 'integer';
    if (value === null) return 'null';
    return typeof value;
  }

  // null when `message` is a well-formed request, otherwise why not (a sentence).
  function check(message) {
    if (!message || typeof message !== 'object') return 'a request must be an object';
    var type = message.type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(REQUESTS, type)) {
      return 'unknown request type ' + JSON.stringify(String(type));
    }
    var fields = REQUESTS[type];
    for (var name in fields) {
      if (!Object.prototype.hasOwnProperty.call(fields, name)) continue;
      var want = fields[name];
      var optional = want.charAt(want.length - 1) === '?';
      var kind = optional ? want.slice(0, -1) : want;
      var value = message[name];
      if (value === undefined) {
        if (optional) continue;
        return type + ': the field ' + name + ' is missing';
      }
      var ok = kind === 'files' ? Array.isArray(value) : kindOf(value) === kind;
      if (!ok) return type + ': the field ' + name + ' must be ' + (kind === 'integer' ? 'an integer' : 'a ' + kind);
    }
    return null;
  }

  // The answer to request `id`: { type: 'reply', id, ok: true, result, ms }
  // or { type: 'reply', id, ok: false, error } (error: a sentence).
  function reply(id, result, ms) {
    return { type: REPLY, id: id, ok: true, result: result, ms: ms };
  }
  function failure(id, error) {
    return { type: REPLY, id: Number.isInteger(id) ? id : null, ok: false, error: String(error) };
  }

  root.cwlfWorkerProtocol = Object.freeze({
    REQUESTS: REQUESTS, FILES: FILES, NOTICES: NOTICES, REPLY: REPLY, check: check, reply: reply, failure: failure,
  });
}(self));
