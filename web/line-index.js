// Where each line of a text starts, found a slice at a time so that a paste
// of tens of megabytes never holds the main thread for long: the events view
// (big-events.js) draws the lines it already knows while the rest is found.

// Characters scanned per slice: ~2-5 ms in Chromium on a slow machine.
const SLICE_CHARS = 512 * 1024;

export class LineIndex {
  // onProgress(index) after each slice (and when done).
  constructor(text, onProgress = () => {}) {
    this.text = text;
    this.starts = new Uint32Array(1024);
    this.count = 1;  // line 0 starts at 0
    this.scanned = 0;
    this.done = text.length === 0;
    this.cancelled = false;
    this.onProgress = onProgress;
    this.step();
  }

  cancel() {
    this.cancelled = true;
  }

  step() {
    if (this.cancelled || this.done) return;
    const { text } = this;
    const stop = Math.min(this.scanned + SLICE_CHARS, text.length);
    let at = text.indexOf('\n', this.scanned);
    while (at !== -1 && at < stop) {
      this.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.scanned = stop;
    this.done = stop >= text.length;
    this.onProgress(this);
    if (!this.done) setTimeout(() => this.step(), 0);
  }

  push(start) {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = start;
  }

  // [start, end) of line i, without its line break.
  line(i) {
    const start = this.starts[i];
    const end = i + 1 < this.count ? this.starts[i + 1] - 1 : (this.done ? this.text.length : this.scanned);
    return { start, end: Math.max(end, start) };
  }

  // The line holding offset (binary search over the lines found so far).
  lineOf(offset) {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
