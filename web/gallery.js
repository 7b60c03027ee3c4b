// The gallery of real alarms (gallery-data.js): one click loads an alarm's
// pattern with events that must and must not trigger it. Titles and notes
// come from the catalogue (page.gallery.<id>.title / .note), redrawn when the
// page's language changes.
import { h } from './render.js';
import { GALLERY } from './gallery-data.js';
import { onLanguageChange, t } from './i18n.js';

export function initGallery({ list, onLoad }) {
  const draw = () => list.replaceChildren(...GALLERY.map((alarm) => {
    const button = h('button', { type: 'button', class: 'ghost', dataset: { alarm: alarm.id } }, t(`page.gallery.${alarm.id}.title`));
    button.addEventListener('click', () => onLoad(alarm));
    const matching = alarm.expected.filter(Boolean).length;
    return h('li', {}, button,
      h('span', { class: 'gallery-counts' }, t('page.gallery.counts', { matching, not: alarm.expected.length - matching })),
      alarm.note ? h('p', { class: 'gallery-note' }, t(`page.gallery.${alarm.id}.note`)) : null);
  }));
  draw();
  onLanguageChange(draw);
}
