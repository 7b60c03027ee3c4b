// The JSON events of pasted text, and the values and fields of those events
// that a pattern's selectors reach, for shorten.js (Redact keeps those values
// intact; "Keep only" keeps nothing else). The selectors come from the engine
// (core/selectors.h): [{ text, steps: [{ member } | { index } | { any: true }] }].
//
// Splitting the text here is a simpler twin of the engine's splitter, done
// on the page's thread; the page re-tests the changed events and undoes any
// change that alters a verdict, so a difference here can make a change
// refused, never wrong. Nothing here recurses on the input: paths are walked
// with loops.

// The JSON events of pasted text, as the engine splits it in the common
// cases: { format, values } or null when the text is not all JSON.
export function jsonEvents(text) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    const doc = JSON.parse(trimmed);
    if (Array.isArray(doc)) return { format: 'array', values: doc };
    if (doc && typeof doc === 'object' && Array.isArray(doc.Records)) return { format: 'records', values: doc.Records };
    if (doc && typeof doc === 'object') return { format: 'objects', values: [doc] };
    return null;
  } catch (_) {
    // several objects, one after the other
  }
  const values = [];
  for (const piece of topLevelObjects(trimmed)) {
    if (piece === null) return null;
    try {
      values.push(JSON.parse(piece));
    } catch (_) {
      return null;
    }
  }
  return values.length ? { format: 'objects', values } : null;
}

// Slices of concatenated JSON objects (null for text outside an object).
function* topLevelObjects(text) {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth === 0) {
        if (c === '[') { yield null; return; }
        start = i;
      }
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) yield text.slice(start, i + 1);
      if (depth < 0) { yield null; return; }
    } else if (depth === 0 && !/\s/.test(c)) {
      yield null;
      return;
    }
  }
  if (depth !== 0) yield null;
}

// Every value a selector reaches in `event`, as text (strings as they are,
// other values as JSON).
export function valuesAt(event, selector) {
  let level = [event];
  for (const step of selector.steps) {
    const next = [];
    for (const v of level) {
      if (!v || typeof v !== 'object') continue;
      if (step.any) next.push(...Object.values(v));
      else if (step.member !== undefined && !Array.isArray(v) && Object.hasOwn(v, step.member)) next.push(v[step.member]);
      else if (step.index !== undefined && Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
    }
    level = next;
  }
  return level.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

// A copy of `event` with only what the selectors reach (whole), and the
// objects and arrays on the way to it. Array elements not on any path become
// null, so that indices stay where they were.
// The copies are null-prototype objects: a key such as "__proto__" in an
// event is then an ordinary own field, never a write to Object.prototype.
export function keepOnly(event, selectors) {
  const root = Array.isArray(event) ? [] : Object.create(null);
  for (const selector of selectors) {
    // Work list of [source, copy, step number]; no recursion.
    const work = [[event, root, 0]];
    while (work.length) {
      const [src, dst, at] = work.pop();
      if (!src || typeof src !== 'object') continue;
      const step = selector.steps[at];
      const last = at === selector.steps.length - 1;
      let keys;
      if (step.any) keys = Array.isArray(src) ? src.map((_, k) => k) : Object.keys(src);
      else if (step.member !== undefined) keys = !Array.isArray(src) && Object.hasOwn(src, step.member) ? [step.member] : [];
      else keys = Array.isArray(src) && step.index < src.length ? [step.index] : [];
      for (const key of keys) {
        const value = src[key];
        if (Array.isArray(dst)) while (dst.length < key) dst.push(null);
        if (last || !value || typeof value !== 'object') {
          dst[key] = value;
          continue;
        }
        if (!Object.hasOwn(dst, key) || !dst[key] || typeof dst[key] !== 'object') {
          dst[key] = Array.isArray(value) ? [] : Object.create(null);
        }
        work.push([value, dst[key], at + 1]);
      }
    }
  }
  return root;
}
