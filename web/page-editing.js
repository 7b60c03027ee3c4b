// Editing the test (app.js, split): the two boxes and the events view of big
// pastes, the document put on screen (show) at each step of its history, and
// loading a whole test as one step.
import { seedEvents, seedPattern } from './seed-example.js';
import { STEP } from './steps.js';
import { beyondLimits } from './limits.js';
import { BIG_TEXT, BigEventsView } from './big-events.js';
import { BIG_VIEW } from './big-events-text.js';
import { patternFitter } from './pattern-fit.js';
import { t } from './i18n.js';
import { $, boxes, doc, eventsBox, eventsMarks, patternBox, patternMarks, state, texts, tools } from './page-state.js';
import { answersQuickly, requestTest } from './page-engine.js';
import { resultsList, select, setNote } from './page-draw.js';

// ---- editing ----------------------------------------------------------------------------

// The pattern box grows with its text (pattern-fit.js).
export const fitPattern = patternFitter(patternBox, $('pattern-field'));

patternBox.addEventListener('input', () => {
  boxes.pattern = patternBox.value;
  state.typing = true;
  doc.change({ pattern: boxes.pattern }, STEP.typedPattern, { kind: 'type:pattern' });
  state.typing = false;
  tools.exclusionTool.clear();
  fitPattern();
  requestTest({ now: answersQuickly() });
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
  state.typing = true;
  doc.change({ events: boxes.events }, STEP.typedEvents, { kind: 'type:events' });
  state.typing = false;
  fitEvents();
  requestTest();
});
window.addEventListener('resize', fitPattern);

// ---- the events view for big pastes (big-events.js) -------------------------------------

// Above BIG_TEXT characters the events are shown by this view, not the textarea.
tools.bigView = new BigEventsView({
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

// ---- the document on screen -------------------------------------------------------------

// Puts the document in the boxes (only what differs: setting a textarea that
// holds megabytes makes the browser lay it out again) and runs it.
export function show(d) {
  const newEvents = boxes.events !== d.events;
  if (boxes.pattern !== d.pattern) {
    patternBox.value = d.pattern;
    boxes.pattern = d.pattern;
    state.warningRange = null;
    tools.exclusionTool.clear();
    fitPattern();
  }
  if (newEvents) {
    if (d.events.length > BIG_TEXT) {
      if (!tools.bigView.active) eventsBox.value = '';
      tools.bigView.show(d.events);
    } else {
      if (tools.bigView.active) tools.bigView.hide();
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
  if (tools.compareTool.pattern !== d.compare) tools.compareTool.pattern = d.compare;
  tools.expectations.replace(d.expectations);
  patternMarks.clear();
  drawIntro(d);
  requestTest({ now: true });
}

// The intro's last sentence describes what is on screen, not what was loaded first.
function drawIntro(d) {
  $('intro-example').hidden = !(d.pattern === seedPattern && d.events === seedEvents);
}

doc.subscribe(({ doc: d, how }) => {
  tools.kept.save(d);
  if (how === 'quiet') return;
  if (state.typing) {
    drawIntro(d);
    return;
  }
  tools.sharing.say('');
  show(d);
});

// One step: the whole test replaced (an example, a link, a file…).
// expected: the events' expectations (tools.expectations.js); none unless given.
// alarm: the alarm's settings (a link or a file brings its own), else unchanged.
export function load(pattern, events, { selected = 0, expected = new Map(), alarm } = {}, label = STEP.loaded) {
  doc.change({ pattern, events, selected, expectations: new Map(expected), ...(alarm ? { alarm } : {}) }, label);
}

$('load-example').addEventListener('click', () => load(seedPattern, seedEvents, {}, STEP.example));
