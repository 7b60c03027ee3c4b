// Drawing what the engine answered (app.js, split): the pattern's status,
// the counts, the results list, the explanation, the marks in the boxes, and
// each tool's part; selecting an event and hovering explanation steps.
import { FAMILY_LABELS, FORMAT_LABELS, counted, renderCounts, renderExplanation, renderPatternStatus, sentence } from './render.js';
import { sourceNote } from './steps.js';
import { markRanges } from './marks.js';
import { followHover } from './explain-hover.js';
import { ResultsList } from './results-list.js';
import { t } from './i18n.js';
import { $, doc, eventsMarks, list, patternMarks, state, texts, tools } from './page-state.js';
import { current, drawAnswersWith, requestTest } from './page-engine.js';

// Where the events' marks are drawn: the textarea's mirror, or the big view.
export function eventsView() {
  return tools.bigView.active ? tools.bigView : eventsMarks;
}

// ---- drawing -----------------------------------------------------------------

// Every answer of the engine is drawn by draw() (page-engine.js calls it).
drawAnswersWith(draw);

export function draw({ fromUser }) {
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

  tools.radarView.update(result, state.selected);  // before drawList, which draws its badges
  renderCounts($('counts'), result, state.filter, (filter) => {
    state.filter = filter;
    resultsList.reset();
    drawList();
  });
  // (before drawList: its badges use the expectations, e.g. "#N" keys just resolved to identities)
  tools.expectations.replace(doc.current.expectations);
  drawList();
  drawExplanation();
  if (tools.bigView.active && current()) tools.bigView.setEvents(result.events, state.selected);
  tools.expectations.update(result, state.selected);
  tools.warnings.update(current() ? result.warnings : [], result.normalised, request.pattern);
  tools.exclusionTool.update(result, state.selected, request.pattern);
  tools.compareTool.update(result.comparison, result);
  tools.proofView.update({ pattern: request.pattern, other: doc.current.compare || '', ok: result.pattern.ok, eventsVersion: result.eventsVersion, format: result.format });
  tools.metricTool.update(result.metric, result);
  tools.exportPanel.update();
  drawMarks({ reveal: fromUser });
}

export function setNote(el, text) {
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
export const resultsList = new ResultsList({
  ul: list,
  more: $('show-more'),
  onSelect: (index, options) => select(index, options),
  decorate: (ul) => {
    tools.expectations.decorate(ul, state.shown.result);
    tools.radarView.decorate(ul);
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
export function drawMarks({ reveal = false } = {}) {
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

export function select(index, { focus = false } = {}) {
  if (!state.shown) return;
  const { result } = state.shown;
  if (index < 0 || index >= result.events.length) return;
  state.selected = index;
  state.hoverNode = null;
  resultsList.mark(index, { focus });
  drawExplanation();
  if (tools.bigView.active && current()) tools.bigView.setEvents(result.events, state.selected);
  tools.expectations.update(result, state.selected);
  tools.radarView.update(result, state.selected);
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
