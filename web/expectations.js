// Saved expectations: each event may be marked "should match" or "should
// not match"; the results then say, per event and in total, whether the
// pattern does what is expected ("3/4 expectations hold"). Expectations are
// part of the test: they travel in share links and downloaded files
// (suite-file.js), and `cwlf test --suite FILE` checks the same ones in CI.
//
// They are kept by event position (0-based here, 1-based in files), like
// the page's "#3". An expectation for an event that no longer exists (the
// events were edited) does not hold, and says so.
import { h } from './render.js';
import { t } from './i18n.js';

const LABELS = {
  get match() { return t('page.expect.badge.match'); },
  get 'no-match'() { return t('page.expect.badge.no-match'); },
};

// Whether `event` (a result event) meets `expect`. An event the engine could
// not read as JSON is still tested by CloudWatch (as text): only `matched` counts.
export function holds(expect, event) {
  if (!event) return false;
  return expect === 'match' ? event.matched === true : event.matched !== true;
}

// -> { total, holding, failing: [index…] } for a result; null when the
// pattern is invalid (nothing was tested, so nothing can be checked).
export function check(expectations, result) {
  if (!result || !result.pattern || !result.pattern.ok) return null;
  const failing = [];
  for (const [index, expect] of expectations) {
    if (!holds(expect, result.events[index])) failing.push(index);
  }
  failing.sort((a, b) => a - b);
  return { total: expectations.size, holding: expectations.size - failing.length, failing };
}

export class Expectations {
  // group: the element holding the three buttons for the selected event;
  // summary: where "3/4 expectations hold" goes; onChange(): redraw.
  constructor({ group, summary, onChange }) {
    this.map = new Map();
    this.group = group;
    this.summary = summary;
    this.onChange = onChange;
    this.selected = 0;
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
      // Pressing the pressed button again removes the expectation.
      if (this.map.get(this.selected) === expect) this.map.delete(this.selected);
      else this.map.set(this.selected, expect);
      this.onChange();
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
    const expect = this.map.get(selected);
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
    if (!all) {
      el.append(t('page.expect.failing', { events: checked.failing.map((i) => `#${i + 1}`).join(t('page.list.comma')) }));
    }
  }

  // Marks each listed event with its expectation. Rows are kept between draws
  // (render.js), so a mark is replaced only when it changed.
  decorate(ul, result) {
    const active = this.map.size > 0 && result && result.pattern.ok;
    if (!active && !ul.querySelector('.expect-badge')) return;
    for (const li of ul.querySelectorAll('[role="option"]')) {
      const index = Number(li.dataset.index);
      const expect = active ? this.map.get(index) : undefined;
      const ok = expect ? holds(expect, result.events[index]) : false;
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
