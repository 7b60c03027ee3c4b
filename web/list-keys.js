// Keyboard use of the results list (a listbox): which option a key moves to.
// -> the option's position, null for a handled key that moves nowhere (Enter
// with no option focused), undefined for a key the list does not handle.
export function optionAfterKey(key, at, count) {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown': return Math.max(Math.min(at + 1, count - 1), 0);
    case 'ArrowUp': return Math.max(at - 1, 0);
    case 'Home': return 0;
    case 'End': return count - 1;
    case 'PageDown': return Math.max(Math.min(at + 10, count - 1), 0);
    case 'PageUp': return Math.max(at - 10, 0);
    case 'Enter':
    case ' ':
      return at >= 0 ? at : null;
    default: return undefined;
  }
}
