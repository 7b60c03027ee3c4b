// "Compare with…": a second pattern run over the same events (in the worker,
// see engine-worker.js), listing the events where the two disagree, so that
// "is my pattern equivalent to, or stricter than, the CIS one?" has an answer.
import { h, plural, sentence } from './render.js';

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
      const where = comparison.error ? ` (character ${comparison.error.offset + 1}: ${comparison.error.message})` : '';
      this.output.replaceChildren(h('p', { class: 'compare-error' }, sentence(`The other pattern is not valid${where}.`)));
      return;
    }
    if (!result.pattern.ok) {
      this.output.replaceChildren(h('p', {}, 'Fix the current pattern to compare.'));
      return;
    }
    const list = (indexes) => h('ul', { class: 'compare-events' }, indexes.slice(0, 50).map((i) => {
      const event = result.events[i];
      const button = h('button', { type: 'button', class: 'ghost', dataset: { index: i } }, `#${i + 1} ${event ? event.title : ''}`);
      button.addEventListener('click', () => this.onSelect(i));
      return h('li', {}, button);
    }), indexes.length > 50 ? h('li', {}, `and ${indexes.length - 50} more`) : null);
    const { onlyFirst, onlySecond } = comparison;
    const verdict = onlyFirst.length === 0 && onlySecond.length === 0
      ? 'Equivalent on these events: both patterns give the same verdict on every event.'
      : onlyFirst.length === 0
        ? 'The current pattern is stricter on these events: it matches nothing the other does not.'
        : onlySecond.length === 0
          ? 'The other pattern is stricter on these events: the current one matches everything it does, and more.'
          : 'The patterns disagree both ways.';
    this.output.replaceChildren(...[
      h('p', { class: 'compare-verdict' }, verdict),
      h('p', {}, `Both match ${plural(comparison.both, 'event', 'events')}; neither matches ${plural(comparison.neither, 'event', 'events')}.`),
      onlyFirst.length ? h('div', { class: 'compare-only-first' }, h('p', {}, `Only the current pattern matches ${plural(onlyFirst.length, 'event', 'events')}:`), list(onlyFirst)) : null,
      onlySecond.length ? h('div', { class: 'compare-only-second' }, h('p', {}, `Only the other pattern matches ${plural(onlySecond.length, 'event', 'events')}:`), list(onlySecond)) : null,
    ].filter(Boolean));
  }
}
