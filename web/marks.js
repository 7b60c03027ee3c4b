// What is marked in the two text boxes for a result (app.js draws it with
// highlight.js, or the events view of a big paste, big-events.js): the
// pattern's error (underlined), the selected event's extent and its error,
// the steps that decided its verdict, and the step of the explanation or the
// warning under the pointer or focus. Ranges are UTF-16 offsets.
import { decidingNodes } from './render.js';

// -> { patternRanges, eventRanges }: [{ start, end, className: 'err' | 'sel' | 'dec' | 'hl' }]
export function markRanges({ result, event, pattern, events, hoverNode = null, warningRange = null }) {
  const patternRanges = [];
  const eventRanges = [];
  const error = result.pattern.error;
  if (error) {
    let start = error.offset;
    let end = error.offset + Math.max(error.length, 1);
    // An error at the very end (nothing there to underline) marks the last character.
    if (start >= pattern.length) {
      start = Math.max(pattern.length - 1, 0);
      end = pattern.length;
    }
    patternRanges.push({ start, end, className: 'err' });
  }
  if (event) {
    eventRanges.push({ start: event.offset, end: event.offset + event.length, className: 'sel' });
    if (event.error) {
      eventRanges.push({
        start: Math.min(event.error.offset, events.length - 1),
        end: event.error.offset + Math.max(event.error.length, 1),
        className: 'err',
      });
    }
  }
  const nodes = result.selected && result.selected.explanation ? result.selected.explanation.nodes : null;
  if (nodes && event && result.selected.index === event.index) {
    for (const i of decidingNodes(nodes)) {
      const n = nodes[i];
      if (n.patternLength && i !== 0) patternRanges.push({ start: n.patternOffset, end: n.patternOffset + n.patternLength, className: 'dec' });
      if (n.eventOffset !== null && n.eventLength) eventRanges.push({ start: n.eventOffset, end: n.eventOffset + n.eventLength, className: 'dec' });
    }
    const hovered = hoverNode !== null ? nodes[hoverNode] : null;
    if (hovered) {
      patternRanges.push({ start: hovered.patternOffset, end: hovered.patternOffset + hovered.patternLength, className: 'hl' });
      if (hovered.eventOffset !== null) {
        eventRanges.push({ start: hovered.eventOffset, end: hovered.eventOffset + Math.max(hovered.eventLength, 1), className: 'hl' });
      }
    }
  }
  if (warningRange) patternRanges.push({ ...warningRange, className: 'hl' });
  return { patternRanges, eventRanges };
}
