// The gallery (web/gallery-data.js): every alarm's pattern is valid, and the
// engine gives each sample event the verdict the gallery promises.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCwlf, importDistModule } from './dist-module.mjs';


let cwlf;
let GALLERY;
before(async () => {
  cwlf = await loadCwlf();
  // gallery-data.js imports the generated seed-example.js, which lives in dist/.
  ({ GALLERY } = await importDistModule('gallery-data.js'));
});

test('every gallery alarm: valid pattern, and the promised verdict on each sample event', () => {
  assert.ok(GALLERY.length >= 10);
  for (const alarm of GALLERY) {
    const run = cwlf.test(alarm.pattern, alarm.events, { explain: 'none' });
    assert.ok(run.pattern.ok, `${alarm.id}: ${JSON.stringify(run.pattern.error)}`);
    assert.equal(run.counts.errors, 0, alarm.id);
    assert.deepEqual(run.events.map((e) => e.matched), alarm.expected, alarm.id);
    assert.ok(alarm.expected.includes(true) && alarm.expected.includes(false), `${alarm.id} needs both kinds of sample`);
  }
});

test('the CIS no-MFA alarm: the gallery note is what the lint says', () => {
  const alarm = GALLERY.find((a) => a.id === 'cis-4.2');
  const { warnings } = cwlf.lint(alarm.pattern, alarm.events);
  assert.deepEqual(warnings.map((w) => w.code), ['ne-missing-field']);
  assert.match(warnings[0].message, /AssumedRole/);
});
