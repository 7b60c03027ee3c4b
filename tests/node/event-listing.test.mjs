// EventSet.listing() and message(): what the page's worker asks of a paste
// instead of events() (web/engine-worker.js), so that a 5 MB paste does not
// copy every message into JavaScript. They must say exactly what events()
// says, for every kind of event (pretty CloudTrail, non-ASCII text, a broken
// event, plain lines), since the page's list and expectations rest on them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCwlf, root } from './dist-module.mjs';

const corpus = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);

let cwlf;
before(async () => {
  cwlf = await loadCwlf();
});

// The columns put back into one object per event, as the worker does.
function rowsOf({ offsets, lengths, errors, columns }) {
  const { identities, titles, details } = JSON.parse(columns);
  const rows = Array.from(offsets, (offset, index) => ({
    index, offset, length: lengths[index], error: null, identity: identities[index], title: titles[index], detail: details[index],
  }));
  for (const [index, error] of errors) rows[index].error = error;
  return rows;
}

const texts = {
  'pretty CloudTrail with non-ASCII text, quotes and a broken event': [
    ...corpus.slice(0, 30).map((line) => JSON.stringify(JSON.parse(line), null, 2)),
    '{ "eventName": "Put\\"Role\\u0001Policy", "note": "café ☕ 𝄞", "userIdentity": { "type": "Root" } }',
    '{ "eventName": "DeleteRolePolicy", "broken": }',
  ].join('\n\n'),
  'plain lines': 'ERROR one\nINFO two "quoted" \\ back\n\tcafé 𝄞 three\n',
  'nothing': '',
};

for (const [name, text] of Object.entries(texts)) {
  test(`listing() and message() say what events() says: ${name}`, () => {
    const set = new cwlf.EventSet(text);
    try {
      const events = set.events();
      const listing = set.listing();
      assert.ok(listing.offsets instanceof Uint32Array && listing.lengths instanceof Uint32Array);
      const rows = rowsOf(listing);
      assert.equal(rows.length, events.length);
      assert.deepEqual(rows, events.map(({ message, ...rest }) => rest));
      events.forEach((e, i) => assert.equal(set.message(i), e.message, `message ${i}`));
      assert.equal(set.message(events.length), undefined);
      if (name.startsWith('pretty')) {
        assert.ok(rows.some((r) => r.error !== null), 'the broken event has its error');
        assert.ok(rows.some((r) => r.title.includes('Put"Role')), 'escaped characters survive the JSON columns');
      }
    } finally {
      set.delete();
    }
  });
}
