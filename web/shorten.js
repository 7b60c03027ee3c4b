// Making a test shorter and safer to share (the Share card's Redact and
// "Keep only the fields the pattern reads"), and checking that it still
// tests the same thing: every event's verdict must be the same after the
// change as before, or the change is undone and the events named.
//
// Both work on JSON events only where structure matters:
//   Redact      replaces, anywhere in the text, AWS account IDs (also the
//               account part of ARNs), access-key IDs, IPv4 and IPv6
//               addresses and e-mail addresses with placeholders, the same
//               placeholder for the same value everywhere. Values the pattern
//               reads (the fields its selectors name) are left as they are.
//               The text keeps its layout.
//   Keep only   rewrites each JSON event with only the fields the pattern's
//               selectors name (and their values whole), one event per
//               paragraph; needs a JSON pattern.
import { phrase } from './phrase.js';
import { jsonEvents, valuesAt, keepOnly } from './json-fields.js';
import { findEmails } from './email-scan.js';

const ACCESS_KEY = /\b(AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA)[A-Z0-9]{12,16}\b/g;
const ARN_ACCOUNT = /\b(arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)(\d{12})(?=[:/])/g;
const ACCOUNT = /\b\d{12}\b/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
// Full form, or with "::" (times such as 12:30:45 have neither).
const IPV6 = /(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?|::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6}))(?![\w:])/g;

// Consistent placeholders: the n-th distinct value of a kind gets the n-th
// placeholder, in documentation ranges where one exists.
class Placeholders {
  constructor() {
    this.maps = new Map();
  }

  get(kind, value) {
    if (!this.maps.has(kind)) this.maps.set(kind, new Map());
    const map = this.maps.get(kind);
    if (!map.has(value)) map.set(value, PLACEHOLDER[kind](map.size + 1, value));
    return map.get(value);
  }

  count() {
    let n = 0;
    for (const map of this.maps.values()) n += map.size;
    return n;
  }
}

const PLACEHOLDER = {
  // (no leading zero: an account ID may be a JSON number)
  account: (n) => String(100000000000 + n),
  key: (n, value) => `${value.slice(0, 4)}REDACTED${String(n).padStart(value.length - 12, '0')}`,
  email: (n) => `user${n}@example.com`,
  ipv4: (n) => {
    const nets = ['192.0.2', '198.51.100', '203.0.113'];
    const net = nets[Math.floor((n - 1) / 254) % nets.length];
    return `${net}.${((n - 1) % 254) + 1}`;
  },
  ipv6: (n) => `2001:db8::${n.toString(16)}`,
};

// One pass over the text, so that a placeholder is never redacted again:
// e-mail addresses first (email-scan.js, linear), then, between them, one
// regular expression whose alternatives each match a bounded length (so it
// is linear too). Earlier alternatives win: an access key before an account
// ID, an ARN's account part before a lone number.
const PARTS = [ACCESS_KEY, ARN_ACCOUNT, ACCOUNT, IPV4, IPV6];
const ANY = new RegExp(PARTS.map((re) => `(${re.source})`).join('|'), 'g');
const KINDS = ['key', 'arn', 'account', 'ipv4', 'ipv6'];
// The number of the capture group that wraps each alternative (the
// alternatives have groups of their own).
const GROUP = [];
for (let i = 0, g = 1; i < PARTS.length; i++) {
  GROUP.push(g);
  g += 1 + (new RegExp(`${PARTS[i].source}|`).exec('').length - 1);
}

// Calls found(kind, value) for each value to redact in `text` and
// literal(text) for the text between them, in order.
function scan(text, found, literal) {
  const between = (part) => {
    // exec() in a loop, not replace() with a callback: a megabyte of "1.1.1.…"
    // holds 125,000 matches, and the callback's arguments cost more than the search.
    ANY.lastIndex = 0;
    let at = 0;
    for (let m = ANY.exec(part); m !== null; m = ANY.exec(part)) {
      literal(part.slice(at, m.index));
      found(KINDS[GROUP.findIndex((g) => m[g] !== undefined)], m[0]);
      at = ANY.lastIndex;
    }
    literal(part.slice(at));
  };
  let at = 0;
  for (const [start, end] of findEmails(text)) {
    between(text.slice(at, start));
    found('email', text.slice(start, end));
    at = end;
  }
  between(text.slice(at));
}

