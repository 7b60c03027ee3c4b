// Saved expectations: each event may be marked "should match" or "should
// not match"; the results then say, per event and in total, whether the
// pattern does what is expected ("3/4 expectations hold"). Expectations are
// part of the test: they travel in share links and downloaded files
// (suite-file.js), and `cwlf test --suite FILE` checks the same ones in CI.
//
// They belong to events, not positions: each is keyed by the event's
// identity (core/include/cwlf/workbench.h: its eventID where that is unique
// in the paste, otherwise a hash of its message), so it follows its event
// through insertions, deletions, reordering and edits elsewhere. A key
// "#N" is a position from a version-1 test, turned into the identity of
// event N once the events are split (resolvePositions). An expectation
// whose event is gone does not hold, and says so.
import { h } from './render.js';
import { t } from './i18n.js';

const LABELS = {
  get match() { return t('page.expect.badge.match'); },
  get 'no-match'() { return t('page.expect.badge.no-match'); },
};

// identity -> index of the first event with it, per result.
const indexes = new WeakMap();
export function identityIndex(result) {
  let index = indexes.get(result);
  if (!index) {
    index = new Map();
    for (const event of result.events) if (!index.has(event.identity)) index.set(event.identity, event.index);
    indexes.set(result, index);
  }
  return index;
}

// A copy of `expectations` with "#N" keys replaced by event N's identity,
// or null when there is none to replace.
export function resolvePositions(expectations, result) {
  let out = null;
  for (const [key, expect] of expectations) {
    if (!key.startsWith('#')) continue;
    out = out || new Map(expectations);
    out.delete(key);
    const event = result.events[Number(key.slice(1)) - 1];
    // An event number beyond the events stays a gone expectation.
    const identity = event ? event.identity : `gone:${key}`;
    if (!out.has(identity)) out.set(identity, expect);
  }
  return out;
}

// Whether `event` (a result event) meets `expect`. An event the engine could
// not read as JSON is still tested by CloudWatch (as text): only `matched` counts.
export function holds(expect, event) {
  if (!event) return false;
  return expect === 'match' ? event.matched === true : event.matched !== true;
}

// -> { total, holding, failing: [index…], gone } for a result (gone: how
// many expectations are for events no longer there); null when the pattern
// is invalid (nothing was tested, so nothing can be checked).
export function check(expectations, result) {
  if (!result || !result.pattern || !result.pattern.ok) return null;
  const index = identityIndex(result);
  const failing = [];
  let gone = 0;
  for (const [identity, expect] of expectations) {
    const at = index.get(identity);
    if (at === undefined) gone += 1;
    else if (!holds(expect, result.events[at])) failing.push(at);
  }
  failing.sort((a, b) => a - b);
  return { total: expectations.size, holding: expectations.size - failing.length - gone, failing, gone };
}

export class Expectations {
  // group: the element holding the three buttons for the selected event;
  // summary: where "3/4 expectations hold" goes; onChange(map, label): a new
  // set of expectations (a step of the document, see document.js).
  constructor({ group, summary, onChange }) {
    this.map = new Map();
    this.group = group;
    this.summary = summary;
    this.onChange = onChange;
    this.selected = 0;
    this.identity = null;  // the selected event's identity
    this.buttons = {
      match: h('button', { type: 'button', class: 'expect-btn', dataset: { expect: 'match', i18n: 'page.expect.match' }, 'aria-pressed': 'false' }, t('page.expect.match')),
      'no-match': h('button', { type: 'button', class: 'expect-btn', dataset: { expect: 'no-match', i18n: 'page.expect.no-match' }, 'aria-pressed': 'false' }, t('page.expect.no-match')),
    };
    this.label = h('span', { class: 'expect-label', dataset: { i18n: 'page.expect.label' } }, t('page.expect.label'));
    this.state = h('span', { class: 'expect-state', role: 'status' });
    group.append(this.label, this.buttons.match, this.buttons['no-match'], this.state);
    group.addEventListener('click', (e) => {
      const button = e.target.closest('.expect-btn');
      if (!button) return;
      const expect = button.dataset.expect;
      if (this.identity === null) return;
      const map = new Map(this.map);
      const which = `#${this.selected + 1}`;
      // Pressing the pressed button again removes the expectation.
      if (map.get(this.identity) === expect) {
        map.delete(this.identity);
        this.onChange(map, t('page.step.expectation-removed', { which }));
      } else {
        map.set(this.identity, expect);
        this.onChange(map, t('page.step.expectation-set', { which, label: LABELS[expect] }));
      }
    });
  }

