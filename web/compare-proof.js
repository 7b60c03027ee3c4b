// "Compare with…" gains the proof: beside "on your events" (compare.js, the
// pasted events on which the two patterns disagree), "for every possible
// event" — how the current pattern relates to the other one over all events,
// decided by the engine (comparePatterns, docs/semantics.md "Comparing two
// patterns over all events") — with witness events that prove each
// difference. Each witness can be added to the events as one undoable step,
// with the expectation it proves attached (expectations.js).
//
// The gallery's CIS alarms get a button that puts the alarm in "Compare
// with…" and answers "is my pattern at least as strict as CIS x.y?" — does it
// alert on every event CIS x.y alerts on (equivalent or broader)?
import { h, sentence } from './render.js';
import { language, t } from './i18n.js';

const DEBOUNCE_MS = 250;
const MESSAGE_SHOWN = 600;  // characters of a witness shown (the whole event is added)

// Pastes a witness can be appended to: JSON objects one after another, or lines.
const APPENDABLE = new Set(['empty', 'json-objects', 'lines']);

// The sentences, in the page's language (messages/*.json, page.proof.*).
const RELATIONS = {
  equivalent: () => t('page.proof.relation.equivalent'),
  narrower: () => t('page.proof.relation.narrower'),
  broader: () => t('page.proof.relation.broader'),
  disjoint: () => t('page.proof.relation.disjoint'),
  overlapping: () => t('page.proof.relation.overlapping'),
};
const verdictWord = (matches) => (matches ? t('page.proof.matches') : t('page.proof.no-match'));

export class ProofView {
  // details: the "Compare with…" <details>; before: the element the proof is
  // shown above (compare.js's output); engine: the Engine (prove());
  // onAdd(witness): add it to the events; cisTitle(pattern): the CIS alarm's
  // title when `pattern` is one, else null.
  constructor({ details, before, engine, onAdd, cisTitle }) {
    this.engine = engine;
    this.onAdd = onAdd;
    this.cisTitle = cisTitle;
    this.root = h('section', { class: 'compare-proof', 'aria-live': 'polite', hidden: true });
    this.localHeading = h('h3', { class: 'compare-heading', hidden: true }, t('page.proof.on-your-events'));
    details.insertBefore(this.root, before);
    details.insertBefore(this.localHeading, before);
    this.key = '';
    this.timer = 0;
    this.format = 'empty';
  }

  // pattern, other: the two patterns; ok: the current one compiles;
  // eventsVersion / format: the events the witnesses would be edits of.
  update({ pattern, other, ok, eventsVersion, format }) {
    this.format = format;
    const active = other !== '';
    this.root.hidden = !active;
    this.localHeading.hidden = !active;
    if (!active) {
      this.key = '';
      clearTimeout(this.timer);
      return;
    }
    const key = JSON.stringify([pattern, other, eventsVersion, language()]);
    if (key === this.key) return;
    this.key = key;
    clearTimeout(this.timer);
    if (!ok) {
      this.draw({ error: { pattern: 'A' } }, pattern, other);
      return;
    }
    this.root.dataset.state = 'working';
    this.root.replaceChildren(h('h3', { class: 'compare-heading' }, t('page.proof.every-event')), h('p', { class: 'compare-working' }, t('page.proof.working')));
    this.timer = setTimeout(() => {
      this.engine.prove(pattern, other, 'events').then((result) => {
        if (this.key === key) this.draw(result, pattern, other);
      });
    }, DEBOUNCE_MS);
  }