// -> { text, replaced }: `keep` holds strings (values the pattern reads)
// inside which nothing is replaced. (The values found in them are collected
// once into a set, so that checking each match costs the same however many
// there are.)
export function redactText(text, keep = []) {
  const places = new Placeholders();
  const protectedValues = new Set();
  const collect = (kind, value) => {
    protectedValues.add(value);
    if (kind === 'arn') protectedValues.add(value.slice(-12));
  };
  for (const k of keep) scan(k, collect, () => {});
  const pieces = [];
  scan(text, (kind, value) => {
    if (protectedValues.has(value)) pieces.push(value);
    else if (kind === 'arn') {
      const account = value.slice(-12);
      pieces.push(protectedValues.has(account) ? value : value.slice(0, -12) + places.get('account', account));
    } else pieces.push(places.get(kind, value));
  }, (literal) => pieces.push(literal));
  return { text: pieces.join(''), replaced: places.count() };
}

// One verdict per event: true, false, or 'error' (not readable as JSON).
function verdictsOf(result) {
  return result.pattern.ok ? result.events.map((e) => (e.error ? 'error' : e.matched)) : null;
}

// how: 'redact' | 'keep'. app: { pattern, events, open(events, label) (one
// step of the document's history), undo() (takes that step back),
// result(): Promise of the engine's result for what the boxes hold, once computed }.
// The fields the pattern reads come from the engine (result.selectors, from
// core/selectors.h through the worker), so they are exactly the ones it tests.
// -> { ok, message }
export async function shortenTest(how, app) {
  const first = await app.result();
  const before = verdictsOf(first);
  if (!before) return { ok: false, message: phrase('page.shorten.fix-pattern', 'Fix the pattern first: the verdicts must be known to check the change.') };
  const selectors = first.selectors || [];
  const events = jsonEvents(app.events);
  let changed;
  let what;
  if (how === 'redact') {
    const keep = [];
    if (events) for (const event of events.values) for (const s of selectors) keep.push(...valuesAt(event, s));
    const { text, replaced } = redactText(app.events, keep);
    if (replaced === 0) return { ok: true, message: phrase('page.shorten.nothing', 'Nothing to redact: no account ID, ARN, access key, IP or e-mail address outside the fields the pattern reads.') };
    changed = text;
    what = replaced === 1
      ? phrase('page.shorten.redacted.one', 'Redact replaced {count} distinct value', { count: replaced })
      : phrase('page.shorten.redacted.other', 'Redact replaced {count} distinct values', { count: replaced });
  } else {
    if (selectors.length === 0) return { ok: false, message: phrase('page.shorten.not-json-pattern', 'Only a JSON pattern ({ $.field … }) names fields; this one reads the whole message.') };
    if (!events) return { ok: false, message: phrase('page.shorten.not-json-events', 'The events are not JSON: there are no fields to keep.') };
    changed = events.values.map((event) => JSON.stringify(keepOnly(event, selectors), null, 1)).join('\n\n') + '\n';
    what = phrase('page.shorten.kept', 'Kept only {selectors}', { selectors: selectors.map((s) => s.text).join(', ') });
  }
  app.open(changed, what);
  const after = verdictsOf(await app.result());
  const differ = [];
  const n = Math.max(before.length, after ? after.length : 0);
  for (let i = 0; i < n; i++) {
    if (!after || before[i] !== after[i]) differ.push(i);
  }
  if (differ.length > 0) {
    app.undo();
    const which = differ.slice(0, 5).map((i) => `#${i + 1}`).join(', ') + (differ.length > 5 ? '…' : '');
    return { ok: false, message: phrase('page.shorten.undone', 'Undone: it would change the verdict of {which}. The events are as they were.', { which }) };
  }
  return { ok: true, message: phrase('page.shorten.unchanged', '{what}; all {count} verdicts are unchanged.', { what, count: after.length }) };
}
