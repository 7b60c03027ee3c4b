// The alarm's history as a chart: one bar per period (the metric's value),
// split by the CloudTrail identity type of its matching events, the
// threshold as a line, the ALARM intervals shaded; a legend; and the same
// facts as a table (the chart's text alternative). Numbers come from the
// engine's AlarmScan (wasm/alarm_bindings.cc); chartModel() is pure (tested
// in Node), drawAlarmChart() builds DOM nodes with textContent only: no HTML
// strings. Sentences in the page's language (i18n.js).
import { t } from './i18n.js';
//
// A bar's height is the period's value (the alarm's statistic); its segments
// divide that height in proportion to the period's matching events by
// identity type. With the usual metric value 1 and Sum, each segment is that
// type's count exactly; with other values or statistics it is the share of
// events, which the legend says.

// Okabe–Ito colours (told apart with the common colour-vision deficiencies),
// one per identity type in the order the engine gives them (most frequent
// first); "(other)" and "(none)" are grey.
export const TYPE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const GREY = '#999999';

export function colourOf(types, k) {
  const name = types[k];
  return name === '(other)' || name === '(none)' ? GREY : TYPE_COLOURS[k % TYPE_COLOURS.length];
}

// Geometry of the chart in SVG units: bars (with their segments), threshold
// and shaded intervals.
export function chartModel(result, threshold, { width = 640, height = 200, periodMs } = {}) {
  const points = result.datapoints || [];
  const alarms = result.alarms || [];
  const types = result.identityTypes || [];
  if (!points.length) return { width, height, bars: [], shades: [], thresholdY: null, max: 0, types };
  const step = periodMs || (points.length > 1 ? Math.min(...points.slice(1).map((p, i) => p.start - points[i].start)) : 60000);
  const from = Math.min(points[0].start, ...alarms.map((a) => a.start));
  const to = Math.max(points[points.length - 1].start + step, ...alarms.map((a) => a.end));
  const max = Math.max(threshold, ...points.map((p) => p.value), 0) || 1;
  const x = (t) => ((t - from) / (to - from)) * width;
  const y = (v) => height - (Math.max(v, 0) / max) * height;
  const barWidth = Math.max(1, x(from + step) - x(from) - 1);
  const bars = points.map((p) => {
    const top = y(p.value);
    const bar = { x: x(p.start), y: top, width: barWidth, height: height - top, point: p, segments: [] };
    const split = p.byIdentity || [];
    const total = split.reduce((s, n) => s + n, 0);
    let bottom = height;
    for (let k = 0; k < split.length && total > 0; k++) {
      if (!split[k]) continue;
      const h = (bar.height * split[k]) / total;
      bottom -= h;
      bar.segments.push({ y: bottom, height: h, type: k, count: split[k] });
    }
    return bar;
  });
  return {
    width,
    height,
    max,
    types,
    thresholdY: y(threshold),
    from,
    to,
    bars,
    shades: alarms.map((a) => ({ x: x(a.start), width: Math.max(1, x(a.end) - x(a.start)), alarm: a })),
  };
}

// "IAMUser 4, Root 2": a period's matching events by identity type (names
// and numbers: the same in every language).
export function splitText(point, types) {
  return (point.byIdentity || []).map((n, k) => (n ? `${types[k]} ${n}` : '')).filter(Boolean).join(', ');
}

// What hovering or focusing a bar says.
export function barText(point, types) {
  const split = splitText(point, types);
  return t(point.count === 1 ? 'page.alarm.bar.one' : 'page.alarm.bar.other', {
    time: point.timestamp, value: point.value, count: point.count,
    split: split ? t('page.alarm.bar.split', { split }) : '',
    breaching: point.breaching ? t('page.alarm.bar.breaching') : '',
  });
}

// 2026-11-20T10:05:00Z: a time in ms since the epoch, to the second, UTC.
export const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

const SVG = 'http://www.w3.org/2000/svg';

function svgNode(doc, name, attrs) {
  const n = doc.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  return n;
}

function cell(doc, tag, text) {
  const n = doc.createElement(tag);
  n.textContent = text;
  return n;
}

function legend(doc, types, result) {
  const list = doc.createElement('ul');
  list.className = 'alarm-legend';
  list.setAttribute('aria-label', t('page.alarm.legend-label'));
  const totals = types.map((_, k) => (result.datapoints || []).reduce((s, p) => s + ((p.byIdentity || [])[k] || 0), 0));
  types.forEach((name, k) => {
    const item = doc.createElement('li');
    const swatch = doc.createElement('span');
    swatch.className = 'alarm-swatch';
    swatch.style.background = colourOf(types, k);
    item.append(swatch, doc.createTextNode(t('page.alarm.legend-item', { type: name, count: totals[k] })));
    list.append(item);
  });
  return list;
}

