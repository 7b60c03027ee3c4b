// Where a pattern key's time goes on the main thread with 5 MB of events
// (run by hand: node bench/page_profile_key.mjs [MB]): pastes pretty-printed
// CloudTrail, then presses keys in the pattern box under Chromium's CPU
// profiler (CDP Profiler) and prints the page's functions by self time, so
// the cost left per key can be found and cut (docs/performance.md).
import { prettyCloudTrail } from '../tests/browser/big-paste.mjs';
import { root } from '../tests/browser/harness.mjs';
import { withLoadedPage } from './page_harness.mjs';
import { readFileSync } from 'node:fs';

const mb = Number(process.argv[2] || 5);
const pattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').trim();

await withLoadedPage(async (page) => {
  const { text } = prettyCloudTrail(mb * 1e6, 'profile');
  await page.getByRole('textbox', { name: 'Filter pattern' }).fill(pattern);
  await page.waitForSelector('html[data-results="current"]');
  await page.evaluate((t) => {
    const box = document.getElementById('events');
    box.focus();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForSelector('html[data-results="current"]', { timeout: 60_000 });
  await page.waitForTimeout(2000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.locator('#pattern').focus();
  await cdp.send('Profiler.start');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'End');
    if (i % 2 === 0) await page.keyboard.type(' ');
    await page.waitForSelector('html[data-results="current"]');
    await page.waitForTimeout(100);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const dt = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    dt.set(key, (dt.get(key) || 0) + profile.timeDeltas[i] / 1000);
  }
  const rows = [...dt].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`main thread, 10 pattern keys with ${mb} MB of events: self time by function (ms)`);
  for (const [k, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
});
