// The page's limits on what a user (or a link, or a file) gives it, in one
// place. Beyond them the input is refused with a sentence, in well under a
// second, and what was on screen stays: the browser's own handling of a
// text box with millions of lines takes minutes and gigabytes (a 193 KB link
// inflating to 2.6 million tiny events froze a tab for 109 s).
//
// The lines limit matches the size limit for pretty-printed CloudTrail
// (about 33 bytes a line: 32 MiB is about a million lines), and refuses the
// same megabytes cut into millions of tiny lines, which the text box alone
// takes minutes to lay out (the engine reads at most 100,000 events of one
// paste anyway, core/resource_limits.h).
import { phrase } from './phrase.js';

export const MAX_EVENTS_CHARS = 32 * 1024 * 1024;
export const MAX_EVENTS_LINES = 1_000_000;

const count = (n) => n.toLocaleString('en-US');

// -> null when `text` (added to `besides` characters already there) is
// within the limits, otherwise why not (a phrase: "its events are larger
// than …"). Linear, and stops counting at the limit.
export function beyondLimits(text, besides = 0) {
  if (text.length + besides > MAX_EVENTS_CHARS) {
    return phrase('page.limit.too-large', 'its events are larger than {size} MiB, the page’s limit (for bigger files use Open CloudTrail files…)', { size: MAX_EVENTS_CHARS / 1024 / 1024 });
  }
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (++lines > MAX_EVENTS_LINES) {
      return phrase('page.limit.too-many-lines', 'its events have more than {count} lines, the page’s limit (for bigger files use Open CloudTrail files…)', { count: count(MAX_EVENTS_LINES) });
    }
  }
  return null;
}