// Replaces the contents of `container` with the chart, its legend, a line
// saying what the bar under the pointer (or keyboard focus) holds, and the
// table of ALARM intervals. onBar(point) is called when a bar is clicked or
// chosen with Enter / Space (arrow keys move between bars).
// periodMs: the alarm's period (bars are that wide).
export function drawAlarmChart(container, result, threshold, { onBar, periodMs } = {}) {
  const doc = container.ownerDocument;
  const m = chartModel(result, threshold, { periodMs });
  const svg = svgNode(doc, 'svg', { viewBox: `0 0 ${m.width} ${m.height}`, preserveAspectRatio: 'none', class: 'alarm-chart',
    role: 'group', 'aria-label': t('page.alarm.chart-label', { threshold, count: (result.alarms || []).length }) });
  for (const s of m.shades) svg.append(svgNode(doc, 'rect', { x: s.x, y: 0, width: s.width, height: m.height, class: 'alarm-shade' }));
  const readout = doc.createElement('p');
  readout.className = 'alarm-readout';
  readout.setAttribute('aria-live', 'polite');
  const hits = [];
  m.bars.forEach((b, i) => {
    const group = svgNode(doc, 'g', { class: 'alarm-bar-group' });
    for (const s of b.segments) {
      group.append(svgNode(doc, 'rect', { x: b.x, y: s.y, width: b.width, height: s.height, class: 'alarm-segment',
        fill: colourOf(m.types, s.type), 'data-type': m.types[s.type] }));
    }
    if (!b.segments.length) group.append(svgNode(doc, 'rect', { x: b.x, y: b.y, width: b.width, height: b.height, class: 'alarm-segment alarm-no-match' }));
    if (b.point.breaching) group.append(svgNode(doc, 'rect', { x: b.x, y: Math.max(b.y - 4, 0), width: b.width, height: 3, class: 'alarm-breach-mark' }));
    // The bar's whole column is its target: easier to hit than a short bar.
    const text = barText(b.point, m.types);
    const hit = svgNode(doc, 'rect', { x: b.x, y: 0, width: b.width, height: m.height, role: 'button', tabindex: i === 0 ? 0 : -1,
      'aria-label': text, class: b.point.breaching ? 'alarm-bar breaching' : 'alarm-bar', 'data-index': i });
    const tip = svgNode(doc, 'title', {});
    tip.textContent = text;
    hit.append(tip);
    const show = () => { readout.textContent = text; };
    hit.addEventListener('mouseenter', show);
    hit.addEventListener('focus', show);
    if (onBar) hit.addEventListener('click', () => onBar(b.point));
    hit.addEventListener('keydown', (e) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: hits.length - 1 }[e.key];
      if (to !== undefined) {
        e.preventDefault();
        const next = hits[Math.min(Math.max(to, 0), hits.length - 1)];
        hit.setAttribute('tabindex', '-1');
        next.setAttribute('tabindex', '0');
        next.focus();
      } else if ((e.key === 'Enter' || e.key === ' ') && onBar) {
        e.preventDefault();
        onBar(b.point);
      }
    });
    hits.push(hit);
    group.append(hit);
    svg.append(group);
  });
  if (m.thresholdY !== null) svg.append(svgNode(doc, 'line', { x1: 0, x2: m.width, y1: m.thresholdY, y2: m.thresholdY, class: 'alarm-threshold' }));
  const table = doc.createElement('table');
  table.className = 'alarm-intervals';
  table.append(cell(doc, 'caption', t('page.alarm.intervals')));
  const head = doc.createElement('tr');
  head.append(cell(doc, 'th', t('page.alarm.from')), cell(doc, 'th', t('page.alarm.to')), cell(doc, 'th', t('page.alarm.events')));
  table.append(head);
  for (const a of result.alarms || []) {
    const row = doc.createElement('tr');
    row.append(cell(doc, 'td', a.startText), cell(doc, 'td', a.open ? t('page.alarm.still', { time: a.endText }) : a.endText), cell(doc, 'td', String(a.events)));
    table.append(row);
  }
  if (!(result.alarms || []).length) {
    const row = doc.createElement('tr');
    const none = cell(doc, 'td', t('page.alarm.none'));
    none.colSpan = 3;
    row.append(none);
    table.append(row);
  }
  // The time axis: where the chart starts and ends (UTC), and its scale.
  const axis = doc.createElement('p');
  axis.className = 'alarm-axis';
  if (m.bars.length) {
    axis.append(cell(doc, 'span', isoSeconds(m.from)), cell(doc, 'span', t('page.alarm.axis', { max: m.max, threshold })),
      cell(doc, 'span', isoSeconds(m.to)));
  }
  const parts = [svg, axis];
  if (m.types.length) {
    parts.push(legend(doc, m.types, result));
    const note = doc.createElement('p');
    note.className = 'alarm-legend-note';
    note.textContent = t('page.alarm.legend-note');
    parts.push(note);
  }
  parts.push(readout, table);
  container.replaceChildren(...parts);
  return m;
}
