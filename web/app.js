// The page: wires the two text boxes to the engine worker and draws what it
// answers (results, explanation, marks in the text boxes).
//
// What the user made (pattern, events, expectations, selection, compare
// pattern) is the test document (document.js), with its history (Undo /
// Redo, history-bar.js), kept in this browser when the user allows it
// (keep.js). Rendering is in render.js, marking text in highlight.js, the
// worker protocol in engine.js. Nothing typed or pasted is sent anywhere: it
// goes to the worker in this tab and, when kept, to this browser's storage.
import { Engine } from './engine.js';
import { Highlighter } from './highlight.js';
import {
  FAMILY_LABELS, FORMAT_LABELS, counted, renderCounts,
  renderExplanation, renderPatternStatus, sentence,
} from './render.js';
import { seedEvents, seedPattern } from './seed-example.js';
import { Expectations } from './expectations.js';
import { initSharing } from './share.js';
import { isShareFragment } from './share-link.js';
import { shortenTest } from './shorten.js';
import { startOffline } from './sw-register.js';
import { Warnings } from './warnings.js';
import { ExclusionTool } from './exclusion.js';
import { CompareTool } from './compare.js';
import { MetricTool } from './metric.js';
import { ExportPanel } from './export-panel.js';
import { initGallery } from './gallery.js';
import { FilesTool } from './files.js';
import { AlarmPanel } from './alarm-panel.js';
import { TestDocument } from './document.js';
import { HistoryBar } from './history-bar.js';
import { KeptWork } from './keep.js';
import { identityIndex, resolvePositions } from './expectations.js';
import { STEP, sourceNote } from './steps.js';
import { beyondLimits } from './limits.js';
import { RadarView } from './radar.js';
import { ProofView, addCisButtons, cisAlarm, witnessStep } from './compare-proof.js';
import { GALLERY } from './gallery-data.js';
import { BIG_TEXT, BigEventsView } from './big-events.js';
import { BIG_VIEW } from './big-events-text.js';
import { markRanges } from './marks.js';
import { ResultsList } from './results-list.js';
import { followHover } from './explain-hover.js';
import { patternFitter } from './pattern-fit.js';
import { adoptDocumentLanguage, chosenLanguage, initI18n, language, onLanguageChange, t } from './i18n.js';

initI18n();

const DEBOUNCE_MS = 150;
// An edit of the pattern is tested at once, without the debounce, while the
// engine answers within this long: it re-tests events it has already split,
// and the engine drops requests superseded while it works (engine.js), so fast
// typing never queues work. Slower answers (a huge paste) bring the debounce back.
// 100 ms, not 50: at 5 MB the engine's test of a long pattern takes 20-80 ms on a
// loaded machine, and a 150 ms debounce on top of that was most of a key's cost;
// an answer within 100 ms is still back before the next key of fast typing.
const QUICK_MS = 100;

const $ = (id) => document.getElementById(id);
const patternBox = $('pattern');
const eventsBox = $('events');
const patternMarks = new Highlighter($('pattern-field'));
const eventsMarks = new Highlighter($('events-field'));
const list = $('event-list');

// The test document and its history. The boxes show it; what they hold is
// also kept in `boxes`, because reading a textarea's value copies it (slow
// for megabytes of events).
const doc = new TestDocument();
const texts = {
  get pattern() { return doc.current.pattern; },
  get events() { return doc.current.events; },
};
const boxes = { pattern: '', events: '' };

const state = {
  get selected() { return doc.current.selected; },
  set selected(index) { doc.quietly({ selected: index }); },
  filter: 'all',
  shown: null,      // { request, result } last drawn
  hoverNode: null,  // index of the explanation node under the pointer / focus
  warningRange: null,  // { start, end } in the pattern: the warning under the pointer / focus
};

// ---- talking to the engine ------------------------------------------------------

