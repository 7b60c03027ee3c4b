// "Keep my work in this browser": the test document (document.js) is saved
// in this browser's IndexedDB for this origin, so that a reload or a crash
// brings it back. It is never sent anywhere. The switch itself (on unless
// turned off, e.g. on a shared machine) is in localStorage; turning it off
// deletes what was kept.
import { t } from './i18n.js';
import { BIG_TEXT } from './big-events.js';
import { ALARM_DEFAULTS, readAlarm } from './alarm-settings.js';

const DB = 'cwlf';
const STORE = 'work';
const KEY = 'current';
// The events' text is kept under its own key and written only when it
// changed: typing in the pattern over a 5 MB paste then saves a few hundred
// bytes, not a 5 MB copy (a structured clone on the main thread) per pause.
const EVENTS_KEY = 'events';
const SWITCH = 'cwlf:keep-work';
// Saving waits for a pause in typing.
const SAVE_DELAY_MS = 400;
// A new big text of events waits longer, so that copying it into storage
// (on the main thread) does not fall between the paste and its verdicts.
const BIG_SAVE_DELAY_MS = 1500;

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, use) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

// The stored form: plain values only (the expectations as [key, expect] pairs);
// `events: null` says the text is under EVENTS_KEY (an older record holds it here).
function toStored(doc) {
  return {
    pattern: doc.pattern, events: null, expectations: [...doc.expectations], selected: doc.selected,
    compare: doc.compare, alarm: { ...doc.alarm }, savedAt: Date.now(),
  };
}

// -> a document patch, or null when what is stored is not one.
function fromStored(value) {
  if (!value || typeof value !== 'object') return null;
  if (typeof value.pattern !== 'string' || typeof value.events !== 'string') return null;
  const expectations = new Map();
  if (Array.isArray(value.expectations)) {
    for (const pair of value.expectations) {
      if (Array.isArray(pair) && typeof pair[0] === 'string' && (pair[1] === 'match' || pair[1] === 'no-match')) {
        expectations.set(pair[0], pair[1]);
      }
    }
  }
  return {
    pattern: value.pattern, events: value.events, expectations,
    selected: Number.isInteger(value.selected) && value.selected >= 0 ? value.selected : 0,
    compare: typeof value.compare === 'string' ? value.compare : '',
    // Kept before the alarm's settings were (or unreadable): the defaults.
    alarm: readAlarm(value.alarm).alarm || ALARM_DEFAULTS,
  };
}

export class KeptWork {
  // checkbox: the "Keep my work in this browser" switch; onError(message).
  constructor({ checkbox, onError = () => {} }) {
    this.checkbox = checkbox;
    this.onError = onError;
    this.timer = 0;
    this.pending = null;
    this.available = typeof indexedDB !== 'undefined';
    checkbox.checked = this.on;
    checkbox.disabled = !this.available;
    checkbox.addEventListener('change', () => {
      try {
        if (checkbox.checked) localStorage.removeItem(SWITCH);
        else localStorage.setItem(SWITCH, 'off');
      } catch (_) {
        // storage refused (private mode): the switch holds for this visit only
      }
      if (!checkbox.checked) this.forget();
      else if (this.last) this.save(this.last);
    });
    // What is typed just before closing the tab is saved too.
    addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') this.flush(); });
  }

  get on() {
    if (!this.available) return false;
    try {
      return localStorage.getItem(SWITCH) !== 'off';
    } catch (_) {
      return true;
    }
  }

  // -> the kept document patch, or null (nothing kept, switched off, or unreadable).
  async load() {
    if (!this.checkbox.checked || !this.available) return null;
    try {
      const value = await withStore('readonly', (store) => store.get(KEY));
      if (value && typeof value === 'object' && value.events === null) {
        value.events = await withStore('readonly', (store) => store.get(EVENTS_KEY));
      }
      const restored = fromStored(value);
      if (restored) this.savedEvents = restored.events;
      return restored;
    } catch (err) {
      this.onError(t('page.keep.read-failed', { message: String(err && err.message || err) }));
      return null;
    }
  }

  save(doc) {
    this.last = doc;
    if (!this.checkbox.checked || !this.available) return;
    this.pending = doc;
    clearTimeout(this.timer);
    const big = doc.events !== this.savedEvents && doc.events.length > BIG_TEXT;
    this.timer = setTimeout(() => this.flush(), big ? BIG_SAVE_DELAY_MS : SAVE_DELAY_MS);
  }

  flush() {
    clearTimeout(this.timer);
    const doc = this.pending;
    this.pending = null;
    if (!doc || !this.checkbox.checked) return Promise.resolve();
    const events = doc.events;
    const newEvents = events !== this.savedEvents;
    return withStore('readwrite', (store) => {
      if (newEvents) store.put(events, EVENTS_KEY);
      return store.put(toStored(doc), KEY);
    }).then(() => {
      if (newEvents) this.savedEvents = events;
    }).catch((err) => {
      this.onError(t('page.keep.save-failed', { message: String(err && err.message || err) }));
    });
  }

  forget() {
    clearTimeout(this.timer);
    this.pending = null;
    if (!this.available) return Promise.resolve();
    this.savedEvents = undefined;
    return withStore('readwrite', (store) => {
      store.delete(EVENTS_KEY);
      return store.delete(KEY);
    }).catch(() => {});
  }
}
