// Marks ranges of a <textarea>'s text (an error to underline, the span a
// step of the explanation points at) without touching the textarea itself:
// a "mirror" element behind it holds the same text, laid out identically,
// with <mark> elements around the ranges. The textarea is transparent, so the
// marks show through while typing, selecting and scrolling stay native.
//
// Ranges are in UTF-16 code units (JS string indices), as the engine reports.
// The text is inserted as text nodes only.

// Above this many characters the mirror is not drawn (laying out a copy of
// megabytes of text on every hover would make the page sluggish).
const MAX_MIRRORED = 1_000_000;

export class Highlighter {
  constructor(field) {
    this.field = field;
    this.textarea = field.querySelector('textarea');
    this.mirror = field.querySelector('.mirror');
    this.ranges = [];
    // The textarea's scroll position, as of its last scroll event: reading it
    // afresh after the page changed would make the browser lay the page out
    // there and then (on every result); scroll events keep it current.
    this.scrolled = { top: 0, left: 0 };
    this.mirrorAt = { top: 0, left: 0 };  // where syncScroll last put the mirror
    this.textarea.addEventListener('scroll', () => {
      this.scrolled = { top: this.textarea.scrollTop, left: this.textarea.scrollLeft };
      this.syncScroll();
    });
    this.textarea.addEventListener('input', () => {
      // Offsets refer to the text they were computed for: drop them on edit.
      this.ranges = [];
      this.drawnText = undefined;
      this.render('');
    });
    new ResizeObserver(() => this.syncBox()).observe(this.textarea);
    this.syncBox();
  }

  // ranges: [{ start, end, className }]; overlapping ranges nest their classes.
  // `text`, when given, is the textarea's value (saves reading it again).
  set(ranges, text) {
    const kept = ranges.filter((r) => Number.isFinite(r.start) && Number.isFinite(r.end) && r.end > r.start);
    // Unchanged marks over unchanged text: touching the mirror would only make
    // the browser lay the page out again (this runs on every result).
    const key = JSON.stringify(kept);
    if (text !== undefined && text === this.drawnText && key === this.drawnKey) return;
    this.ranges = kept;
    this.drawnText = text;
    this.drawnKey = key;
    this.render(text);
  }

  clear() {
    this.set([], '');
  }

  render(text = this.textarea.value) {
    const mirror = this.mirror;
    if (mirror.firstChild) mirror.textContent = '';
    // An emptied mirror may have been scrolled back to the top left: unless it
    // was there already, where it is is no longer known (syncScroll sets it).
    if (this.mirrorAt.top !== 0 || this.mirrorAt.left !== 0) this.mirrorAt = { top: NaN, left: NaN };
    if (this.ranges.length === 0 || text.length > MAX_MIRRORED) return;
    const cuts = new Set([0, text.length]);
    for (const r of this.ranges) {
      cuts.add(Math.min(Math.max(r.start, 0), text.length));
      cuts.add(Math.min(Math.max(r.end, 0), text.length));
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const classes = this.ranges.filter((r) => r.start <= from && r.end >= to).map((r) => r.className);
      if (classes.length === 0) {
        mirror.append(document.createTextNode(piece));
      } else {
        const mark = document.createElement('mark');
        mark.className = classes.join(' ');
        mark.textContent = piece;
        mirror.append(mark);
      }
    }
    // A textarea keeps room for a last empty line; so must its mirror.
    mirror.append(document.createTextNode('\n'));
    this.syncScroll();
  }

  // Scrolls the textarea so that the first mark with `className` is visible
  // (a third of the way down when it has to move).
  reveal(className) {
    const mark = this.mirror.querySelector(`mark.${className}`);
    if (!mark) return;
    const ta = this.textarea;
    const top = mark.offsetTop;
    const bottom = top + mark.offsetHeight;
    if (top < ta.scrollTop + 4 || bottom > ta.scrollTop + ta.clientHeight - 4) {
      ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
    }
    this.scrolled = { top: ta.scrollTop, left: ta.scrollLeft };
    this.syncScroll();
  }

  // Scrolls the mirror as the textarea is: only when that changed, as a
  // write (like a read) makes the browser lay the page out there and then.
  syncScroll() {
    if (!this.mirror.firstChild) return;
    const { top, left } = this.scrolled;
    if (top === this.mirrorAt.top && left === this.mirrorAt.left) return;
    this.mirror.scrollTop = top;
    this.mirror.scrollLeft = left;
    this.mirrorAt = { top, left };
  }

  // The mirror covers the textarea's box minus its scroll bar, so that both
  // wrap lines at the same width.
  syncBox() {
    const ta = this.textarea;
    const style = getComputedStyle(ta);
    const borderX = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    this.mirror.style.width = `${ta.clientWidth + borderX}px`;
    this.mirror.style.height = `${ta.offsetHeight}px`;
    this.syncScroll();
  }
}