  draw(result, pattern, other) {
    this.localHeading.textContent = t('page.proof.on-your-events');
    const parts = [h('h3', { class: 'compare-heading' }, t('page.proof.every-event'))];
    if (result.error) {
      parts.push(h('p', { class: 'compare-error' }, result.error.pattern === 'A' ? t('page.proof.invalid-current') : result.error.pattern === 'B' ? t('page.proof.invalid-other') : result.error.message));
      this.root.dataset.state = 'error';
      this.root.replaceChildren(...parts);
      return;
    }
    const { relation } = result;
    this.root.dataset.state = 'done';
    this.root.dataset.relation = relation;
    parts.push(h('p', { class: 'proof-relation' }, sentence(relation === 'unknown' ? t('page.proof.relation.unknown', { reason: result.unknownReason }) : RELATIONS[relation]())));
    const cis = this.cisTitle(other);
    if (cis) {
      const answer = relation === 'unknown' ? t('page.proof.strict-unknown')
        : relation === 'equivalent' ? t('page.proof.strict-yes-equivalent')
          : relation === 'broader' ? t('page.proof.strict-yes-broader') : t('page.proof.strict-no');
      parts.push(h('p', { class: 'proof-strict', dataset: { answer: relation === 'unknown' ? 'unknown' : (relation === 'equivalent' || relation === 'broader' ? 'yes' : 'no') } },
        h('strong', {}, t('page.proof.strict-question', { cis })), ' ', answer));
    }
    const witnesses = result.witnesses.filter((w) => w.a !== w.b);
    if (witnesses.length) {
      parts.push(h('p', {}, witnesses.length === 1 ? t('page.proof.witnesses.one') : t('page.proof.witnesses.other', { count: witnesses.length })));
      parts.push(h('ul', { class: 'proof-witnesses' }, witnesses.map((w) => this.witnessItem(w))));
    }
    this.root.replaceChildren(...parts);
  }

  witnessItem(w) {
    const canAdd = APPENDABLE.has(this.format);
    const button = h('button', { type: 'button', class: 'ghost proof-add', disabled: !canAdd, title: canAdd ? null : t('page.proof.cannot-add') }, t('page.proof.add'));
    button.addEventListener('click', () => this.onAdd(w));
    const shown = w.message.length > MESSAGE_SHOWN ? `${w.message.slice(0, MESSAGE_SHOWN)}…` : w.message;
    return h('li', { class: 'proof-witness', dataset: { a: String(w.a), b: String(w.b) } },
      h('p', { class: 'proof-verdicts' }, t('page.proof.verdicts', { a: verdictWord(w.a), b: verdictWord(w.b) }), w.fromSample ? ` (${t('page.proof.from-sample')})` : ''),
      h('p', { class: 'proof-reason' }, sentence(w.reason)),
      h('pre', { class: 'proof-message' }, shown),
      button);
  }
}

// The change to the test document that adds witness `w` to the events, as
// the last event, with the expectation it proves on the current pattern
// (keyed "#N", which the page turns into the event's identity once the
// events are split: expectations.js, resolvePositions), and selects it.
// A witness edited from the user's event carries that event's eventID; it
// gets its own ("…-witness-N"), or the two would share an identity and the
// original's expectation would lose its event.
// -> { patch, label } for doc.change, or null when the paste cannot take it.
export function witnessStep(doc, result, w) {
  if (!APPENDABLE.has(result.format)) return null;
  const n = result.events.length + 1;
  let message = w.message;
  if (w.fromSample) message = message.replace(/"eventID":"([^"\\]{0,200})"/, (_, id) => `"eventID":"${id}-witness-${n}"`);
  const before = doc.events.replace(/\s+$/, '');
  const events = before === '' ? `${message}\n` : `${before}\n\n${message}\n`;
  const expectations = new Map(doc.expectations);
  expectations.set(`#${n}`, w.a ? 'match' : 'no-match');
  return { patch: { events, expectations, selected: n - 1 }, label: t('page.proof.added', { number: n }) };
}

// Adds "Is mine at least as strict?" to each CIS alarm of the gallery list
// (gallery.js draws it; `alarms` is GALLERY): onCompare(alarm) puts the alarm
// in "Compare with…". Call it again after the gallery is redrawn.
export function addCisButtons(list, alarms, onCompare) {
  for (const alarm of alarms) {
    if (!alarm.id.startsWith('cis-')) continue;
    const load = list.querySelector(`button[data-alarm="${alarm.id}"]`);
    if (!load || list.querySelector(`button[data-cis="${alarm.id}"]`)) continue;
    const button = h('button', { type: 'button', class: 'ghost proof-cis', dataset: { cis: alarm.id } }, t('page.proof.cis-button'));
    button.addEventListener('click', () => onCompare(alarm));
    load.after(' ', button);
  }
}

// The CIS alarm whose pattern is `pattern` (ignoring surrounding white space), or null.
export function cisAlarm(alarms, pattern) {
  const wanted = pattern.trim();
  return alarms.find((a) => a.id.startsWith('cis-') && a.pattern.trim() === wanted) || null;
}
