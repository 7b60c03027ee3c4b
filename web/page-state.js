// The page's shared state (app.js and the page-*.js modules it is split
// into): the boxes, the test document and what is drawn. ES modules are
// loaded once, so every module that imports these gets the same objects.
import { Highlighter } from './highlight.js';
import { TestDocument } from './document.js';
import { initI18n } from './i18n.js';

// The page's language first: every page-*.js module imports this one, and
// some write sentences as they are loaded (the big events view's labels).
initI18n();

export const $ = (id) => document.getElementById(id);
export const patternBox = $('pattern');
export const eventsBox = $('events');
export const patternMarks = new Highlighter($('pattern-field'));
export const eventsMarks = new Highlighter($('events-field'));
export const list = $('event-list');

// The test document and its history. The boxes show it; what they hold is
// also kept in `boxes`, because reading a textarea's value copies it (slow
// for megabytes of events).
export const doc = new TestDocument();
export const texts = {
  get pattern() { return doc.current.pattern; },
  get events() { return doc.current.events; },
};
export const boxes = { pattern: '', events: '' };

export const state = {
  get selected() { return doc.current.selected; },
  set selected(index) { doc.quietly({ selected: index }); },
  filter: 'all',
  shown: null,      // { request, result } last drawn
  hoverNode: null,  // index of the explanation node under the pointer / focus
  warningRange: null,  // { start, end } in the pattern: the warning under the pointer / focus
  // Set while a box's own input event makes the step: the box already shows it.
  typing: false,
};

// The page's tools (warnings, exclusion, compare, proof, radar, metric, export,
// expectations, the big events view, sharing, keeping), made by app.js and
// page-editing.js; drawing and the engine's answers reach them here.
export const tools = {};
