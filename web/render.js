// DOM builders for the page: the pattern's status line, the list of
// results and the explanation tree. Everything the user or an event
// supplied is inserted as text (text nodes / textContent), never as HTML.
import { language, t } from './i18n.js';

// h('p', { class: 'x', dataset: { a: '1' } }, 'text', child, ...)
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// (Getters: the sentence is looked up in the page's language when drawn.)
export const FAMILY_LABELS = {
  get 'match-all'() { return t('page.family.match-all'); },
  get terms() { return t('page.family.terms'); },
  get json() { return t('page.family.json'); },
  get 'space-delimited'() { return t('page.family.space-delimited'); },
};

export const FORMAT_LABELS = {
  get 'json-objects'() { return t('page.format.json-objects'); },
  get 'json-array'() { return t('page.format.json-array'); },
  get 'cloudtrail-records'() { return t('page.format.cloudtrail-records'); },
  get lines() { return t('page.format.lines'); },
  get 'aws-lookup-events'() { return t('page.format.aws-lookup-events'); },
  get 'aws-log-events'() { return t('page.format.aws-log-events'); },
  get eventbridge() { return t('page.format.eventbridge'); },
  get 'logs-insights'() { return t('page.format.logs-insights'); },
  get 'logs-insights-csv'() { return t('page.format.logs-insights-csv'); },
};

// 1-based line and column of a UTF-16 offset in `text`.
export function lineColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

// 12345 -> "12,345" (Number#toLocaleString costs tens of milliseconds on
// first use, which would delay the first result).
export function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n, one, many) {
  return `${count(n)} ${n === 1 ? one : many}`;
}

// "3 events" in the page's language: ids `${id}.one` and `${id}.other`, {count}.
export function counted(n, id) {
  return t(`${id}.${n === 1 ? 'one' : 'other'}`, { count: count(n) });
}

// ---- verdicts --------------------------------------------------------------

export function verdictOf(event) {
  if (event.error) return 'error';
  if (!event.tested) return 'untested';
  return event.matched ? 'match' : 'no-match';
}

const VERDICT = {
  match: { icon: '✓', get text() { return t('page.verdict.match'); } },
  'no-match': { icon: '✗', get text() { return t('page.verdict.no-match'); } },
  error: { icon: '!', get text() { return t('page.verdict.error'); } },
  untested: { icon: '–', get text() { return t('page.verdict.untested'); } },
};

export function verdictBadge(verdict) {
  const v = VERDICT[verdict];
  return h('span', { class: `verdict verdict-${verdict}` }, h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, v.icon), ' ', v.text);
}

// ---- the pattern's status ------------------------------------------------------

export function renderPatternStatus(el, compiled, pattern) {
  el.textContent = '';
  el.className = 'status';
  if (!compiled) return;
  if (compiled.ok) {
    el.classList.add('status-ok');
    el.append(h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '✓'), ' ',
      pattern.trim() === '' ? t('page.status.empty') : t('page.status.valid', { family: FAMILY_LABELS[compiled.family] || t('page.family.pattern') }));
    return;
  }
  const error = compiled.error;
  const where = error.offset >= pattern.length
    ? t('page.status.at-end')
    : t('page.status.at', { position: describePosition(pattern, error.offset) });
  el.classList.add('status-error');
  el.append(
    h('p', { class: 'error-main' },
      h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '!'), ' ',
      h('strong', {}, t('page.status.invalid')), ` ${where}: `, error.message),
    error.awsMessage
      ? h('p', { class: 'error-aws' }, t('page.status.aws-says'), h('code', {}, `InvalidParameterException: ${error.awsMessage}`))
      : null,
  );
}

function describePosition(text, offset) {
  const { line, column } = lineColumn(text, offset);
  return text.includes('\n') ? t('page.position.line-column', { line, column }) : t('page.position.column', { column });
}

// ---- counts (also the list's filter) ----------------------------------------------

export function renderCounts(el, result, filter, onFilter) {
  el.textContent = '';
  if (!result) return;
  const { counts } = result;
  const total = result.events.length;
  const items = [
    ['all', counted(total, 'page.counts.events')],
    ['match', counted(counts.matched, 'page.counts.matches')],
    ['no-match', counted(counts.unmatched, 'page.counts.no-match')],
    ['error', counted(counts.errors, 'page.counts.errors')],
  ];
  for (const [key, label] of items) {
    const button = h('button', {
      type: 'button',
      class: `count count-${key}`,
      'aria-pressed': String(filter === key),
      title: key === 'all' ? t('page.counts.show-all') : t('page.counts.show-only', { label }),
    }, label);
    button.addEventListener('click', () => onFilter(filter === key ? 'all' : key));
    el.append(button);
  }
}

