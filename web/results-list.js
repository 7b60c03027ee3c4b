// The results list (a listbox of events, render.js draws its rows): which rows
// are in the page, "Show more", and moving through it with the keyboard.
//
// Up to VIRTUAL_ABOVE shown events it is an ordinary list: LIST_PAGE rows at
// first, more as it is scrolled near its end (or with "Show more"). Above, it
// is virtual: only the rows in view, and OVERSCAN more on each side, are in the
// page, each ROW_STRIDE pixels tall (style.css, .event-list.virtual), with a
// spacer for the rows above and below so the scrollbar keeps the whole list's
// length; scrolling redraws the window (one frame at most). Building and laying
// out thousands of rows cost more than the engine's test of a big paste.
import { count, renderEventList, shownEvents } from './render.js';
import { optionAfterKey } from './list-keys.js';
import { t } from './i18n.js';

export const LIST_PAGE = 100;
// Chosen by measurement (docs/performance.md, "The page with big pastes"):
// below it the ordinary list draws in a few milliseconds and shows rows of
// any height (extracted values wrap); above, the virtual one's cost stays
// that of one window of rows.
export const VIRTUAL_ABOVE = 500;
export const ROW_STRIDE = 56;  // px: a row's height (50) and the gap below it (6), style.css
const OVERSCAN = 8;

export class ResultsList {
  // ul: the listbox; more: the "Show more" button; onSelect(index): an event
  // chosen (click, Enter, arrows); decorate(ul): badges on the drawn rows
  // (expectations, radar), called after every drawing.
  constructor({ ul, more, onSelect, decorate }) {
    this.ul = ul;
    this.more = more;
    this.onSelect = onSelect;
    this.decorate = decorate;
    this.limit = LIST_PAGE;
    this.drawn = null;  // { result, filter, selected, text, shown }
    this.frame = 0;
    // The list's scroll position and height, as last seen: reading them from
    // the list after the page changed would make the browser lay it out
    // again at once, at every result (a profile showed it as the list's main cost).
    this.top = 0;
    this.height = 0;
    new ResizeObserver(() => {
      this.height = ul.clientHeight;
      if (this.virtual) this.schedule();
    }).observe(ul);
    ul.addEventListener('click', (e) => {
      const li = e.target.closest('[role="option"]');
      if (li) onSelect(Number(li.dataset.index), { focus: true });
    });
    ul.addEventListener('keydown', (e) => this.key(e));
    more.addEventListener('click', () => {
      this.limit += LIST_PAGE;
      this.redraw();
    });
    ul.addEventListener('scroll', () => this.scrolled(), { passive: true });
  }

  get virtual() {
    return this.drawn !== null && this.drawn.shown.length > VIRTUAL_ABOVE;
  }

  // A new filter or a new text: back to the first page of rows, at the top.
  reset() {
    this.limit = LIST_PAGE;
    this.scrollTo(0);
  }

  scrollTo(top) {
    this.ul.scrollTop = top;
    this.top = this.ul.scrollTop;
  }

  draw(result, { filter, selected, text }) {
    this.drawn = { result, filter, selected, text, shown: shownEvents(result, filter) };
    this.redraw();
  }

  redraw() {
    if (!this.drawn) return;
    const { result, selected, text, shown } = this.drawn;
    const hadFocus = this.ul.contains(document.activeElement);
    const view = this.virtual ? this.window() : null;
    renderEventList(this.ul, result, { shown, selected, limit: this.limit, text, window: view });
    this.decorate(this.ul);
    const rest = view ? 0 : shown.length - Math.min(shown.length, this.limit);
    this.more.hidden = rest <= 0;
    this.more.textContent = rest > 0 ? t('page.list.show-more', { count: count(Math.min(rest, LIST_PAGE)), hidden: count(rest) }) : '';
    if (hadFocus && !this.ul.contains(document.activeElement)) {
      const active = this.ul.querySelector('[aria-selected="true"]') || this.ul.querySelector('[tabindex="0"]');
      if (active) active.focus({ preventScroll: true });
    }
  }

  // The rows in view of a virtual list, and the heights standing for the others.
  window() {
    const n = this.drawn.shown.length;
    const { top } = this;
    // The list scrolls itself (style.css caps its height); never draw more than a screenful.
    const height = Math.min(this.height || window.innerHeight, window.innerHeight);
    const from = Math.max(0, Math.floor(top / ROW_STRIDE) - OVERSCAN);
    const to = Math.min(n, Math.ceil((top + height) / ROW_STRIDE) + OVERSCAN);
    return { from, to, before: from * ROW_STRIDE, after: (n - to) * ROW_STRIDE };
  }

  // The window redrawn at the next frame (once however many scroll events came).
  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  scrolled() {
    this.top = this.ul.scrollTop;
    if (this.virtual) {
      this.schedule();
      return;
    }
    if (this.more.hidden || this.ul.scrollTop + this.ul.clientHeight < this.ul.scrollHeight - 400) return;
    this.limit += LIST_PAGE;
    this.redraw();
  }

  // Marks event `index` selected where it is drawn and brings it into view
  // (drawing it first in a virtual list, or paging to it in an ordinary one).
  mark(index, { focus = false } = {}) {
    if (!this.drawn) return;
    this.drawn.selected = index;
    const at = this.drawn.shown.findIndex((e) => e.index === index);
    if (at >= 0 && this.virtual) {
      const top = at * ROW_STRIDE;
      const { top: scrollTop, height } = this;
      if (top < scrollTop) this.scrollTo(top);
      else if (top + ROW_STRIDE > scrollTop + height) this.scrollTo(top + ROW_STRIDE - height);
      this.redraw();
    } else if (at >= this.limit) {
      this.limit = Math.ceil((at + 1) / LIST_PAGE) * LIST_PAGE;
      this.redraw();
    }
    for (const li of this.ul.querySelectorAll('[role="option"]')) {
      const on = Number(li.dataset.index) === index;
      li.setAttribute('aria-selected', String(on));
      li.tabIndex = on ? 0 : -1;
      if (on) {
        if (focus) li.focus({ preventScroll: true });
        li.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  // Arrows, Home/End, PageUp/PageDown, Enter: through the whole list, drawn or not.
  key(e) {
    if (!this.drawn) return;
    const { shown } = this.drawn;
    const li = document.activeElement && document.activeElement.closest('[role="option"]');
    const at = li && this.ul.contains(li) ? shown.findIndex((ev) => ev.index === Number(li.dataset.index)) : -1;
    const limit = this.virtual ? shown.length : Math.min(shown.length, this.limit);
    const to = optionAfterKey(e.key, at, limit);
    if (to === undefined) return;
    e.preventDefault();
    if (to !== null) this.onSelect(shown[to].index, { focus: true });
  }
}
