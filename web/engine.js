// The page's side of the engine worker (engine-worker.js; the messages are
// declared in worker-protocol.js): sends test requests and hands back
// results, never more than one request in flight.
// While the worker is busy, only the newest request waits; older ones are
// dropped, so typing fast never queues stale work.
// Loaded by a <script> before the modules (index.html), shared with the worker.
const protocol = self.cwlfWorkerProtocol;

export class Engine {
  constructor({ onReady, onResult, onFailure }) {
    this.onReady = onReady;
    this.onResult = onResult;
    this.onFailure = onFailure;
    this.nextId = 1;
    this.inFlight = null;  // the request the worker is working on
    this.waiting = null;   // the newest request not yet sent
    this.ready = false;
    // The events' text the worker last received: it keeps it, so a request
    // for the same text (an edit of the pattern) does not copy megabytes again.
    this.sentText = null;
    // What the list shows of each event, sent by the worker once per text.
    this.statics = { version: 0, list: [] };
    // SQL requests of the "Copy as…" panel (export-panel.js) and proofs
    // (compare-proof.js), by id.
    this.sqlPending = new Map();
    // The page has one engine; the export panel finds it here.
    Engine.current = this;
    // boot.js may have started the worker already (and kept what it said).
    const boot = self.cwlfBoot;
    this.worker = boot ? boot.worker : new Worker('engine-worker.js');
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.failed(e.message);
    };
    if (boot) {
      delete self.cwlfBoot;
      for (const item of boot.early) {
        if (item.type === 'message') this.receive(item.data);
        else this.failed(item.message);
      }
    }
  }

  failed(message) {
    this.onFailure({ fatal: true, message: message || 'The engine could not start.' });
  }

  // request: { pattern, text, explain[, exclude, byArn, compare] } (see engine-worker.js).
  // Resolves nothing; results arrive via onResult.
  test(request) {
    const sent = { ...request, id: this.nextId++ };
    if (this.inFlight) {
      this.waiting = sent;
    } else {
      this.send(sent);
    }
  }

  get busy() {
    return this.inFlight !== null;
  }

  send(request) {
    this.inFlight = request;
    const text = request.text === this.sentText ? undefined : request.text;
    this.sentText = request.text;
    this.worker.postMessage({
      type: 'test', id: request.id, pattern: request.pattern, text, explain: request.explain,
      exclude: request.exclude, byArn: request.byArn, compare: request.compare, metric: request.metric, lang: request.lang,
    });
  }

  // The pattern as SQL (docs/sql.md): resolves to the engine's sql() answer.
  sql(pattern, dialect) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.sqlPending.set(id, resolve);
      this.worker.postMessage({ type: 'sql', id, pattern, dialect });
    });
  }

  // How pattern a relates to pattern b over every possible event
  // (compare-proof.js): resolves to comparePatterns' answer (docs/api.md).
  prove(a, b, sample) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.sqlPending.set(id, resolve);
      this.worker.postMessage({ type: 'prove', id, a, b, sample });
    });
  }

  receive(message) {
    if (message.type === 'sql-result' || message.type === 'prove-result') {
      const resolve = this.sqlPending.get(message.id);
      this.sqlPending.delete(message.id);
      if (resolve) resolve(message.result);
      return;
    }
    // Progress of a file scan (files.js): not an answer to a test request.
    if (typeof message.type === 'string' && message.type.startsWith('scan-')) {
      if (this.onScan) this.onScan(message);
      return;
    }
    if (message.type === 'alarm-done') {  // alarm-panel.js
      if (this.onAlarm) this.onAlarm(message);
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.onReady(message);
      return;
    }
    if (message.type === 'fatal') {
      this.onFailure({ fatal: true, message: message.message });
      return;
    }
    if (message.type === protocol.REPLY && message.ok && message.result.statics) {
      this.statics = { version: message.result.eventsVersion, list: message.result.statics };
    }
    const request = this.inFlight;
    this.inFlight = null;
    if (this.waiting) {
      const next = this.waiting;
      this.waiting = null;
      this.send(next);
    }
    if (!request || request.id !== message.id) return;
    if (message.type !== protocol.REPLY) return;
    if (message.ok) {
      const result = withEvents(message.result, this.statics);
      this.onResult({ request, result, ms: message.ms, stale: this.inFlight !== null });
    } else {
      this.onFailure({ fatal: false, message: message.error, request });
    }
  }
}

// result.events, as the page uses it: one object per event, { index, offset,
// length, error, title, detail } from the worker's statics for this text plus
// { tested, matched, extracted } from this result's verdicts.
function withEvents(result, statics) {
  if (statics.version !== result.eventsVersion) throw new Error('engine: verdicts for events the page was not sent');
  const extracted = new Map(result.extracted);
  const { verdicts } = result;
  result.events = statics.list.map((event, i) => ({
    ...event,
    tested: verdicts[i] !== 0,
    matched: verdicts[i] === 2,
    extracted: extracted.get(i) || [],
  }));
  delete result.statics;
  return result;
}
