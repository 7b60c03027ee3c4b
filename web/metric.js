// "Metric filter": the metric transformation a user is about to deploy
// (metric value, default value, up to 3 dimensions), validated as AWS does
// and emulated per event by the engine (core/metric_filter.h, in the worker):
// what each event would publish. Text only, never HTML.
import { count, counted, h, sentence } from './render.js';
import { t } from './i18n.js';

const SHOWN = 200;

export class MetricTool {
  // root: the <details>; output: where the answer goes; onChange(): re-test.
  constructor({ root, output, onChange }) {
    this.root = root;
    this.output = output;
    this.value = root.querySelector('[name="metric-value"]');
    this.defaultValue = root.querySelector('[name="default-value"]');
    this.dimensionRows = [...root.querySelectorAll('.dimension')].map((row) => ({
      name: row.querySelector('[name="dimension-name"]'),
      ref: row.querySelector('[name="dimension-ref"]'),
    }));
    let timer = 0;
    root.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 150);
    });
    root.addEventListener('toggle', onChange);
  }

  // The definition for the worker, or undefined while the panel is closed.
  get definition() {
    if (!this.root.open) return undefined;
    const dimensions = this.dimensionRows
      .filter((d) => d.name.value.trim() !== '' || d.ref.value.trim() !== '')
      .map((d) => [d.name.value.trim(), d.ref.value.trim()]);
    return { value: this.value.value.trim() || '1', defaultValue: this.defaultValue.value.trim(), dimensions };
  }

  // metric: { error } or { points, datapoints, sum } (engine-worker.js).
  update(metric, result) {
    if (!metric) {
      this.output.replaceChildren();
      return;
    }
    if (metric.error) {
      this.output.replaceChildren(h('p', { class: 'metric-error', role: 'alert' }, sentence(metric.error)));
      return;
    }
    const rows = metric.points.slice(0, SHOWN).map((p, i) => {
      const event = result.events[i];
      const what = p.kind === 'value'
        ? t('page.metric.publishes', { value: `${p.value}${p.dimensions.map(([k, v]) => ` [${k}=${v}]`).join('')}` })
        : p.kind === 'default' ? t('page.metric.default-published', { value: p.value }) : t('page.metric.nothing');
      return h('li', { dataset: { kind: p.kind } },
        h('span', { class: 'metric-event' }, `#${i + 1} ${event ? event.title : ''}`),
        h('span', { class: 'metric-what' }, what),
        p.note ? sentence(p.note, 'metric-note') : null);
    });
    this.output.replaceChildren(...[
      h('p', { class: 'metric-summary' },
        t('page.metric.summary-line', { datapoints: counted(metric.datapoints, 'page.counts.datapoints'), sum: count(Math.round(metric.sum * 1000) / 1000) })),
      h('ul', { class: 'metric-points' }, rows),
      metric.points.length > SHOWN ? h('p', {}, `and ${count(metric.points.length - SHOWN)} more events`) : null,
    ].filter(Boolean));
  }
}
