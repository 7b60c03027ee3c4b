// Page benchmark (run by hand: node bench/page_reeval.mjs; needs dist/ from
// scripts/build-web.sh and Debian's chromium): 1,000 pretty-printed CloudTrail
// events pasted into the page, then the pattern edited; measures, in headless
// Chromium, the time from the key press to the page showing every verdict and
// the selected event's explanation (html[data-results="current"]). The page
// waits DEBOUNCE_MS (150 ms, web/app.js) after the last key before it asks
// the engine, so that is reported apart: the re-evaluation itself is the rest.
// Also times the engine alone in Node (the wasm test() the worker calls).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, openPage, loadPage, root } from '../tests/browser/harness.mjs';

const DEBOUNCE_MS = Number(/const DEBOUNCE_MS = (\d+)/.exec(readFileSync(`${root}web/app.js`, 'utf8'))[1]);
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
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  const r = cwlf.test(pattern + (i % 2 ? ' ' : ''), text, { explain: 0 });
  engine.push(performance.now() - t);
  if (r.events.length !== 1000) throw new Error(`expected 1000 events, got ${r.events.length}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, server);
  await loadPage(page, server);
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
    window.__bench = { t0: 0, t1: 0 };
    document.addEventListener('keydown', () => { window.__bench.t0 = performance.now(); }, true);
    new MutationObserver(() => {
      if (document.documentElement.dataset.results === 'current') window.__bench.t1 = performance.now();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-results'] });
  });
  await patternBox.press('End');
  const total = [];
  for (let i = 0; i < rounds; i++) {
    await page.evaluate(() => { window.__bench.t1 = 0; });
    await patternBox.press(i % 2 ? 'Backspace' : 'Space');
    await page.waitForFunction(() => window.__bench.t1 > 0, null, { timeout: 60_000 });
    total.push(await page.evaluate(() => window.__bench.t1 - window.__bench.t0));
  }
  const listed = await page.locator('#event-list > li').count();
  const afterDebounce = total.map((t) => t - DEBOUNCE_MS);
  console.log(`1,000 pretty-printed CloudTrail events (${(text.length / 1e6).toFixed(2)} MB), seed pattern, ${rounds} edits`);
  console.log(`engine alone (wasm test() in Node, all verdicts + one explanation): ${fmt(engine)}`);
  console.log(`page, key press -> all verdicts and the explanation drawn: ${fmt(total)}`);
  console.log(`  of which the page's ${DEBOUNCE_MS} ms typing debounce; re-evaluation after it: ${fmt(afterDebounce)}`);
  console.log(`event list items in the page: ${listed}`);
} catch (e) {
  console.error(String(e.message).slice(0, 400));
  process.exitCode = 1;
} finally {
  await browser.close();
  server.stop();
}
