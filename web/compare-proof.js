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

const DEBOUNCE_MS = 250;
const MESSAGE_SHOWN = 600;  // characters of a witness shown (the whole event is added)

// Pastes a witness can be appended to: JSON objects one after another, or lines.
const APPENDABLE = new Set(['empty', 'json-objects', 'lines']);

const TEXT = {
  everyEvent: 'For every possible event',
  onYourEvents: 'On your events',
  working: 'Deciding…',
  relation: {
    equivalent: 'Equivalent: the two patterns match exactly the same events.',
    narrower: 'Narrower: every event the current pattern matches, the other matches too, and the other also matches events the current one does not.',
    broader: 'Broader: the current pattern matches every event the other matches, and more.',
    disjoint: 'Disjoint: no event matches both patterns.',
    overlapping: 'Overlapping: the patterns share events, and each matches events the other does not.',
    unknown: (why) => `Not decided: ${why}`,
  },
  invalid: (which) => `Fix the ${which === 'A' ? 'current' : 'other'} pattern to compare them over every event.`,
  strictQuestion: (title) => `Is the current pattern at least as strict as ${title}, that is, does it alert on every event ${title} alerts on?`,
  strictYes: (relation) => `Yes: ${relation === 'equivalent' ? 'the two are equivalent' : 'it alerts on everything the benchmark’s pattern does, and more'}.`,
  strictNo: 'No: it misses events the benchmark’s pattern alerts on (the witnesses below where B matches and A does not).',
  strictUnknown: 'Not decided (see above).',
  witnesses: (n) => `${n === 1 ? 'A witness event' : `${n} witness events`}, checked by the engine (A is the current pattern, B the other):`,
  verdicts: (a, b) => `Current pattern: ${a ? 'matches' : 'no match'} · other pattern: ${b ? 'matches' : 'no match'}`,
  fromSample: 'an edit of your first event',
  add: 'Add to my events',
  cannotAdd: 'Witnesses can be added to pasted JSON objects or lines, not to this kind of paste.',
  added: (n) => `Added witness event #${n} to the events`,
  cisButton: 'Is mine at least as strict?',
};

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
    this.localHeading = h('h3', { class: 'compare-heading', hidden: true }, TEXT.onYourEvents);
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
    const key = JSON.stringify([pattern, other, eventsVersion]);
    if (key === this.key) return;
    this.key = key;
    clearTimeout(this.timer);
    if (!ok) {
      this.draw({ error: { pattern: 'A' } }, pattern, other);
      return;
    }
    this.root.dataset.state = 'working';
    this.root.replaceChildren(h('h3', { class: 'compare-heading' }, TEXT.everyEvent), h('p', { class: 'compare-working' }, TEXT.working));
    this.timer = setTimeout(() => {
      this.engine.prove(pattern, other, 'events').then((result) => {
        if (this.key === key) this.draw(result, pattern, other);
      });
    }, DEBOUNCE_MS);
  }

  draw(result, pattern, other) {
    const parts = [h('h3', { class: 'compare-heading' }, TEXT.everyEvent)];
    if (result.error) {
      parts.push(h('p', { class: 'compare-error' }, result.error.pattern ? TEXT.invalid(result.error.pattern) : result.error.message));
      this.root.dataset.state = 'error';
      this.root.replaceChildren(...parts);
      return;
    }
    const { relation } = result;
    this.root.dataset.state = 'done';
    this.root.dataset.relation = relation;
    parts.push(h('p', { class: 'proof-relation' }, sentence(relation === 'unknown' ? TEXT.relation.unknown(result.unknownReason) : TEXT.relation[relation])));
    const cis = this.cisTitle(other);
    if (cis) {
      const answer = relation === 'unknown' ? TEXT.strictUnknown
        : relation === 'equivalent' || relation === 'broader' ? TEXT.strictYes(relation) : TEXT.strictNo;
      parts.push(h('p', { class: 'proof-strict', dataset: { answer: relation === 'unknown' ? 'unknown' : (relation === 'equivalent' || relation === 'broader' ? 'yes' : 'no') } },
        h('strong', {}, TEXT.strictQuestion(cis)), ' ', answer));
    }
    const witnesses = result.witnesses.filter((w) => w.a !== w.b);
    if (witnesses.length) {
      parts.push(h('p', {}, TEXT.witnesses(witnesses.length)));
      parts.push(h('ul', { class: 'proof-witnesses' }, witnesses.map((w) => this.witnessItem(w))));
    }
    this.root.replaceChildren(...parts);
  }

  witnessItem(w) {
    const canAdd = APPENDABLE.has(this.format);
    const button = h('button', { type: 'button', class: 'ghost proof-add', disabled: !canAdd, title: canAdd ? null : TEXT.cannotAdd }, TEXT.add);
    button.addEventListener('click', () => this.onAdd(w));
    const shown = w.message.length > MESSAGE_SHOWN ? `${w.message.slice(0, MESSAGE_SHOWN)}…` : w.message;
    return h('li', { class: 'proof-witness', dataset: { a: String(w.a), b: String(w.b) } },
      h('p', { class: 'proof-verdicts' }, TEXT.verdicts(w.a, w.b), w.fromSample ? ` (${TEXT.fromSample})` : ''),
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
  return { patch: { events, expectations, selected: n - 1 }, label: TEXT.added(n) };
}

// Adds "Is mine at least as strict?" to each CIS alarm of the gallery list
// (gallery.js draws it; `alarms` is GALLERY): onCompare(alarm) puts the alarm
// in "Compare with…".
export function addCisButtons(list, alarms, onCompare) {
  for (const alarm of alarms) {
    if (!alarm.id.startsWith('cis-')) continue;
    const load = list.querySelector(`button[data-alarm="${alarm.id}"]`);
    if (!load) continue;
    const button = h('button', { type: 'button', class: 'ghost proof-cis', dataset: { cis: alarm.id } }, TEXT.cisButton);
    button.addEventListener('click', () => onCompare(alarm));
    load.after(' ', button);
  }
}

// The CIS alarm whose pattern is `pattern` (ignoring surrounding white space), or null.
export function cisAlarm(alarms, pattern) {
  const wanted = pattern.trim();
  return alarms.find((a) => a.id.startsWith('cis-') && a.pattern.trim() === wanted) || null;
}
