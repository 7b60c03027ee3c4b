// The silent-miss radar, scope leaks and the pattern's summary on the page
// (the engine's answers: result.radar and result.summary, see docs/api.md and
// docs/semantics.md, "The silent-miss radar and scope leaks").
//
// - The summary: what the pattern matches, in one paragraph, above the
//   explanation.
// - Badges in the event list: "silently dropped" on a no-match event that
//   the alarm's core catches but an exclusion drops because a field is
//   missing (or holds no string or number); "excluded" where the exclusion
//   did what it says; "scope leak" on a match from another service than the
//   one the pattern's event names belong to.
// - One line above the list counting the silent drops by identity type, and
//   the selected event's radar sentence above its explanation.
// - Over CloudTrail files (files.js): the same counts, from the engine's
//   FileScan summary.
// Everything is rendered as text (h(), sentence()), never as HTML.
import { count, h, sentence } from './render.js';
import { t } from './i18n.js';

// The sentences, in the page's language (messages/*.json, page.radar.*).
const TEXT = {
  badge: { silent: () => t('page.radar.badge.silent'), excluded: () => t('page.radar.badge.excluded'), leak: () => t('page.radar.badge.leak') },
  silentLine: (n, types) => (n === 1 ? t('page.radar.line.silent.one', { count: count(n), types }) : t('page.radar.line.silent.other', { count: count(n), types })),
  leakLine: (n, expected) => (n === 1 ? t('page.radar.line.leak.one', { count: count(n), expected }) : t('page.radar.line.leak.other', { count: count(n), expected })),
  summaryLabel: () => t('page.radar.summary-label'),
  filesSilent: (n, types) => (n === 1 ? t('page.radar.files.silent.one', { count: count(n), types }) : t('page.radar.files.silent.other', { count: count(n), types })),
  filesExcluded: (n) => (n === 1 ? t('page.radar.files.excluded.one', { count: count(n) }) : t('page.radar.files.excluded.other', { count: count(n) })),
  filesLeaks: (n, expected, sources) => (n === 1 ? t('page.radar.files.leaks.one', { count: count(n), expected, sources }) : t('page.radar.files.leaks.other', { count: count(n), expected, sources })),
};

// "IAMUser 9, Root 3", most first.
function byCount(rows) {
  return rows.map(([name, n]) => `${name} ${count(n)}`).join(', ');
}

function tally(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

export class RadarView {
  // line: where the counts above the event list go; summary: the paragraph
  // above the explanation; note: the selected event's radar sentence.
  constructor({ line, summary, note }) {
    this.line = line;
    this.summaryEl = summary;
    this.note = note;
    this.byIndex = new Map();  // event index -> { kind, reason }
    this.drawn = '';
  }

  // Makes its elements: the counts above the event list `list`, the summary
  // and the selected event's sentence above the explanation `explanation`.
  static attach({ list, explanation }) {
    const line = h('div', { class: 'radar-lines', hidden: true });
    const summary = h('p', { class: 'pattern-summary', hidden: true });
    const note = h('p', { class: 'radar-note', hidden: true });
    list.before(line);
    explanation.before(summary, note);
    return new RadarView({ line, summary, note });
  }

  // Everything but the badges, for a new result and selection.
  update(result, selected) {
    const radar = result && result.pattern.ok ? result.radar : null;
    this.byIndex = new Map();
    if (radar) {
      for (const d of radar.drops) this.byIndex.set(d.index, { kind: d.kind, reason: d.reason, identityType: d.identityType });
      for (const l of radar.leaks) this.byIndex.set(l.index, { kind: 'leak', reason: l.reason });
    }
    this.drawLine(radar);
    this.drawSummary(result && result.pattern.ok ? result.summary : '');
    const mark = this.byIndex.get(selected);
    const text = mark ? mark.reason : '';
    if (this.note.dataset.text !== text) {
      this.note.dataset.text = text;
      this.note.className = `radar-note${mark ? ` radar-${mark.kind}` : ''}`;
      this.note.replaceChildren(text ? sentence(text) : '');
    }
    this.note.hidden = text === '';
  }

  drawLine(radar) {
    const parts = [];
    if (radar) {
      const silent = radar.drops.filter((d) => d.kind === 'silent');
      if (silent.length) parts.push(h('p', { class: 'radar-line radar-silent' }, sentence(TEXT.silentLine(silent.length, byCount(tally(silent.map((d) => d.identityType)))))));
      if (radar.leaks.length) parts.push(h('p', { class: 'radar-line radar-leak' }, sentence(TEXT.leakLine(radar.leaks.length, radar.expectedSource))));
    }
    const key = parts.map((p) => p.textContent).join('\n');
    if (key === this.drawn) return;
    this.drawn = key;
    this.line.replaceChildren(...parts);
    this.line.hidden = parts.length === 0;
  }

  drawSummary(text) {
    const key = text && `${TEXT.summaryLabel()}|${text}`;
    if (this.summaryEl.dataset.text === key) return;
    this.summaryEl.dataset.text = key;
    this.summaryEl.replaceChildren(...(text ? [h('strong', {}, `${TEXT.summaryLabel()}: `), sentence(text)] : []));
    this.summaryEl.hidden = text === '';
  }

  // Marks the listed events. Rows are kept between draws (render.js), so a
  // badge is replaced only when it changed.
  decorate(ul) {
    for (const li of ul.querySelectorAll('[role="option"]')) {
      const mark = this.byIndex.get(Number(li.dataset.index));
      const label = mark ? TEXT.badge[mark.kind]() : '';
      const badge = li.querySelector('.radar-badge');
      if ((badge ? badge.textContent : '') === label) continue;
      if (badge) badge.remove();
      if (!mark) {
        delete li.dataset.radar;
        continue;
      }
      li.dataset.radar = mark.kind;
      li.querySelector('.event-line').append(h('span', { class: `radar-badge radar-${mark.kind}`, title: mark.reason }, label));
    }
  }
}

// The radar's rows of a file scan's summary (FileScan.summary()), or [].
export function fileRadarRows(summary) {
  const rows = [];
  if (summary.silent && summary.silent.total > 0) {
    rows.push(h('p', { class: 'radar-line radar-silent' }, sentence(TEXT.filesSilent(summary.silent.total, byCount(summary.silent.byIdentityType)))));
  }
  if (summary.excluded > 0) rows.push(h('p', { class: 'radar-line radar-excluded' }, TEXT.filesExcluded(summary.excluded)));
  if (summary.scopeLeaks && summary.scopeLeaks.total > 0) {
    rows.push(h('p', { class: 'radar-line radar-leak' }, sentence(TEXT.filesLeaks(summary.scopeLeaks.total, summary.scopeLeaks.expected, byCount(summary.scopeLeaks.bySource)))));
  }
  return rows;
}
