// The Warnings region next to the pattern: the pitfalls the engine found
// (core/lint.h, through the worker), each with a one-click fix when the
// engine offers a rewrite; and "Show normalised pattern", the pattern as
// CloudWatch reads it, with explicit parentheses.
//
// Everything shown (messages quote the pattern and the events) is inserted
// as text, never as HTML.
import { h, sentence } from './render.js';
import { t } from './i18n.js';

export class Warnings {
  // section: the region; list: its <ul>; normalised: { button, output };
  // onFix(pattern, label): put the rewritten pattern in the box (a step) and re-test;
  // onPoint(range | null): mark the part of the pattern a warning is about.
  constructor({ section, list, normalisedButton, normalisedOutput, onFix, onPoint }) {
    this.section = section;
    this.list = list;
    this.button = normalisedButton;
    this.output = normalisedOutput;
    this.onFix = onFix;
    this.onPoint = onPoint;
    this.key = null;
    this.normalised = null;
    this.button.addEventListener('click', () => this.toggleNormalised());
    this.list.addEventListener('mouseover', (e) => this.point(e.target.closest('li')));
    this.list.addEventListener('focusin', (e) => this.point(e.target.closest('li')));
    this.list.addEventListener('mouseleave', () => this.onPoint(null));
    this.list.addEventListener('focusout', (e) => { if (!this.list.contains(e.relatedTarget)) this.onPoint(null); });
  }

  point(li) {
    if (!li || !li.dataset.offset) return;
    const start = Number(li.dataset.offset);
    this.onPoint({ start, end: start + Math.max(Number(li.dataset.length), 1) });
  }

  // warnings: [{ code, message, offset, length, fixes: [{ label, pattern }] }]
  // (UTF-16 offsets in `pattern`); normalised: string or null.
  update(warnings, normalised, pattern) {
    this.normalised = normalised;
    this.button.disabled = normalised === null;
    if (!this.output.hidden) this.showNormalised(pattern);
    const list = warnings || [];
    const key = JSON.stringify(list);
    if (key === this.key) return;  // unchanged: keep focus and hover where they are
    this.key = key;
    this.list.replaceChildren(...list.map((w) => h('li', {
      class: 'warning', dataset: { code: w.code, offset: w.offset, length: w.length },
    },
    h('p', { class: 'warning-message' }, sentence(w.message)),
    w.fixes.length ? h('div', { class: 'warning-fixes' }, w.fixes.map((fix) => {
      const button = h('button', { type: 'button', class: 'fix', title: fix.pattern }, fix.label);
      button.addEventListener('click', () => this.onFix(fix.pattern, fix.label));
      return button;
    })) : null)));
    this.section.hidden = list.length === 0;
  }

  toggleNormalised() {
    if (this.output.hidden) this.showNormalised();
    else {
      this.output.hidden = true;
      this.button.setAttribute('aria-expanded', 'false');
    }
  }

  showNormalised() {
    if (this.normalised === null) return;
    const text = this.normalised === '' ? t('page.normalised.empty') : this.normalised;
    if (this.output.textContent !== text) this.output.textContent = text;
    this.output.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
  }
}