// ---- the list of events ------------------------------------------------------------

// The list is drawn again after every edit of the pattern, but mostly only
// verdicts change: each row is kept (keyed by event number, for one text of
// the events) and rebuilt only when what it shows changed, and the list's
// children are touched only where they differ. Rebuilding hundreds of rows
// made the browser lay out the whole page again on every key press.
const rowCache = new WeakMap();
const LONG_LIST = 50;  // ul -> { text, rows: Map(index -> { key, li }) }

function eventRow(event, isSelected, text) {
  const verdict = verdictOf(event);
  return h('li', {
    role: 'option',
    id: `event-${event.index}`,
    class: 'event',
    'aria-selected': String(isSelected),
    tabindex: isSelected ? '0' : '-1',
    dataset: { index: String(event.index), verdict },
  },
  h('div', { class: 'event-line' },
    verdictBadge(verdict),
    h('span', { class: 'event-number' }, `#${event.index + 1}`),
    h('span', { class: 'event-title' }, event.title || t('page.event.empty')),
    event.detail ? h('span', { class: 'event-detail-inline', 'aria-hidden': 'true' }, event.detail) : null),
  event.detail ? h('div', { class: 'event-detail' }, event.detail) : null,
  event.error ? h('div', { class: 'event-error' }, errorSentence(event.error, text)) : null,
  event.extracted && event.extracted.length
    ? h('dl', { class: 'extracted' }, event.extracted.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))))
    : null);
}

// Everything eventRow() draws that can change while the text stays the same
// (title, detail and error come from the text).
function rowKey(event, isSelected) {
  const extracted = event.extracted && event.extracted.length ? JSON.stringify(event.extracted) : '';
  // (the error is the engine's sentence: after a language change it comes again, in the new language)
  return `${verdictOf(event)}|${isSelected}|${extracted}|${language()}|${event.error ? event.error.message : ''}`;
}

// The events the filter lets through, in order.
export function shownEvents(result, filter) {
  return filter === 'all' ? result.events : result.events.filter((e) => verdictOf(e) === filter);
}

