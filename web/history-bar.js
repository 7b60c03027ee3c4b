// Undo / Redo of the test document (document.js): two buttons, the line
// saying what the last step did ("Redact replaced 14 values · Undo"), and
// Ctrl/Cmd+Z (Shift for redo, or Ctrl+Y) when the focus is not in a text
// box (there the browser's own undo of the typing applies).
import { h } from './render.js';
import { onLanguageChange, t } from './i18n.js';
import { isTypingStep } from './steps.js';

// Visible strings, in the page's language (i18n.js).
const TEXT = {
  get undo() { return t('page.history.undo'); },
  get redo() { return t('page.history.redo'); },
  undoTitle: (label) => (label ? t('page.history.undo-title', { label }) : t('page.history.nothing-to-undo')),
  redoTitle: (label) => (label ? t('page.history.redo-title', { label }) : t('page.history.nothing-to-redo')),
  undone: (label) => t('page.history.undone', { label }),
  redone: (label) => t('page.history.redone', { label }),
};

function inTextBox(el) {
  return !!el && (el.tagName === 'TEXTAREA' || el.isContentEditable ||
    (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(el.type)));
}

export class HistoryBar {
  // doc: the TestDocument; undo, redo: the buttons; note: where each step is said.
  constructor({ doc, undo, redo, note }) {
    this.doc = doc;
    this.undoButton = undo;
    this.redoButton = redo;
    this.note = note;
    undo.addEventListener('click', () => doc.undo());
    redo.addEventListener('click', () => doc.redo());
    document.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextBox(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        doc.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        doc.redo();
      }
    });
    doc.subscribe(({ label, how }) => this.said(label, how));
    onLanguageChange(() => this.refresh());
    this.refresh();
  }

  refresh() {
    this.undoButton.disabled = !this.doc.canUndo;
    this.redoButton.disabled = !this.doc.canRedo;
    this.undoButton.title = TEXT.undoTitle(this.doc.undoLabel);
    this.redoButton.title = TEXT.redoTitle(this.doc.redoLabel);
  }

  // One line per step; typing in the boxes is not announced (it is on screen).
  said(label, how) {
    this.refresh();
    if (how === 'quiet') return;
    if (how === 'undo' || how === 'redo') {
      const again = h('button', { type: 'button', class: 'link' }, how === 'undo' ? TEXT.redo : TEXT.undo);
      again.addEventListener('click', () => (how === 'undo' ? this.doc.redo() : this.doc.undo()));
      this.show(how === 'undo' ? TEXT.undone(label) : TEXT.redone(label), again);
      return;
    }
    if (!label || isTypingStep(label)) {
      this.show('');
      return;
    }
    const back = h('button', { type: 'button', class: 'link' }, TEXT.undo);
    back.addEventListener('click', () => this.doc.undo());
    this.show(label, back);
  }

  show(text, button = null) {
    if (text === '') {
      this.note.replaceChildren();
      this.note.hidden = true;
      return;
    }
    this.note.replaceChildren(h('span', { class: 'step-text', title: text }, text), ' · ', button);
    this.note.hidden = false;
  }
}
