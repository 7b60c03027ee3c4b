// The pattern box grows with its text (up to 12 lines). Its height is measured
// in a hidden twin of the box: setting the box's own height to 'auto' and back
// made the browser lay out the whole page twice on every key press, and only
// the twin is laid out now; the box itself changes only when its height does.
// -> fit(): call after the box's text changed.
export function patternFitter(box, field) {
  const twin = document.createElement('textarea');
  twin.className = 'measure-twin';
  twin.tabIndex = -1;
  twin.setAttribute('aria-hidden', 'true');
  twin.rows = 1;
  field.append(twin);
  return function fit() {
    twin.value = box.value;
    const max = parseFloat(getComputedStyle(box).lineHeight) * 12 + 24;
    const height = `${Math.min(twin.scrollHeight + 2, max)}px`;
    if (box.style.height !== height) box.style.height = height;
  };
}
