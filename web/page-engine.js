// The page's side of the engine (app.js, split): the Engine (engine.js) and
// what it answers, when a test is asked for (at once or after a pause), and
// whether what is drawn is for what the boxes hold now.
import { Engine } from './engine.js';
import { language, t } from './i18n.js';
import { resolvePositions } from './expectations.js';
import { $, doc, state, texts, tools } from './page-state.js';

const DEBOUNCE_MS = 150;
// An edit of the pattern is tested at once, without the debounce, while the
// engine answers within this long: it re-tests events it has already split,
// and the engine drops requests superseded while it works (engine.js), so fast
// typing never queues work. Slower answers (a huge paste) bring the debounce back.
// 100 ms, not 50: at 5 MB the engine's test of a long pattern takes 20-80 ms on a
// loaded machine, and a 150 ms debounce on top of that was most of a key's cost;
// an answer within 100 ms is still back before the next key of fast typing.
const QUICK_MS = 100;

// What draws an answer (page-draw.js's draw, given with drawAnswersWith: the
// drawing module asks for tests itself, so this one cannot import it).
let drawAnswer = () => {};
export function drawAnswersWith(fn) {
  drawAnswer = fn;
}

export const engine = new Engine({
  onReady: () => {
    performance.mark('cwlf:engine-ready');
    $('engine-state').hidden = true;
  },
  onResult: ({ request, result, ms, stale }) => {
    engineMs = ms;
    const first = state.shown === null;
    state.shown = { request, result };
    const total = result.events.length;
    if (state.selected >= total) state.selected = Math.max(total - 1, 0);
    // Expectations by position (a version-1 test) now get their events' identities.
    if (!stale && current()) {
      const resolved = resolvePositions(doc.current.expectations, result);
      if (resolved) doc.quietly({ expectations: resolved });
    }
    drawAnswer({ fromUser: false });
    // For tests and assistive tech: whether what is drawn is for the boxes' current text.
    document.documentElement.dataset.results = !stale && current() && !timer ? 'current' : 'stale';
    if (document.documentElement.dataset.results === 'current') settleWaiters(result);
    // The user picked another event while this result was being computed.
    if (total && (!result.selected || result.selected.index !== state.selected) && !stale) requestTest({ now: true });
    setBusy(stale);
    if (result.exclusion) tools.exclusionTool.received(result.exclusion, result);
    if (first) {
      performance.mark('cwlf:first-result');
      document.documentElement.dataset.ready = 'true';
    }
  },
  onFailure: ({ fatal, message }) => {
    const el = $('engine-state');
    el.hidden = false;
    el.classList.add('engine-error');
    el.textContent = fatal ? t('page.engine.fatal', { message }) : t('page.engine.failed', { message });
    setBusy(false);
  },
});

let timer = 0;
let busyTimer = 0;
let engineMs = Infinity;  // how long the engine took for the last answer

// Promises of the next result computed for what the boxes hold (shorten.js
// compares verdicts before and after changing the events).
let waiters = [];
function settleWaiters(result) {
  const list = waiters;
  waiters = [];
  for (const resolve of list) resolve(result);
}
export function currentResult() {
  if (state.shown && current() && !timer && !engine.busy) return Promise.resolve(state.shown.result);
  return new Promise((resolve) => waiters.push(resolve));
}
// extra: one-off fields for the worker, e.g. { exclude: index } (engine-worker.js).
export function requestTest({ now = false, extra = null } = {}) {
  clearTimeout(timer);
  timer = 0;
  document.documentElement.dataset.results = 'stale';
  const send = () => {
    timer = 0;
    engine.test({
      pattern: texts.pattern, text: texts.events, explain: state.selected, compare: doc.current.compare || undefined,
      metric: tools.metricTool.definition, lang: language(), ...extra,
    });
    clearTimeout(busyTimer);
    busyTimer = setTimeout(() => { if (engine.busy) setBusy(true); }, 300);
  };
  if (now) send();
  else timer = setTimeout(send, DEBOUNCE_MS);
}

function setBusy(busy) {
  document.querySelector('.results-card').setAttribute('aria-busy', String(busy));
}

// True when the last result was computed for exactly what the boxes hold now,
// so that its offsets may be drawn into them.
export function current() {
  const { request } = state.shown;
  return request.pattern === texts.pattern && request.text === texts.events;
}

// Whether an edit of the pattern is tested at once (see QUICK_MS).
export function answersQuickly() {
  return engineMs < QUICK_MS && engine.sentText === texts.events;
}