// Draws shown[from, to) (every shown event up to `limit` when no window is
// given). window: { from, to, before, after } for a virtual list
// (results-list.js): the rows in view, and the heights in pixels of what
// stands for the rows above and below, so the scrollbar keeps the whole list's
// length. Each option then says its place in the whole list (aria-setsize,
// aria-posinset), so a screen reader counts every event, drawn or not.
export function renderEventList(ul, result, { shown, selected, limit, text, window: view = null }) {
  let cache = rowCache.get(ul);
  if (!cache || cache.text !== text) {
    cache = { text, rows: new Map() };
    rowCache.set(ul, cache);
  }
  const from = view ? view.from : 0;
  const to = view ? view.to : Math.min(shown.length, limit);
  const wanted = [];
  const rows = new Map();
  for (let at = from; at < to; at++) {
    const event = shown[at];
    const isSelected = event.index === selected;
    const key = rowKey(event, isSelected);
    let row = cache.rows.get(event.index);
    if (!row || row.key !== key) row = { key, li: eventRow(event, isSelected, text) };
    if (view) {
      row.li.setAttribute('aria-setsize', String(shown.length));
      row.li.setAttribute('aria-posinset', String(at + 1));
    } else if (row.li.hasAttribute('aria-setsize')) {
      row.li.removeAttribute('aria-setsize');
      row.li.removeAttribute('aria-posinset');
    }
    rows.set(event.index, row);
    wanted.push(row.li);
  }
  cache.rows = rows;
  if (shown.length === 0) {
    wanted.push(h('li', { class: 'event-empty', role: 'presentation' },
      result.events.length === 0 ? t('page.list.no-events') : t('page.list.empty-group')));
  }
  if (view) {
    wanted.unshift(spacer(cache, 'before', view.before));
    wanted.push(spacer(cache, 'after', view.after));
  }
  // Long lists skip laying out the rows out of view (style.css); short ones
  // draw every row at once, e.g. for a screenshot of the whole page.
  const long = !view && wanted.length > LONG_LIST;
  if (ul.classList.contains('long') !== long) ul.classList.toggle('long', long);
  if (ul.classList.contains('virtual') !== !!view) ul.classList.toggle('virtual', !!view);
  // Touch only the children that differ (most often none or a few).
  let at = ul.firstChild;
  for (const li of wanted) {
    if (at === li) {
      at = at.nextSibling;
    } else {
      ul.insertBefore(li, at);
    }
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
  // If no shown option is selected, keep one reachable with Tab.
  if (!ul.querySelector('[tabindex="0"]')) {
    const first = ul.querySelector('[role="option"]');
    if (first) first.tabIndex = 0;
  }
  return shown.length;
}

// The stand-in for the rows above or below a virtual list's window.
function spacer(cache, which, height) {
  if (!cache[which]) cache[which] = h('li', { class: 'event-spacer', role: 'none', 'aria-hidden': 'true' });
  const px = `${height}px`;
  if (cache[which].style.height !== px) cache[which].style.height = px;
  return cache[which];
}

export function errorSentence(error, text) {
  const where = text === undefined ? '' : t('page.event.error-at', lineColumn(text, error.offset));
  return `${error.message}${where}`;
}

// ---- the explanation ----------------------------------------------------------------

const KIND_LABELS = {
  get 'match-all'() { return t('page.kind.match-all'); },
  get 'not-json'() { return t('page.kind.not-json'); },
  get and() { return t('page.kind.and'); },
  get or() { return t('page.kind.or'); },
  get terms() { return t('page.kind.terms'); },
  get fields() { return t('page.kind.fields'); },
};

const OUTCOME = {
  true: { icon: '✓', get text() { return t('page.outcome.true'); } },
  false: { icon: '✗', get text() { return t('page.outcome.false'); } },
  skipped: { icon: '–', get text() { return t('page.outcome.skipped'); } },
};

// What decided the verdict: the decisive nodes with no decisive child. A
// group decided by more than `maxFanout` of its operands together (an `||`
// none of whose 16 alternatives is true) is reported as the group itself.
export function decidingNodes(nodes, maxFanout = Infinity) {
  const out = [];
  if (!nodes || nodes.length === 0) return out;
  const stack = [0];
  const seen = new Set();
  while (stack.length) {
    const i = stack.pop();
    if (seen.has(i) || !nodes[i]) continue;
    seen.add(i);
    const decisiveChildren = nodes[i].children.filter((c) => nodes[c] && nodes[c].decisive);
    if (decisiveChildren.length === 0 || decisiveChildren.length > maxFanout) out.push(i);
    else stack.push(...decisiveChildren.reverse());
  }
  return out.sort((a, b) => a - b);
}

function clipText(text, max) {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// The engine quotes pattern text and values in its sentences with
// backticks; those pieces are shown as code (still inserted as text).
export function sentence(text, className) {
  const el = h('span', { class: className });
  const parts = String(text).split('`');
  // An odd number of backticks leaves the last one literal.
  if (parts.length % 2 === 0) {
    const last = parts.pop();
    parts[parts.length - 1] += `\`${last}`;
  }
  parts.forEach((part, i) => {
    if (part === '') return;
    el.append(i % 2 ? h('code', {}, part) : document.createTextNode(part));
  });
  return el;
}

function foundView(node) {
  if (!node.found) return null;
  const text = node.foundText ?? '';
  let value;
  switch (node.found) {
    case 'missing': value = h('span', { class: 'tag tag-missing' }, t('page.found.missing')); break;
    case 'null': value = h('span', { class: 'tag' }, 'null'); break;
    case 'string': value = h('code', { class: 'value' }, `"${text}"`); break;
    case 'object':
    case 'array':
      value = [h('span', { class: 'tag' }, t(`page.found.${node.found}`)), text ? h('code', { class: 'value' }, text) : null];
      break;
    case 'text':
      if (text === '' && node.eventOffset === null) return null;
      value = h('code', { class: 'value' }, text);
      break;
    default: value = h('code', { class: 'value' }, text);
  }
  return h('span', { class: 'found' }, h('span', { class: 'found-label' }, t('page.found.label')), value);
}

function nodeLabel(node, pattern) {
  const slice = pattern.slice(node.patternOffset, node.patternOffset + node.patternLength);
  if (KIND_LABELS[node.kind]) {
    const wide = node.kind === 'and' || node.kind === 'or' || node.kind === 'terms' || node.kind === 'fields';
    return h('span', { class: 'node-text' },
      h('span', { class: 'node-kind' }, KIND_LABELS[node.kind]),
      wide && slice ? h('code', { class: 'node-excerpt' }, slice.replace(/\s+/g, ' ')) : null);
  }
  return h('span', { class: 'node-text' }, h('code', { class: 'node-code' }, slice || t('page.node.empty')));
}

// A compact node (one of many sibling leaves, e.g. 16 alternatives of an
// `||`) is drawn on one line; its sentence stays available to screen
// readers and shows on hover and focus.
function nodeView(nodes, i, pattern, depth, compact = false) {
  const node = nodes[i];
  const outcome = OUTCOME[node.outcome] || OUTCOME.skipped;
  const parent = nodes.find((n) => n.children.includes(i));
  const groupDecided = compact && parent && parent.decisive && parent.children.every((c) => nodes[c].decisive);
  const row = h('div', {
    class: compact ? 'node compact' : 'node',
    tabindex: '0',
    dataset: { node: String(i), outcome: node.outcome, decisive: String(Boolean(node.decisive)), kind: node.kind },
  },
  h('div', { class: 'node-head' },
    h('span', { class: `outcome outcome-${node.outcome}` }, h('span', { 'aria-hidden': 'true' }, outcome.icon), ` ${outcome.text}`),
    nodeLabel(node, pattern),
    node.decisive && !groupDecided ? h('span', { class: 'decisive-tag' }, t('page.node.decisive')) : null),
  h('div', { class: 'node-body' },
    foundView(node),
    node.reason ? sentence(node.reason, 'reason') : null));
  const li = h('li', { class: 'tree-item' }, row);
  if (node.children.length) li.append(childrenView(nodes, node.children, pattern, depth + 1));
  return li;
}

// Long runs (3 or more) of sibling steps that were not evaluated fold away.
function childrenView(nodes, children, pattern, depth) {
  const ul = h('ul', { class: 'tree' });
  const compact = children.length > 4 && children.every((c) => nodes[c] && nodes[c].children.length === 0);
  let run = [];
  const flush = () => {
    if (run.length >= 3) {
      const details = h('details', { class: 'skipped-run' },
        h('summary', {}, t('page.tree.skipped-run', { count: run.length })));
      const inner = h('ul', { class: 'tree' });
      for (const c of run) inner.append(nodeView(nodes, c, pattern, depth, compact));
      details.append(inner);
      ul.append(h('li', { class: 'tree-item' }, details));
    } else {
      for (const c of run) ul.append(nodeView(nodes, c, pattern, depth, compact));
    }
    run = [];
  };
  for (const c of children) {
    if (!nodes[c]) continue;
    if (nodes[c].outcome === 'skipped' && !nodes[c].decisive) {
      run.push(c);
    } else {
      flush();
      ul.append(nodeView(nodes, c, pattern, depth, compact));
    }
  }
  flush();
  return ul;
}

// Fills the Explanation region for one event.
export function renderExplanation(summaryEl, treeEl, { result, event, selected, pattern, text }) {
  summaryEl.textContent = '';
  treeEl.textContent = '';
  if (!result) return;
  if (!result.pattern.ok) {
    summaryEl.append(h('p', { class: 'muted' }, t('page.explain.invalid-pattern')));
    return;
  }
  if (!event) {
    summaryEl.append(h('p', { class: 'muted' }, t('page.explain.no-events')));
    return;
  }
  const verdict = verdictOf(event);
  summaryEl.append(h('p', { class: 'explain-title' },
    verdictBadge(verdict),
    h('span', { class: 'event-number' }, `#${event.index + 1}`),
    h('span', { class: 'event-title' }, event.title || t('page.event.empty'))));

  if (event.error) {
    const { line, column } = lineColumn(text, event.error.offset);
    summaryEl.append(h('p', { class: 'explain-error' },
      t('page.explain.not-tested'), h('strong', {}, event.error.message), t('page.explain.not-tested-at', { line, column }),
      t('page.explain.others-tested')));
    return;
  }
  const explanation = selected && selected.explanation;
  if (!explanation || !explanation.nodes || explanation.nodes.length === 0) {
    summaryEl.append(h('p', { class: 'muted' }, t('page.explain.none')));
    return;
  }
  const nodes = explanation.nodes;
  const deciding = decidingNodes(nodes, 3);
  if (deciding.length) {
    const p = h('p', { class: 'decided-by' }, t('page.explain.decided-by'));
    deciding.forEach((i, k) => {
      const n = nodes[i];
      if (k > 0) p.append(k === deciding.length - 1 ? t('page.list.and') : t('page.list.comma'));
      const slice = pattern.slice(n.patternOffset, n.patternOffset + n.patternLength);
      p.append(h('code', {}, slice ? clipText(slice, 90) : KIND_LABELS[n.kind] || n.kind),
        t('page.explain.decided-outcome', { outcome: OUTCOME[n.outcome].text }));
    });
    p.append(t('page.explain.decided-end'));
    summaryEl.append(p);
    if (deciding.length === 1 && nodes[deciding[0]].reason) {
      const reason = sentence(nodes[deciding[0]].reason, 'decided-reason');
      summaryEl.append(h('p', {}, reason));
    }
  }
  const tree = h('ul', { class: 'tree tree-root', 'aria-label': t('page.tree.label') });
  tree.append(nodeView(nodes, 0, pattern, 0));
  treeEl.append(tree);
  if (selected.message !== undefined) {
    treeEl.append(h('details', { class: 'message' },
      h('summary', {}, t('page.explain.message', { characters: counted(selected.messageLength, 'page.counts.characters') })),
      h('pre', {}, selected.message)));
  }
}
