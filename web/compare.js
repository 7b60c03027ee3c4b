// "Compare with…": a second pattern run over the same events (in the worker,
// see engine-worker.js), listing the events where the two disagree, so that
// "is my pattern equivalent to, or stricter than, the CIS one?" has an answer.
import { counted, h, sentence } from './render.js';
import { t } from './i18n.js';

export class CompareTool {
  // input: the second pattern's box; output: where the answer goes;
  // onChange(pattern): re-test with it; onSelect(index): show that event.
  constructor({ input, output, onChange, onSelect }) {
    this.input = input;
    this.output = output;
    this.onSelect = onSelect;
    let timer = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => onChange(input.value), 150);
    });
  }

  get pattern() {
    return this.input.value;
  }

  set pattern(value) {
    this.input.value = value;
  }

  // comparison: { ok, error, onlyFirst, onlySecond, both, neither } or undefined.
  update(comparison, result) {
    if (!comparison || this.input.value === '') {
      this.output.replaceChildren();
      this.output.hidden = true;
      return;
    }
    this.output.hidden = false;
    if (!comparison.ok) {
      this.output.replaceChildren(h('p', { class: 'compare-error' }, sentence(comparison.error
        ? t('page.compare.invalid-at', { character: comparison.error.offset + 1, message: comparison.error.message })
        : t('page.compare.invalid'))));
      return;
    }
    if (!result.pattern.ok) {
      this.output.replaceChildren(h('p', {}, t('page.compare.fix-current')));
      return;
    }
    const list = (indexes) => h('ul', { class: 'compare-events' }, indexes.slice(0, 50).map((i) => {
      const event = result.events[i];
      const button = h('button', { type: 'button', class: 'ghost', dataset: { index: i } }, `#${i + 1} ${event ? event.title : ''}`);
      button.addEventListener('click', () => this.onSelect(i));
      return h('li', {}, button);
    }), indexes.length > 50 ? h('li', {}, t('page.compare.more', { count: indexes.length - 50 })) : null);
    const { onlyFirst, onlySecond } = comparison;
    const verdict = onlyFirst.length === 0 && onlySecond.length === 0
      ? t('page.compare.equivalent')
      : onlyFirst.length === 0
        ? t('page.compare.current-stricter')
        : onlySecond.length === 0
          ? t('page.compare.other-stricter')
          : t('page.compare.both-ways');
    this.output.replaceChildren(...[
      h('p', { class: 'compare-verdict' }, verdict),
      h('p', {}, t('page.compare.both-neither', { both: counted(comparison.both, 'page.counts.events'), neither: counted(comparison.neither, 'page.counts.events') })),
      onlyFirst.length ? h('div', { class: 'compare-only-first' }, h('p', {}, t('page.compare.only-current', { events: counted(onlyFirst.length, 'page.counts.events') })), list(onlyFirst)) : null,
      onlySecond.length ? h('div', { class: 'compare-only-second' }, h('p', {}, t('page.compare.only-other', { events: counted(onlySecond.length, 'page.counts.events') })), list(onlySecond)) : null,
    ].filter(Boolean));
  }
}
