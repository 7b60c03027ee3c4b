// Big pastes for the browser tests and bench/page_workbench.mjs:
// pretty-printed CloudTrail from the test corpus, as users paste it.
import { readFileSync } from 'node:fs';
import { root, settled } from './harness.mjs';

const corpus = readFileSync(`${root}tests/data/corpus/cloudtrail-docs.ndjson`, 'utf8').split('\n').filter(Boolean);

// About `bytes` characters of events, each with its own eventID (`${prefix}-N`).
// -> { text, events }
export function prettyCloudTrail(bytes, prefix = 'bench') {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const record = JSON.parse(corpus[i % corpus.length]);
    record.eventID = `${prefix}-${i}`;
    const text = JSON.stringify(record, null, 4);
    parts.push(text);
    size += text.length + 2;
  }
  return { text: parts.join('\n\n'), events: parts.length };
}

// What Ctrl+V does: a paste event on the focused events box (or on the events
// view of a big paste, web/big-events.js), then the results for it.
export async function paste(page, text) {
  await page.evaluate((t) => {
    const view = document.querySelector('.big-events');
    const target = view && !view.hidden ? view.querySelector('.big-scroll') : document.getElementById('events');
    // (Focus without scrolling, as a click in the box gives it.)
    target.focus({ preventScroll: true });
    if (target.select) target.select();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await settled(page);
}
