// The events view for big pastes. Above BIG_TEXT characters the events are
// not put in the <textarea>: Chromium lays out the whole text of a textarea
// (seconds for 150,000 lines, and gigabytes at the paste limit), on paste and
// again on every key. Instead this view draws only the lines on screen, from
// a line index built a slice at a time (line-index.js).
//
// What the user can still do, each a step of the test document (Undo takes it
// back): paste (Ctrl/Cmd+V in the view, or the Paste button) to replace the
// events; edit the selected event in a small editor (Apply replaces just that
// slice of the text); clear. Below BIG_TEXT the page goes back to the
// textarea. It has the Highlighter's interface (set / clear / reveal), so the
// page draws its marks (selected event, deciding steps, hovered step, error)
// here as in the textarea. Text is put in the page as text nodes only.
import { LineIndex } from './line-index.js';
import { count } from './render.js';
import { BIG_VIEW } from './big-events-text.js';
import { onLanguageChange } from './i18n.js';

// Chosen by measurement (bench/page_workbench.mjs, docs/performance.md): on
// the loaded build machine a paste into the textarea took to its verdicts
// 0.40 s at 64 KB, 0.47 s at 128 KB, 1.8 s at 250 KB; this view 0.35 s at 5 MB.
export const BIG_TEXT = 128 * 1024;
// Pixels per line: fixed, so that line i is at i * LINE_PX (style in big-events.css).
const LINE_PX = 20;
// Lines drawn above and below the visible ones, so that scrolling a little shows no gap.
const OVERSCAN = 20;
// A line longer than this (JSON Lines of 1 MB events) is shown cut, with a note.
const MAX_LINE_CHARS = 4000;

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export class BigEventsView {
  // field: the events' .field (the view goes in it, next to the textarea).
  // onReplace(text, label): the events replaced (a paste); onEdit(offset, length, text, label);
  // onClear(); onSelect(index); say(message): a sentence under the events header.
  constructor({ field, textarea, onReplace, onEdit, onClear, onSelect, say, accept }) {
    this.field = field;
    this.textarea = textarea;
    this.onReplace = onReplace;
    this.onEdit = onEdit;
    this.onClear = onClear;
    this.onSelect = onSelect;
    this.say = say;
    this.accept = accept;  // (text) -> why it is refused, or ''
    this.text = '';
    this.index = null;
    this.ranges = [];
    this.events = [];     // [{ index, offset, length }] of the last result, for this text
    this.selected = -1;
    this.viewHeight = 400;
    this.frame = 0;
    this.build();
  }

  get active() {
    return !this.root.hidden;
  }

  build() {
    this.root = el('div', { class: 'big-events', hidden: '' });
    const bar = el('div', { class: 'big-bar', role: 'toolbar' });
    this.bar = bar;
    this.size = el('span', { class: 'big-size', 'aria-live': 'polite' });
    this.pasteButton = el('button', { type: 'button', class: 'ghost' });
    this.editButton = el('button', { type: 'button', class: 'ghost' });
    this.clearButton = el('button', { type: 'button', class: 'ghost' });
    bar.append(this.size, this.pasteButton, this.editButton, this.clearButton);

    this.scroller = el('div', {
      class: 'big-scroll', tabindex: '0', role: 'textbox', 'aria-readonly': 'true', 'aria-multiline': 'true',
      'aria-labelledby': 'events-heading', 'aria-describedby': 'big-events-help',
    });
    this.spacer = el('div', { class: 'big-spacer' });
    this.lines = el('div', { class: 'big-lines' });
    this.spacer.append(this.lines);
    this.scroller.append(this.spacer);
    const help = el('p', { class: 'hint big-help', id: 'big-events-help' });
    this.help = help;

    this.editor = el('div', { class: 'big-editor', hidden: '', role: 'group', 'aria-labelledby': 'big-editor-label' });
    this.editorLabel = el('label', { id: 'big-editor-label', for: 'big-editor-text' });
    this.editorText = el('textarea', { id: 'big-editor-text', spellcheck: 'false', autocomplete: 'off', rows: '10' });
    const apply = el('button', { type: 'button' });
    const cancel = el('button', { type: 'button', class: 'ghost' });
    this.applyButton = apply;
    this.cancelButton = cancel;
    const actions = el('div', { class: 'big-editor-actions' });
    actions.append(apply, cancel);
    this.editor.append(this.editorLabel, this.editorText, actions);

    this.root.append(bar, this.scroller, help, this.editor);
    this.field.after(this.root);
    this.label();
    onLanguageChange(() => this.label());

    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => {
      this.viewHeight = this.scroller.clientHeight || this.viewHeight;
      this.schedule();
    }).observe(this.scroller);
    this.lines.addEventListener('click', (e) => {
      const row = e.target.closest('[data-line]');
      if (row) this.selectAtLine(Number(row.dataset.line));
    });
    this.root.addEventListener('paste', (e) => {
      if (this.editor.contains(e.target)) return;  // the editor's own paste
      e.preventDefault();
      this.paste(e.clipboardData ? e.clipboardData.getData('text/plain') : '');
    });
    this.scroller.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.openEditor();
      }
    });
    this.pasteButton.addEventListener('click', () => this.pasteFromClipboard());
    this.editButton.addEventListener('click', () => this.openEditor());
    this.clearButton.addEventListener('click', () => this.onClear());
    apply.addEventListener('click', () => this.applyEdit());
    cancel.addEventListener('click', () => this.closeEditor());
    this.editorText.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.closeEditor();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.applyEdit();
      }
    });
  }

  // Every sentence of the view, in the page's language.
  label() {
    this.bar.setAttribute('aria-label', BIG_VIEW.toolbar);
    this.help.textContent = BIG_VIEW.help;
    this.pasteButton.textContent = BIG_VIEW.paste;
    this.clearButton.textContent = BIG_VIEW.clear;
    this.applyButton.textContent = BIG_VIEW.apply;
    this.cancelButton.textContent = BIG_VIEW.cancel;
    this.setEvents(this.events, this.selected);
    if (this.editing) this.editorLabel.textContent = BIG_VIEW.editorLabel(this.editing.number);
    if (this.index) this.drawSize();
    this.drawn = null;
    this.schedule();
  }

  // Shows `text` (the view takes the textarea's place).
  show(text) {
    if (this.index && this.text === text && this.active) return;
    if (this.index) this.index.cancel();
    this.text = text;
    this.ranges = [];
    this.events = [];
    this.closeEditor();
    this.field.hidden = true;
    this.root.hidden = false;
    this.scroller.scrollTop = 0;
    this.drawn = null;
    // (The first slice is scanned in the constructor, before this.index is set.)
    this.index = new LineIndex(text, (index) => {
      if (index.cancelled) return;
      this.index = index;
      this.spacer.style.height = `${index.count * LINE_PX}px`;
      this.drawSize();
      this.schedule();
    });
  }

  hide() {
    if (this.index) this.index.cancel();
    this.index = null;
    this.text = '';
    this.events = [];
    this.closeEditor();
    this.lines.textContent = '';
    this.root.hidden = true;
    this.field.hidden = false;
  }

  drawSize() {
    const mb = (this.text.length / 1e6).toFixed(1);
    const lines = this.index.done ? count(this.index.count) : `${count(this.index.count)}+`;
    this.size.textContent = BIG_VIEW.size(mb, lines);
  }

  // The result's events (offsets in this text) and the one selected.
  setEvents(events, selected) {
    this.events = events;
    this.selected = selected;
    const event = events[selected];
    this.editButton.disabled = !event;
    this.editButton.textContent = event ? BIG_VIEW.editNumber(event.index + 1) : BIG_VIEW.edit;
  }

  // ---- the Highlighter's interface (highlight.js) ----

  set(ranges, text) {
    if (text !== this.text) return;
    const kept = ranges.filter((r) => Number.isFinite(r.start) && Number.isFinite(r.end) && r.end > r.start);
    const key = JSON.stringify(kept);
    if (key === this.rangesKey) return;
    this.rangesKey = key;
    this.ranges = kept;
    this.drawn = null;
    this.schedule();
  }

  clear() {
    this.ranges = [];
    this.rangesKey = '[]';
    this.drawn = null;
    this.schedule();
  }

  // Scrolls the first range of className into view.
  reveal(className) {
    const range = this.ranges.find((r) => r.className === className);
    if (!range || !this.index) return;
    const line = this.index.lineOf(range.start);
    const top = line * LINE_PX;
    const { scrollTop } = this.scroller;
    if (top < scrollTop || top > scrollTop + this.viewHeight - LINE_PX * 2) {
      this.scroller.scrollTop = Math.max(top - LINE_PX * 3, 0);
    }
    this.schedule();
  }

  // ---- drawing the lines on screen ----

  schedule() {
    if (this.frame || !this.active) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw() {
    if (!this.index) return;
    const first = Math.max(Math.floor(this.scroller.scrollTop / LINE_PX) - OVERSCAN, 0);
    const last = Math.min(first + Math.ceil(this.viewHeight / LINE_PX) + OVERSCAN * 2, this.index.count);
    const key = `${first}:${last}:${this.index.count}`;
    if (this.drawn === key) return;
    this.drawn = key;
    const rows = [];
    for (let i = first; i < last; i++) rows.push(this.row(i));
    this.lines.style.transform = `translateY(${first * LINE_PX}px)`;
    this.lines.replaceChildren(...rows);
  }

  row(i) {
    const { start, end: fullEnd } = this.index.line(i);
    let end = fullEnd;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end -= 1;  // "\r\n"
    const cut = end - start > MAX_LINE_CHARS;
    if (cut) end = start + MAX_LINE_CHARS;
    const div = el('div', { class: 'big-line', 'data-line': String(i) });
    let at = start;
    // Marks over this line, in order of their start (nested ranges become separate pieces).
    const pieces = [];
    for (const r of this.ranges) {
      if (r.end <= start || r.start >= end) {
        if (r.className === 'sel' && r.start <= start && r.end > start) div.classList.add('in-sel');
        continue;
      }
      if (r.className === 'sel') {
        div.classList.add('in-sel');
        continue;
      }
      pieces.push({ start: Math.max(r.start, start), end: Math.min(r.end, end), className: r.className });
    }
    pieces.sort((a, b) => a.start - b.start);
    for (const p of pieces) {
      if (p.start < at) continue;  // overlapping: the first one drawn wins
      if (p.start > at) div.append(this.text.slice(at, p.start));
      div.append(el('mark', { class: p.className }, this.text.slice(p.start, p.end)));
      at = p.end;
    }
    if (end > at) div.append(this.text.slice(at, end));
    if (cut) div.append(el('span', { class: 'big-cut' }, BIG_VIEW.cut(count(fullEnd - start - MAX_LINE_CHARS))));
    if (start === end && !cut) div.append('\u200b');  // an empty line keeps its height
    return div;
  }

  selectAtLine(line) {
    if (!this.index) return;
    const offset = this.index.line(line).start;
    // The event whose span holds the line's start, or the next one.
    let lo = 0;
    let hi = this.events.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const ev = this.events[mid];
      if (ev.offset + ev.length <= offset) lo = mid + 1;
      else {
        found = mid;
        hi = mid - 1;
      }
    }
    if (found >= 0) this.onSelect(this.events[found].index);
  }

  // ---- steps: paste, edit, clear ----

  paste(text) {
    const why = this.accept(text);
    if (why) {
      this.say(BIG_VIEW.notPasted(why));
      return;
    }
    if (text === '') return;
    this.onReplace(text, BIG_VIEW.pasted(text.length));
  }

  async pasteFromClipboard() {
    let text;
    try {
      text = await navigator.clipboard.readText();
    } catch (_) {
      this.say(BIG_VIEW.clipboardRefused);
      this.scroller.focus();
      return;
    }
    this.paste(text);
  }

  openEditor() {
    const event = this.events[this.selected];
    if (!event) return;
    this.editing = { text: this.text, offset: event.offset, length: event.length, number: event.index + 1 };
    this.editorLabel.textContent = BIG_VIEW.editorLabel(event.index + 1);
    this.editorText.value = this.text.slice(event.offset, event.offset + event.length);
    this.editor.hidden = false;
    this.editorText.focus();
  }

  closeEditor() {
    this.editing = null;
    this.editor.hidden = true;
    this.editorText.value = '';
  }

  applyEdit() {
    const editing = this.editing;
    if (!editing) return;
    if (editing.text !== this.text) {
      this.say(BIG_VIEW.changedMeanwhile);
      this.closeEditor();
      return;
    }
    const replacement = this.editorText.value;
    this.closeEditor();
    this.onEdit(editing.offset, editing.length, replacement, BIG_VIEW.edited(editing.number));
    this.scroller.focus();
  }
}
