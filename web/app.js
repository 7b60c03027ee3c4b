// The page: wires the two text boxes to the engine worker and draws what it
// answers (results, explanation, marks in the text boxes).
//
// What the user made (pattern, events, expectations, selection, compare
// pattern) is the test document (document.js), with its history (Undo /
// Redo, history-bar.js), kept in this browser when the user allows it
// (keep.js). Nothing typed or pasted is sent anywhere: it goes to the worker
// in this tab and, when kept, to this browser's storage.
//
// Split by purpose: page-state.js (the boxes, the document, what is drawn),
// page-engine.js (asking the engine, its answers), page-draw.js (drawing,
// selecting), page-editing.js (the boxes, the big view, steps); this module
// makes the tools and starts the page. Rendering is in render.js, marking
// text in highlight.js, the worker protocol in engine.js.
import { seedEvents, seedPattern } from './seed-example.js';
import { Expectations, identityIndex } from './expectations.js';
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
import { HistoryBar } from './history-bar.js';
import { KeptWork } from './keep.js';
import { STEP } from './steps.js';
import { RadarView } from './radar.js';
import { ProofView, addCisButtons, cisAlarm, witnessStep } from './compare-proof.js';
import { GALLERY } from './gallery-data.js';
import { adoptDocumentLanguage, chosenLanguage, onLanguageChange, t } from './i18n.js';
import { $, doc, list, patternBox, state, texts, tools } from './page-state.js';
import { current, currentResult, engine, requestTest } from './page-engine.js';
import { draw, drawMarks, select } from './page-draw.js';
import { load, show } from './page-editing.js';

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
// Drawing (page-draw.js), the engine's answers (page-engine.js) and the steps
// (page-editing.js) reach the tools here.
Object.assign(tools, { warnings, exclusionTool, compareTool, proofView, radarView, metricTool, exportPanel, expectations, sharing, kept });

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
