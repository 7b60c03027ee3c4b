// Sentences of the modules that run both in the page and in Node's tests
// (limits.js, share-link.js, suite-file.js, shorten.js): in the page they are
// in its language (i18n.js installs its t() here); in Node, which has no
// catalogue module, they are the English written next to the id.
// tests/node/messages.test.mjs checks that this English is the catalogue's.
import { render } from './i18n-render.js';

let translate = null;

export function installTranslator(t) {
  translate = t;
}

// The catalogue's sentence `id`, with `english` its English text.
export function phrase(id, english, args) {
  return translate ? translate(id, args) : render(english, args);
}
