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
      const { offsets, lengths, errors, columns } = set.listing();
      assert.ok(offsets instanceof Uint32Array && lengths instanceof Uint32Array);
      const { identities, titles, details } = JSON.parse(columns);
      assert.deepEqual([...offsets], events.map((e) => e.offset));
      assert.deepEqual([...lengths], events.map((e) => e.length));
      assert.deepEqual(identities, events.map((e) => e.identity));
      assert.deepEqual(titles, events.map((e) => e.title));
      assert.deepEqual(details, events.map((e) => e.detail));
      assert.deepEqual(errors, events.flatMap((e, i) => (e.error ? [[i, e.error]] : [])));
      events.forEach((e, i) => assert.equal(set.message(i), e.message, `message ${i}`));
      assert.equal(set.message(events.length), undefined);
      if (name.startsWith('pretty')) {
        assert.ok(errors.length > 0, 'the broken event has its error');
        assert.ok(titles.some((title) => title.includes('Put"Role')), 'escaped characters survive the JSON columns');
      }
    } finally {
      set.delete();
    }
  });
}
