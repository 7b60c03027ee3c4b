// Page benchmark (run by hand: node bench/page_reeval.mjs; needs dist/ from
// scripts/build-web.sh and Debian's chromium): 1,000 pretty-printed CloudTrail
// events pasted into the page, then the pattern edited; measures, in headless
// Chromium, the time from the key press to the page showing every verdict and
// the selected event's explanation: until html[data-results="current"] is set,
// and until the frame after it is painted. Also times the engine alone in
// Node: what the worker calls for one edit (EventSet.verdicts + lint), and
// the floor: the browser painting the typed character with the page's
// handlers kept out of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { root } from '../tests/browser/harness.mjs';
import { withLoadedPage } from './page_harness.mjs';

const corpus = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);
const events = Array.from({ length: 1000 }, (_, i) => JSON.stringify(JSON.parse(corpus[i % corpus.length]), null, 4));
const text = events.join('\n\n');
const pattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').trim();
const rounds = 12;

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const fmt = (a) => `median ${median(a).toFixed(1)} ms, min ${Math.min(...a).toFixed(1)}, max ${Math.max(...a).toFixed(1)}`;

// The engine alone, in Node: what the worker does for one edit.
const require = createRequire(import.meta.url);
const cwlf = await require(`${root}dist/cwlf.js`)({ wasmBinary: readFileSync(`${root}dist/cwlf.wasm`) });
const engine = [];
const set = new cwlf.EventSet(text);
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  const edited = pattern + (i % 2 ? ' ' : '');
  const r = set.verdicts(edited, 0);
  set.lint(edited);
  engine.push(performance.now() - t);
  if (r.verdicts.length !== 1000) throw new Error(`expected 1000 events, got ${r.verdicts.length}`);
}
set.delete();

await withLoadedPage(async (page) => {
  const eventsBox = page.getByRole('textbox', { name: 'Log events' });
  const patternBox = page.getByRole('textbox', { name: 'Filter pattern' });
  // As a paste: the whole text at once, one input event (fill() types it in).
  await eventsBox.evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await patternBox.fill(pattern);
  await page.waitForSelector('html[data-results="current"]', { timeout: 60_000 });
  await page.evaluate(() => {
    window.__bench = { t0: 0, t1: 0, inPage: 0 };
    document.addEventListener('keydown', () => { window.__bench.t0 = performance.now(); }, true);
    // Drawn means painted: the frame after the result is in the page (a
    // timeout queued from requestAnimationFrame runs once that frame is made).
    new MutationObserver(() => {
      if (document.documentElement.dataset.results !== 'current') return;
      window.__bench.inPage = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__bench.t1 = performance.now(); }, 0));
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-results'] });
  });
  await patternBox.press('End');
  // `rounds` edits (a space typed, then deleted); each waits until
  // window.__bench[done] is set, gives what window.__bench then holds, and
  // pauses `pauseMs` before the next.
  async function edits(done, pauseMs) {
    const timings = [];
    for (let i = 0; i < rounds; i++) {
      await page.evaluate((key) => { window.__bench[key] = 0; }, done);
      await patternBox.press(i % 2 ? 'Backspace' : 'Space');
      await page.waitForFunction((key) => window.__bench[key] > 0, done, { timeout: 60_000 });
      timings.push(await page.evaluate(() => ({ ...window.__bench })));
      if (pauseMs) await page.waitForTimeout(pauseMs);
    }
    return timings;
  }
  const measured = await edits('t1', 0);
  const painted = measured.map((b) => b.t1 - b.t0);
  const inPage = measured.map((b) => b.inPage - b.t0);
  // The floor: the same key presses with the page's input handlers kept from
  // seeing them (no test, no drawing), timed to the painted frame: what the
  // browser itself takes to show a character typed in the pattern box.
  await page.evaluate(() => {
    document.getElementById('pattern').addEventListener('input', (e) => e.stopImmediatePropagation(), true);
    document.addEventListener('keydown', () => {
      requestAnimationFrame(() => setTimeout(() => { window.__bench.typed = performance.now(); }, 0));
    }, true);
  });
  const typed = (await edits('typed', 100)).map((b) => b.typed - b.t0);
  const listed = await page.locator('#event-list > li').count();
  console.log(`1,000 pretty-printed CloudTrail events (${(text.length / 1e6).toFixed(2)} MB), seed pattern, ${rounds} edits`);
  console.log(`engine alone (wasm in Node: EventSet verdicts + one explanation + lint): ${fmt(engine)}`);
  console.log(`page, key press -> every verdict and the explanation in the page: ${fmt(inPage)}`);
  console.log(`page, key press -> that frame painted: ${fmt(painted)}`);
  console.log(`floor: key press -> the typed character painted, the page's handlers kept out: ${fmt(typed)}`);
  console.log(`event list items in the page: ${listed}`);
}).catch((e) => {
  console.error(String(e.message).slice(0, 400));
  process.exitCode = 1;
});