const engine = new Engine({
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
    draw({ fromUser: false });
    // For tests and assistive tech: whether what is drawn is for the boxes' current text.
    document.documentElement.dataset.results = !stale && current() && !timer ? 'current' : 'stale';
    if (document.documentElement.dataset.results === 'current') settleWaiters(result);
    // The user picked another event while this result was being computed.
    if (total && (!result.selected || result.selected.index !== state.selected) && !stale) requestTest({ now: true });
    setBusy(stale);
    if (result.exclusion) exclusionTool.received(result.exclusion, result);
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
function currentResult() {
  if (state.shown && current() && !timer && !engine.busy) return Promise.resolve(state.shown.result);
  return new Promise((resolve) => waiters.push(resolve));
}
// extra: one-off fields for the worker, e.g. { exclude: index } (engine-worker.js).
function requestTest({ now = false, extra = null } = {}) {
  clearTimeout(timer);
  timer = 0;
  document.documentElement.dataset.results = 'stale';
  const send = () => {
    timer = 0;
    engine.test({
      pattern: texts.pattern, text: texts.events, explain: state.selected, compare: doc.current.compare || undefined,
      metric: metricTool.definition, lang: language(), ...extra,
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

// ---- drawing -----------------------------------------------------------------

// True when the last result was computed for exactly what the boxes hold now,
// so that its offsets may be drawn into them.
function current() {
  const { request } = state.shown;
  return request.pattern === texts.pattern && request.text === texts.events;
}

function draw({ fromUser }) {
  if (!state.shown) return;
  const { request, result } = state.shown;

  renderPatternStatus($('pattern-status'), result.pattern, request.pattern);
  // (Only touched when they change: a change next to a textarea holding
  // megabytes makes the browser lay that textarea out again.)
  setChip($('family'), result.pattern.ok ? chipLabel(result.pattern.family) : '');
  setChip($('format'), result.format === 'empty'
    ? ''
    : `${counted(result.events.length, 'page.counts.events')} · ${FORMAT_LABELS[result.format] || result.format}`);
  setNote($('format-note'), sourceNote(result.format));

  radarView.update(result, state.selected);  // before drawList, which draws its badges
  renderCounts($('counts'), result, state.filter, (filter) => {
    state.filter = filter;
    resultsList.reset();
    drawList();
  });
  // (before drawList: its badges use the expectations, e.g. "#N" keys just resolved to identities)
  expectations.replace(doc.current.expectations);
  drawList();
  drawExplanation();
  if (bigView.active && current()) bigView.setEvents(result.events, state.selected);
  expectations.update(result, state.selected);
  warnings.update(current() ? result.warnings : [], result.normalised, request.pattern);
  exclusionTool.update(result, state.selected, request.pattern);
  compareTool.update(result.comparison, result);
  proofView.update({ pattern: request.pattern, other: doc.current.compare || '', ok: result.pattern.ok, eventsVersion: result.eventsVersion, format: result.format });
  metricTool.update(result.metric, result);
  exportPanel.update();
  drawMarks({ reveal: fromUser });
}

function setNote(el, text) {
  if (el.dataset.text !== text) {
    el.dataset.text = text;
    el.replaceChildren(text ? sentence(text) : '');
  }
  if (el.hidden !== (text === '')) el.hidden = text === '';
}

function setChip(el, text) {
  if (el.textContent !== text) el.textContent = text;
  if (el.hidden !== (text === '')) el.hidden = text === '';
}

function chipLabel(family) {
  return (['match-all', 'terms', 'json', 'space-delimited'].includes(family) ? t(`page.chip.${family}`) : null)
    || FAMILY_LABELS[family] || family;
}

// The results list (results-list.js: ordinary, or virtual for many events).
const resultsList = new ResultsList({
  ul: list,
  more: $('show-more'),
  onSelect: (index, options) => select(index, options),
  decorate: (ul) => {
    expectations.decorate(ul, state.shown.result);
    radarView.decorate(ul);
  },
});

function drawList() {
  const { request, result } = state.shown;
  resultsList.draw(result, { filter: state.filter, selected: state.selected, text: request.text });
}

function selectedEvent() {
  const { result } = state.shown;
  return result.events[state.selected] || null;
}

function drawExplanation() {
  const { request, result } = state.shown;
  const event = selectedEvent();
  const selected = result.selected && event && result.selected.index === event.index ? result.selected : null;
  renderExplanation($('explain-summary'), $('explain-tree'), {
    result, event, selected, pattern: request.pattern, text: request.text,
  });
}

// Marks in the two text boxes (marks.js): the pattern's error, the steps
// that decided the verdict, the selected event, the hovered step.
function drawMarks({ reveal = false } = {}) {
  const eventsTarget = eventsView();
  if (!state.shown || !current()) {
    patternMarks.clear();
    eventsTarget.clear();
    return;
  }
  const event = selectedEvent();
  const { patternRanges, eventRanges } = markRanges({
    result: state.shown.result, event, pattern: texts.pattern, events: texts.events,
    hoverNode: state.hoverNode, warningRange: state.warningRange,
  });
  patternMarks.set(patternRanges, texts.pattern);
  eventsTarget.set(eventRanges, texts.events);
  if (state.hoverNode !== null) {
    patternMarks.reveal('hl');
    eventsTarget.reveal('hl');
  } else if (reveal) {
    eventsTarget.reveal(event && event.error ? 'err' : 'sel');
  }
}

// ---- selecting events ---------------------------------------------------------------

function select(index, { focus = false } = {}) {
  if (!state.shown) return;
  const { result } = state.shown;
  if (index < 0 || index >= result.events.length) return;
  state.selected = index;
  state.hoverNode = null;
  resultsList.mark(index, { focus });
  drawExplanation();
  if (bigView.active && current()) bigView.setEvents(result.events, state.selected);
  expectations.update(result, state.selected);
  radarView.update(result, state.selected);
  drawMarks({ reveal: true });
  // The explanation of this event may not have been computed yet.
  if (!result.selected || result.selected.index !== index) requestTest({ now: true });
}

// ---- hovering / focusing explanation steps ------------------------------------------

const tree = $('explain-tree');
followHover(tree, (index) => {
  if (index === state.hoverNode) return false;
  state.hoverNode = index;
  drawMarks();
  return true;
});

// ---- editing ----------------------------------------------------------------------------

// The pattern box grows with its text (pattern-fit.js).
const fitPattern = patternFitter(patternBox, $('pattern-field'));

patternBox.addEventListener('input', () => {
  boxes.pattern = patternBox.value;
  typing = true;
  doc.change({ pattern: boxes.pattern }, STEP.typedPattern, { kind: 'type:pattern' });
  typing = false;
  exclusionTool.clear();
  fitPattern();
  requestTest({ now: engineMs < QUICK_MS && engine.sentText === texts.events });
});
// Soft-wrapping megabytes of text makes the browser's own layout of the box
// take seconds; above a megabyte lines are left unwrapped (the marks are not
// drawn then either, see highlight.js).
// The class is set *before* the text is put in the box where possible (a
// paste, an opened test): laying out 5 MB wrapped and then again unwrapped
// cost 11 s more than laying it out unwrapped once.
const HUGE = 1_000_000;
function fitEvents(length = texts.events.length) {
  const huge = length > HUGE;
  if (eventsBox.classList.contains('huge') !== huge) eventsBox.classList.toggle('huge', huge);
}
// A paste beyond the page's limits (limits.js) is refused before the
// browser puts it in the box (which alone would take minutes); the box keeps
// what it had.
eventsBox.addEventListener('paste', (e) => {
  const pasted = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
  const kept = boxes.events.length - (eventsBox.selectionEnd - eventsBox.selectionStart);
  const why = beyondLimits(pasted, kept);
  if (!why && kept + pasted.length > BIG_TEXT) {
    // Straight to the document (and so to the events view): the text never enters the textarea.
    e.preventDefault();
    const text = boxes.events.slice(0, eventsBox.selectionStart) + pasted + boxes.events.slice(eventsBox.selectionEnd);
    doc.change({ events: text }, BIG_VIEW.pasted(pasted.length));
    return;
  }
  if (!why) {
    fitEvents(kept + pasted.length);
    return;
  }
  e.preventDefault();
  setNote($('format-note'), t('page.paste.refused', { why: why.replace(/^its events/, 'the text') }));
}, true);
eventsBox.addEventListener('input', () => {
  boxes.events = eventsBox.value;
  typing = true;
  doc.change({ events: boxes.events }, STEP.typedEvents, { kind: 'type:events' });
  typing = false;
  fitEvents();
  requestTest();
});
window.addEventListener('resize', fitPattern);

// ---- the events view for big pastes (big-events.js) -------------------------------------

// Above BIG_TEXT characters the events are shown by this view, not the textarea.
const bigView = new BigEventsView({
  field: $('events-field'),
  textarea: eventsBox,
  onReplace: (text, label) => doc.change({ events: text }, label),
  onEdit: (offset, length, text, label) => {
    const events = texts.events;
    doc.change({ events: events.slice(0, offset) + text + events.slice(offset + length) }, label);
  },
  onClear: () => doc.change({ events: '' }, BIG_VIEW.clearedEvents),
  onSelect: (index) => select(index, { focus: false }),
  say: (message) => setNote($('format-note'), message),
  accept: (text) => (beyondLimits(text, 0) || '').replace(/^its events/, 'the text'),
});
// Where the events' marks are drawn: the textarea's mirror, or the big view.
function eventsView() {
  return bigView.active ? bigView : eventsMarks;
}

// ---- the document on screen -------------------------------------------------------------

// Set while a box's own input event makes the step: the box already shows it.
let typing = false;

// Puts the document in the boxes (only what differs: setting a textarea that
// holds megabytes makes the browser lay it out again) and runs it.
function show(d) {
  const newEvents = boxes.events !== d.events;
  if (boxes.pattern !== d.pattern) {
    patternBox.value = d.pattern;
    boxes.pattern = d.pattern;
    state.warningRange = null;
    exclusionTool.clear();
    fitPattern();
  }
  if (newEvents) {
    if (d.events.length > BIG_TEXT) {
      if (!bigView.active) eventsBox.value = '';
      bigView.show(d.events);
    } else {
      if (bigView.active) bigView.hide();
      fitEvents(d.events.length);
      eventsBox.value = d.events;
    }
    boxes.events = d.events;
    state.filter = 'all';
    resultsList.reset();
    state.hoverNode = null;
    fitEvents();
    eventsMarks.clear();
    eventsBox.scrollTop = 0;
  }
  if (compareTool.pattern !== d.compare) compareTool.pattern = d.compare;
  expectations.replace(d.expectations);
  patternMarks.clear();
  drawIntro(d);
  requestTest({ now: true });
}

// The intro's last sentence describes what is on screen, not what was loaded first.
function drawIntro(d) {
  $('intro-example').hidden = !(d.pattern === seedPattern && d.events === seedEvents);
}

doc.subscribe(({ doc: d, how }) => {
  kept.save(d);
  if (how === 'quiet') return;
  if (typing) {
    drawIntro(d);
    return;
  }
  sharing.say('');
  show(d);
});

// One step: the whole test replaced (an example, a link, a file…).
// expected: the events' expectations (expectations.js); none unless given.
// alarm: the alarm's settings (a link or a file brings its own), else unchanged.
function load(pattern, events, { selected = 0, expected = new Map(), alarm } = {}, label = STEP.loaded) {
  doc.change({ pattern, events, selected, expectations: new Map(expected), ...(alarm ? { alarm } : {}) }, label);
}

$('load-example').addEventListener('click', () => load(seedPattern, seedEvents, {}, STEP.example));

// ---- pitfall warnings (warnings.js) ------------------------------------------------------

const warnings = new Warnings({
  section: $('warnings'),
  list: $('warning-list'),
  normalisedButton: $('show-normalised'),
  normalisedOutput: $('normalised'),
  // A fix replaces the pattern (the events stay) and re-tests at once.
  onFix: (pattern, label) => {
    doc.change({ pattern }, STEP.fix(label));
    patternBox.focus();
  },
  onPoint: (range) => {
    state.warningRange = range;
    drawMarks();
  },
});

// ---- "Exclude this principal" and "Compare with…" (exclusion.js, compare.js) -------------

// Puts a rewritten pattern in the box (the events stay): one step.
function replacePattern(pattern, label) {
  doc.change({ pattern }, label);
}

const exclusionTool = new ExclusionTool({
  button: $('exclude-principal'),
  byArn: $('exclude-by-arn'),
  note: $('exclusion-note'),
  onRequest: (index, byArn) => requestTest({ now: true, extra: { exclude: index, byArn } }),
  onApply: replacePattern,
});

const compareTool = new CompareTool({
  input: $('compare-pattern'),
  output: $('compare-result'),
  onChange: (pattern) => doc.change({ compare: pattern }, STEP.compare, { kind: 'type:compare' }),
  onSelect: (index) => select(index, { focus: false }),
});

// "Compare with…" over every possible event, with witnesses (compare-proof.js),
// and the silent-miss radar and the pattern's summary (radar.js).
const proofView = new ProofView({
  details: $('compare'),
  before: $('compare-result'),
  engine,
  cisTitle: (pattern) => { const alarm = cisAlarm(GALLERY, pattern); return alarm ? `CIS ${alarm.id.slice(4)}` : null; },
  onAdd: (witness) => {
    const step = state.shown && current() ? witnessStep(doc.current, state.shown.result, witness) : null;
    if (step) doc.change(step.patch, step.label);
  },
});
const radarView = RadarView.attach({ list, explanation: $('explain-summary') });

// Big CloudTrail files, read by the engine worker (files.js); "Explain" puts
// one matching event in the boxes with the pattern it was found with.
const filesTool = new FilesTool({
  engine,
  section: $('files'),
  button: $('open-files'),
  input: $('files-input'),
  dropTarget: document.querySelector('.events-card'),
  pattern: () => texts.pattern,
  explain: (pattern, message, file) => load(pattern, message, {}, STEP.explainFile(file)),
});
new AlarmPanel({
  root: $('alarm-panel'), engine, doc, files: () => filesTool.files, pattern: () => texts.pattern,
  metric: () => metricTool.definition,
  explain: (pattern, message, file) => load(pattern, message, {}, STEP.explainFile(file)),
});

initGallery({ list: $('gallery-list'), onLoad: (alarm) => load(alarm.pattern, alarm.events, {}, STEP.gallery(alarm.title)) });
// Each CIS alarm: "Is mine at least as strict?" puts it in "Compare with…" (compare-proof.js).
const compareWithCis = (alarm) => {
  doc.change({ compare: alarm.pattern }, t('page.proof.compared-with', { title: t(`page.gallery.${alarm.id}.title`) }));
  $('compare').open = true;
  $('compare').scrollIntoView({ block: 'nearest' });
};
addCisButtons($('gallery-list'), GALLERY, compareWithCis);
onLanguageChange(() => addCisButtons($('gallery-list'), GALLERY, compareWithCis));

const exportPanel = new ExportPanel({
  root: $('export'),
  current: () => ({
    pattern: texts.pattern,
    metric: metricTool.definition,
    // test-metric-filter: the selected event's message (the page holds only that one).
    messages: state.shown && state.shown.result.selected ? [state.shown.result.selected.message] : [],
  }),
});

const metricTool = new MetricTool({
  root: $('metric'),
  output: $('metric-result'),
  onChange: () => requestTest({ now: true }),
});
$('clear-all').addEventListener('click', () => {
  doc.change({ pattern: '', events: '', expectations: new Map(), selected: 0, compare: '' }, STEP.cleared);
  patternBox.focus();
});

// ---- expectations, share links and files (expectations.js, share.js) ---------------------

const expectations = new Expectations({
  group: $('expectation'),
  summary: $('expectations-summary'),
  onChange: (map, label) => doc.change({ expectations: map }, label),
});

// Puts a test (from a link or a file) in the boxes and runs it: one step,
// so that what was on screen comes back with Undo.
function openTest(test, label) {
  if (test.lang) adoptDocumentLanguage(test.lang);
  load(test.pattern, test.events, { selected: test.selected, expected: test.expectations, alarm: test.alarm }, label);
}

// The expectations keyed "#N" (event N now) instead of by identity; those
// for events that are gone keep their identity.
function byPosition(expectations) {
  const result = state.shown && current() ? state.shown.result : null;
  if (!result) return expectations;
  const index = identityIndex(result);
  const out = new Map();
  for (const [key, expect] of expectations) out.set(index.has(key) ? `#${index.get(key) + 1}` : key, expect);
  return out;
}

// The test as saved (suite-file.js): expectations with their events' numbers now.
function snapshot() {
  const result = state.shown && current() ? state.shown.result : null;
  return {
    pattern: texts.pattern, events: texts.events, expectations: doc.current.expectations, selected: state.selected,
    indexOf: result ? identityIndex(result) : new Map(), alarm: doc.current.alarm,
    lang: chosenLanguage(),  // null unless the user chose one with the switch
  };
}

const sharing = initSharing({ snapshot, open: openTest }, {
  shorten: (how) => shortenTest(how, {
    pattern: texts.pattern,
    events: texts.events,
    result: currentResult,
    // Redact and Keep only keep every event in its place but may change what
    // identifies it (Keep only drops eventID): the expectations go by position
    // for this step, and get the new identities once the events are split.
    open: (events, label) => doc.change({ events, expectations: byPosition(doc.current.expectations) }, label),
    undo: () => doc.undo(),
  }),
});

// Offline use (sw.js): a new version's reload keeps the test on screen.
startOffline({ snapshot });

// ---- history and keeping the work (history-bar.js, keep.js) -------------------------------

const kept = new KeptWork({ checkbox: $('keep-work'), onError: (message) => sharing.say(message, 'error') });
new HistoryBar({ doc, undo: $('undo'), redo: $('redo'), note: $('step-note') });

// ---- language (i18n.js) ------------------------------------------------------------------

// The engine writes its sentences in the new language: ask again, and redraw
// what the page writes itself at once.
onLanguageChange(() => {
  exclusionTool.redraw();
  if (state.shown) draw({ fromUser: false });
  if (state.shown) requestTest({ now: true });
});

// ---- start -----------------------------------------------------------------------------

// The work kept from the last visit comes back (not as a step: there is
// nothing before it); otherwise the worked example. A share link then opens
// as a step over it, so Undo brings the kept work back; a broken link says
// so and changes nothing.
async function start() {
  const restored = await kept.load();
  doc.quietly(restored || { pattern: seedPattern, events: seedEvents });
  show(doc.current);
  if (restored) sharing.say(STEP.restored, 'ok');
  if (isShareFragment(location.hash)) await sharing.openFragment(location.hash);
}
start();
