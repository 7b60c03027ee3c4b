// The page's language: English or Japanese, its sentences from the same
// catalogues the engine compiles in (messages/<lang>.json, served as
// messages.js by scripts/build-web.sh), rendered by i18n-render.js.
//
// Which language: the reader's own choice with the switch (kept in this
// browser), else the language a share link or a saved test carries (the one
// its author had chosen), else the browser's (navigator.languages), else
// English. The engine writes its explanations in the same language (the
// worker calls setLanguage), so a change redraws everything live.
//
// Static text in index.html is marked with data-i18n (text) and
// data-i18n-attr ("placeholder:id;aria-label:id"); `code` in backticks,
// **strong** and *emphasis* in a sentence become <code>, <strong> and <em>
// elements (built as DOM nodes, never parsed as HTML).
import { catalogues } from './messages.js';
import { render } from './i18n-render.js';
import { installTranslator } from './phrase.js';

export const LANGUAGES = ['en', 'ja'];
const STORE_KEY = 'cwlf.lang';

let current = 'en';
let chosen = null;  // the reader's choice, or the one a link carried: what share links carry
const listeners = [];

function supported(tag) {
  const base = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(base) ? base : null;
}

function stored() {
  try {
    return supported(localStorage.getItem(STORE_KEY));
  } catch (_) {
    return null;  // storage blocked (e.g. file:// in some browsers)
  }
}

export function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language]) {
    const lang = supported(tag);
    if (lang) return lang;
  }
  return 'en';
}

export function language() { return current; }
// The language a share link or a saved test should carry: null when nobody chose.
export function chosenLanguage() { return chosen; }

// The sentence `id` in the page's language (English when Japanese lacks it).
export function t(id, args) {
  const own = catalogues[current] && catalogues[current][id];
  const template = typeof own === 'string' ? own : catalogues.en[id];
  return typeof template === 'string' ? render(template, args) : id;
}

// 1234 -> "1,234" in the page's language.
export function formatNumber(n) {
  return Number(n).toLocaleString(current === 'ja' ? 'ja-JP' : 'en-US');
}

// A sentence as DOM nodes: `code`, **strong** and *emphasis* become elements
// (a strong part may hold code: **false when `$.x` is missing**).
export function rich(text) {
  const out = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push(document.createTextNode(text.slice(at, m.index)));
    const tag = m[1] !== undefined ? 'code' : m[2] !== undefined ? 'strong' : 'em';
    const el = document.createElement(tag);
    if (tag === 'strong') el.append(...rich(m[2]));
    else el.textContent = m[1] !== undefined ? m[1] : m[3];
    out.push(el);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

// Translates every marked element under `root`.
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.replaceChildren(...rich(t(el.dataset.i18n)));
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, id] = pair.split(':');
      if (attr && id) el.setAttribute(attr.trim(), t(id.trim()));
    }
  }
  document.documentElement.lang = current;
  document.title = t('page.title');
}

function apply(lang) {
  const changed = lang !== current;
  current = lang;
  translate();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
  }
  if (changed) for (const listener of listeners) listener(current);
}

// The reader picks a language with the switch: kept in this browser.
export function choose(lang) {
  const l = supported(lang);
  if (!l) return;
  chosen = l;
  try { localStorage.setItem(STORE_KEY, l); } catch (_) { /* not kept: still applies */ }
  apply(l);
}

// A share link or a saved test names the language its author chose: used
// unless this reader has chosen one.
export function adoptDocumentLanguage(lang) {
  const l = supported(lang);
  if (!l || stored()) return;
  chosen = l;
  apply(l);
}

installTranslator(t);

export function onLanguageChange(listener) { listeners.push(listener); }

// Sets the first language and wires the switch (buttons with data-lang).
export function initI18n() {
  const own = stored();
  chosen = own;
  current = own || browserLanguage();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => choose(button.dataset.lang));
  }
  apply(current);
}
