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
    // Requests other than test, answered by one reply each (ask()), by id.
    this.pending = new Map();
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

  // Any request but test and scan (worker-protocol.js): resolves to the
  // reply's result, or rejects with an Error saying why it failed. These run
  // in the worker's turn, or alongside it for files; they never wait for or
  // drop a test.
  ask(type, fields) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...fields, type, id });
    });
  }

  // The pattern as SQL (docs/sql.md): resolves to the engine's sql() answer.
  sql(pattern, dialect) {
    return this.ask('sql', { pattern, dialect })
      .catch((err) => ({ ok: false, family: 'engine', reason: err.message }));
  }

  // How pattern a relates to pattern b over every possible event
  // (compare-proof.js): resolves to comparePatterns' answer (docs/api.md).
  prove(a, b, sample) {
    return this.ask('prove', { a, b, sample }).catch((err) => ({ error: { message: err.message } }));
  }

  receive(message) {
    if (message.type === protocol.REPLY && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
      return;
    }
    // Progress of a file scan (files.js): not an answer to a test request.
    if (typeof message.type === 'string' && message.type.startsWith('scan-')) {
      if (this.onScan) this.onScan(message);
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
