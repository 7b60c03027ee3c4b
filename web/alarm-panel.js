// "Would this alarm have fired?" under the CloudTrail files panel: the alarm's
// settings (period, threshold, comparison, statistic, M of N, missing data),
// a replay of the opened files by the engine worker (alarm-scan.js), and the
// chart of the metric per period with the threshold and the ALARM intervals,
// with the table of intervals as its text alternative (alarm-chart.js).
import { drawAlarmChart } from './alarm-chart.js';
import { t } from './i18n.js';

export class AlarmPanel {
  // root: the <details> of the panel; files(): the files last opened;
  // pattern(): the current pattern; metric(): the metric settings, if any.
  constructor({ root, engine, files, pattern, metric }) {
    this.root = root;
    this.engine = engine;
    this.files = files;
    this.pattern = pattern;
    this.metric = metric;
    this.nextId = 1;
    this.form = root.querySelector('form');
    this.chart = root.querySelector('.alarm-chart-box');
    this.status = root.querySelector('.alarm-status');
    engine.onAlarm = (m) => this.received(m);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
  }

  settings() {
    const f = this.form.elements;
    const num = (name) => Number(f[name].value);
    return {
      period: num('alarm-period'),
      threshold: num('alarm-threshold'),
      comparison: f['alarm-comparison'].value,
      statistic: f['alarm-statistic'].value,
      evaluationPeriods: num('alarm-n'),
      datapointsToAlarm: num('alarm-m'),
      treatMissingData: f['alarm-missing'].value,
      ...(this.metric() || {}),
    };
  }

  run() {
    const files = this.files();
    if (!files.length) {
      this.status.textContent = t('page.alarm.open-files-first');
      return;
    }
    this.id = this.nextId++;
    this.threshold = Number(this.form.elements['alarm-threshold'].value);
    this.periodMs = Number(this.form.elements['alarm-period'].value) * 1000;
    this.status.textContent = t('page.alarm.replaying');
    document.documentElement.dataset.alarm = 'running';
    this.engine.worker.postMessage({ type: 'alarm-scan', id: this.id, pattern: this.pattern(), settings: this.settings(), files });
  }

  received(m) {
    if (m.id !== this.id) return;
    document.documentElement.dataset.alarm = m.error ? 'failed' : 'done';
    if (m.error) {
      this.status.textContent = t('page.alarm.failed', { message: m.error });
      this.chart.replaceChildren();
      return;
    }
    const r = m.result;
    const n = r.alarms.length;
    const outcome = n === 0 ? t('page.alarm.never') : n === 1 ? t('page.alarm.fired.one', { count: n }) : t('page.alarm.fired.other', { count: n });
    const untimed = r.eventsWithoutTime ? t('page.alarm.untimed', { count: r.eventsWithoutTime }) : '';
    this.status.textContent = t('page.alarm.result', { matched: r.matched, periods: r.datapoints.length, outcome, untimed });
    drawAlarmChart(this.chart, r, this.threshold, {
      periodMs: this.periodMs,
      onBar: (p) => { this.status.textContent = t('page.alarm.bar', { time: p.timestamp, value: p.value, count: p.count, breaching: p.breaching ? t('page.alarm.breaching') : '' }); },
    });
  }
}
