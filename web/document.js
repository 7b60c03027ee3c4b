// The test document: everything the user has made on the page, as one value,
// and its history. Everything on screen is drawn from it (app.js), every
// change is one step of its history, and Undo / Redo take any step back.
//
//   { pattern, events,            the two boxes' text
//     expectations,               Map: event identity (or "#N", a position not yet
//                                 resolved, see expectations.js) -> 'match' | 'no-match'
//     selected,                   index of the event explained
//     compare,                    the "Compare with…" pattern ('' when unused)
//     alarm }                     the alarm's settings (alarm-settings.js), frozen
//
// A document value is never changed in place: a step makes a new one (the
// strings are shared, so a step of a 5 MB paste costs a pointer, not a copy).
// Typing is one step per burst: keys in the same box less than TYPING_MS
// apart join the step before.

import { ALARM_DEFAULTS, sameAlarm } from './alarm-settings.js';

export const TYPING_MS = 1000;
// How many steps Undo goes back; older ones are forgotten.
export const MAX_STEPS = 200;
// History holding more text than this forgets its oldest steps (each typed
// step of a big paste may hold its own copy of the text).
export const MAX_HISTORY_CHARS = 64 * 1024 * 1024;

export function emptyDocument() {
  return Object.freeze({ pattern: '', events: '', expectations: new Map(), selected: 0, compare: '', alarm: ALARM_DEFAULTS });
}

function sizeOf(doc) {
  return doc.pattern.length + doc.events.length + doc.compare.length;
}

export class TestDocument {
  constructor(initial = emptyDocument()) {
    this.current = Object.freeze({ ...emptyDocument(), ...initial });
    this.past = [];    // [{ doc, label, kind, at }]: the document before each step, oldest first
    this.future = [];  // steps undone, most recent last
    this.listeners = [];
  }

  // listener({ doc, label, how }) after every change; how: 'step' | 'undo' | 'redo' | 'quiet'.
  subscribe(listener) {
    this.listeners.push(listener);
  }

  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }
  // What Undo would take back / Redo would do again (a sentence), or ''.
  get undoLabel() { return this.past.length ? this.past[this.past.length - 1].label : ''; }
  get redoLabel() { return this.future.length ? this.future[this.future.length - 1].label : ''; }

  // One step: patch holds the fields that change; label says what it did
  // ("Cleared the pattern and the events"). kind: steps of the same kind
  // (e.g. 'type:pattern') less than TYPING_MS apart are one step.
  change(patch, label, { kind = null } = {}) {
    const next = Object.freeze({ ...this.current, ...patch });
    if (same(next, this.current)) return false;
    const last = this.past[this.past.length - 1];
    const now = Date.now();
    if (kind && last && last.kind === kind && now - last.at < TYPING_MS && this.future.length === 0) {
      last.at = now;
    } else {
      this.past.push({ doc: this.current, label, kind, at: now });
      this.trim();
    }
    this.future = [];
    this.current = next;
    this.emit(label, 'step');
    return true;
  }

  // A change that is not a step of its own (e.g. the selection following a
  // click, or positions resolved to identities): it is not undone alone.
  quietly(patch) {
    const next = Object.freeze({ ...this.current, ...patch });
    if (same(next, this.current)) return;
    this.current = next;
    this.emit('', 'quiet');
  }

  undo() {
    return this.move(this.past, this.future, 'undo');
  }

  redo() {
    return this.move(this.future, this.past, 'redo');
  }

  // Takes the last step of `from` back (undo) or again (redo), keeping the
  // document it replaces in `to`. -> the step's label, or null.
  move(from, to, how) {
    const step = from.pop();
    if (!step) return null;
    to.push({ doc: this.current, label: step.label, kind: null, at: Date.now() });
    this.current = step.doc;
    this.emit(step.label, how);
    return step.label;
  }

  trim() {
    while (this.past.length > MAX_STEPS) this.past.shift();
    let chars = sizeOf(this.current);
    for (let i = this.past.length - 1; i >= 0; i--) {
      chars += sizeOf(this.past[i].doc);
      if (chars > MAX_HISTORY_CHARS) {
        this.past.splice(0, i + 1);
        break;
      }
    }
  }

  emit(label, how) {
    for (const listener of this.listeners) listener({ doc: this.current, label, how });
  }
}

function same(a, b) {
  return a.pattern === b.pattern && a.events === b.events && a.selected === b.selected && a.compare === b.compare &&
    sameMap(a.expectations, b.expectations) && sameAlarm(a.alarm, b.alarm);
}

function sameMap(a, b) {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
