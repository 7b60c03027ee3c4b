// The page's side of the engine worker (engine-worker.js): sends test
// requests and hands back results, never more than one request in flight.
// While the worker is busy, only the newest request waits; older ones are
// dropped, so typing fast never queues stale work.
export class Engine {
  constructor({ onReady, onResult, onFailure }) {
    this.onReady = onReady;
    this.onResult = onResult;
    this.onFailure = onFailure;
    this.nextId = 1;
    this.inFlight = null;  // the request the worker is working on
    this.waiting = null;   // the newest request not yet sent
    this.ready = false;
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
    this.worker.postMessage({
      type: 'test', id: request.id, pattern: request.pattern, text: request.text, explain: request.explain,
      exclude: request.exclude, byArn: request.byArn, compare: request.compare, metric: request.metric,
    });
  }

  receive(message) {
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
    const request = this.inFlight;
    this.inFlight = null;
    if (this.waiting) {
      const next = this.waiting;
      this.waiting = null;
      this.send(next);
    }
    if (!request || request.id !== message.id) return;
    if (message.type === 'result') {
      this.onResult({ request, result: message.result, ms: message.ms, stale: this.inFlight !== null });
    } else if (message.type === 'failed') {
      this.onFailure({ fatal: false, message: message.message, request });
    }
  }
}
