// The gallery of real alarms (gallery-data.js): one click loads an alarm's
// pattern with events that must and must not trigger it.
import { h } from './render.js';
import { GALLERY } from './gallery-data.js';

export function initGallery({ list, onLoad }) {
  list.replaceChildren(...GALLERY.map((alarm) => {
    const button = h('button', { type: 'button', class: 'ghost', dataset: { alarm: alarm.id } }, alarm.title);
    button.addEventListener('click', () => onLoad(alarm));
    const matching = alarm.expected.filter(Boolean).length;
    return h('li', {}, button,
      h('span', { class: 'gallery-counts' }, ` ${matching} matching, ${alarm.expected.length - matching} not`),
      alarm.note ? h('p', { class: 'gallery-note' }, alarm.note) : null);
  }));
}
