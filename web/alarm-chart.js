// The alarm's history as a chart: one bar per period (the metric's value),
// the threshold as a line, the ALARM intervals shaded; and the same facts as
// a table (the chart's text alternative). Numbers come from the engine's
// AlarmScan (wasm/alarm_bindings.cc); chartModel() is pure (tested in Node),
// drawAlarmChart() builds DOM nodes with textContent only: no HTML strings.

// Geometry of the chart in SVG units: bars, threshold and shaded intervals.
export function chartModel(result, threshold, { width = 640, height = 200, periodMs } = {}) {
  const points = result.datapoints || [];
  const alarms = result.alarms || [];
  if (!points.length) return { width, height, bars: [], shades: [], thresholdY: null, max: 0 };
  const step = periodMs || (points.length > 1 ? Math.min(...points.slice(1).map((p, i) => p.start - points[i].start)) : 60000);
  const from = Math.min(points[0].start, ...alarms.map((a) => a.start));
  const to = Math.max(points[points.length - 1].start + step, ...alarms.map((a) => a.end));
  const max = Math.max(threshold, ...points.map((p) => p.value), 0) || 1;
  const x = (t) => ((t - from) / (to - from)) * width;
  const y = (v) => height - (Math.max(v, 0) / max) * height;
  const barWidth = Math.max(1, x(from + step) - x(from) - 1);
  return {
    width,
    height,
    max,
    thresholdY: y(threshold),
    bars: points.map((p) => ({ x: x(p.start), y: y(p.value), width: barWidth, height: height - y(p.value), point: p })),
    shades: alarms.map((a) => ({ x: x(a.start), width: Math.max(1, x(a.end) - x(a.start)), alarm: a })),
  };
}

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

// Replaces the contents of `container` with the chart and its table.
// onBar(point) is called when a bar is clicked (to list its events).
// periodMs: the alarm's period (bars are that wide).
export function drawAlarmChart(container, result, threshold, { onBar, periodMs } = {}) {
  const doc = container.ownerDocument;
  const m = chartModel(result, threshold, { periodMs });
  const svg = svgNode(doc, 'svg', { viewBox: `0 0 ${m.width} ${m.height}`, preserveAspectRatio: 'none', role: 'img', class: 'alarm-chart' });
  const title = svgNode(doc, 'title', {});
  title.textContent = `Metric per period, threshold ${threshold}, ${(result.alarms || []).length} ALARM intervals (table below)`;
  svg.append(title);
  for (const s of m.shades) svg.append(svgNode(doc, 'rect', { x: s.x, y: 0, width: s.width, height: m.height, class: 'alarm-shade' }));
  for (const b of m.bars) {
    const bar = svgNode(doc, 'rect', { x: b.x, y: b.y, width: b.width, height: b.height, class: b.point.breaching ? 'alarm-bar breaching' : 'alarm-bar' });
    const tip = svgNode(doc, 'title', {});
    tip.textContent = `${b.point.timestamp}: ${b.point.value} (${b.point.count} events)`;
    bar.append(tip);
    if (onBar) bar.addEventListener('click', () => onBar(b.point));
    svg.append(bar);
  }
  if (m.thresholdY !== null) svg.append(svgNode(doc, 'line', { x1: 0, x2: m.width, y1: m.thresholdY, y2: m.thresholdY, class: 'alarm-threshold' }));
  const table = doc.createElement('table');
  table.className = 'alarm-intervals';
  table.append(cell(doc, 'caption', 'ALARM intervals (UTC)'));
  const head = doc.createElement('tr');
  head.append(cell(doc, 'th', 'from'), cell(doc, 'th', 'to'), cell(doc, 'th', 'events'));
  table.append(head);
  for (const a of result.alarms || []) {
    const row = doc.createElement('tr');
    row.append(cell(doc, 'td', a.startText), cell(doc, 'td', a.open ? `${a.endText} (still in ALARM)` : a.endText), cell(doc, 'td', String(a.events)));
    table.append(row);
  }
  container.replaceChildren(svg, table);
  return m;
}