  replace(map) {
    this.map = new Map(map);
  }

  // The buttons (for the selected event) and the summary line.
  update(result, selected) {
    this.selected = selected;
    const event = result && result.events[selected];
    this.group.hidden = !event;
    this.identity = event ? event.identity : null;
    const expect = event ? this.map.get(event.identity) : undefined;
    for (const [key, button] of Object.entries(this.buttons)) {
      button.setAttribute('aria-pressed', String(expect === key));
    }
    const checked = check(this.map, result);
    if (!expect || !checked) {
      this.state.textContent = '';
      this.state.className = 'expect-state';
    } else {
      const ok = holds(expect, event);
      this.state.textContent = ok ? t('page.expect.holds') : t(event.matched ? 'page.expect.fails-matches' : 'page.expect.fails-no-match');
      this.state.className = `expect-state ${ok ? 'expect-pass' : 'expect-fail'}`;
    }
    this.drawSummary(checked);
  }

  drawSummary(checked) {
    const el = this.summary;
    el.textContent = '';
    el.hidden = this.map.size === 0;
    if (this.map.size === 0) return;
    if (!checked) {
      el.className = 'expectations-summary';
      el.textContent = t(this.map.size === 1 ? 'page.expect.unchecked.one' : 'page.expect.unchecked.other', { count: this.map.size });
      return;
    }
    const all = checked.holding === checked.total;
    el.className = `expectations-summary ${all ? 'expect-pass' : 'expect-fail'}`;
    el.append(h('strong', {}, t('page.expect.summary', { holding: checked.holding, total: checked.total })));
    const notes = [];
    if (checked.failing.length) {
      notes.push(t('page.expect.failing', { events: checked.failing.map((i) => `#${i + 1}`).join(t('page.list.comma')) }));
    }
    if (checked.gone) {
      notes.push(t(checked.gone === 1 ? 'page.expect.gone.one' : 'page.expect.gone.other', { count: checked.gone }));
    }
    if (notes.length) el.append(t('page.expect.notes', { notes: notes.join(t('page.list.semicolon')) }));
  }

  // Marks each listed event with its expectation. Rows are kept between draws
  // (render.js), so a mark is replaced only when it changed.
  decorate(ul, result) {
    const active = this.map.size > 0 && result && result.pattern.ok;
    if (!active && !ul.querySelector('.expect-badge')) return;
    for (const li of ul.querySelectorAll('[role="option"]')) {
      const index = Number(li.dataset.index);
      const event = result.events[index];
      // Only the first event with an identity carries its expectation.
      const own = event && identityIndex(result).get(event.identity) === index;
      const expect = active && own ? this.map.get(event.identity) : undefined;
      const ok = expect ? holds(expect, event) : false;
      const label = expect ? `${ok ? '✓' : '✗'} ${LABELS[expect]}` : '';
      const badge = li.querySelector('.expect-badge');
      if ((badge ? badge.textContent : '') === label) continue;
      if (badge) badge.remove();
      if (!expect) {
        delete li.dataset.expectation;
        continue;
      }
      li.dataset.expectation = ok ? 'pass' : 'fail';
      li.querySelector('.event-line').append(h('span', { class: `expect-badge ${ok ? 'expect-pass' : 'expect-fail'}` }, label));
    }
  }
}
