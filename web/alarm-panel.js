// "Would this alarm have fired?" under the CloudTrail files panel: the alarm's
// settings (period, threshold, comparison, statistic, M of N, missing data),
// a replay of the opened files by the engine worker (alarm-scan.js) through
// the metric filter (the metric value and default value of the "Metric
// filter" panel, metric.js, when it is open) and the alarm, and the chart of
// the metric per period by identity type with the threshold and the ALARM
// intervals, with the table of intervals as its text alternative
// (alarm-chart.js). A bar clicked lists its period's events (alarm-period.js).
//
// The settings are part of the test document (document.js: `alarm`): a change
// in the form is one undoable step, kept, saved and shared with the test;
// the form shows whatever the document holds (after Undo, a link, a file).
import { drawAlarmChart, isoSeconds } from './alarm-chart.js';
import { LIST_MAX, drawPeriodEvents } from './alarm-period.js';
import { MAX_ALARM_COUNT, metricSettings, readAlarm, sameAlarm } from './alarm-settings.js';
import { STEP } from './steps.js';
import { language, onLanguageChange, t } from './i18n.js';

// The form's fields, by the document's names.
const FIELDS = {
  period: 'alarm-period', threshold: 'alarm-threshold', comparison: 'alarm-comparison', statistic: 'alarm-statistic',
  evaluationPeriods: 'alarm-n', datapointsToAlarm: 'alarm-m', treatMissingData: 'alarm-missing',
};
const NUMBERS = new Set(['period', 'threshold', 'evaluationPeriods', 'datapointsToAlarm']);


export class AlarmPanel {
  // root: the <details> of the panel; files(): the files last opened;
  // pattern(): the current pattern; metric(): the metric settings, if any;
  // doc: the test document; explain(pattern, message, file): put an event in the boxes.
  constructor({ root, engine, files, pattern, metric, doc, explain }) {
    this.root = root;
    this.engine = engine;
    this.files = files;
    this.pattern = pattern;
    this.metric = metric;
    this.doc = doc;
    this.explain = explain;
    this.nextId = 1;
    this.form = root.querySelector('form');
    this.chart = root.querySelector('.alarm-chart-box');
    this.status = root.querySelector('.alarm-status');
    this.periodBox = root.querySelector('.alarm-period-box');
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    this.form.addEventListener('input', () => this.edited());
    this.form.addEventListener('change', () => this.edited());
    doc.subscribe(({ doc: d }) => this.show(d.alarm));
    this.show(doc.current.alarm);
    // What the panel wrote, again in the new language; the engine's refusal
    // (a setting AWS does not accept) is its sentence, so the replay runs again.
    onLanguageChange(() => {
      if (this.shown?.error && this.ran) this.run();
      else if (this.shown) this.received(this.shown);
      if (this.listedShown) this.listed(this.listedShown);
      if (this.formInvalid) this.edited();
    });
  }

  // What the form holds, or null while a field is not a valid value (being typed).
  fromForm() {
    const read = this.readForm();
    return read.ok ? read.alarm : null;
  }

  // readAlarm() of the form's fields.
  readForm() {
    const f = this.form.elements;
    const raw = {};
    for (const [name, field] of Object.entries(FIELDS)) {
      const text = f[field].value;
      raw[name] = NUMBERS.has(name) ? (text.trim() === '' ? NaN : Number(text)) : text;
    }
    return readAlarm(raw);
  }

  edited() {
    const read = this.readForm();
    const wasInvalid = this.formInvalid;
    this.formInvalid = !read.ok;
    if (!read.ok) {
      this.status.textContent = this.invalidText(read.field);
      return;
    }
    if (wasInvalid) this.status.textContent = '';
    const alarm = read.alarm;
    if (!sameAlarm(alarm, this.doc.current.alarm)) this.doc.change({ alarm }, STEP.alarm, { kind: 'alarm' });
  }

  // What to write in a field that holds no valid value, by its label (in the page's language).
  invalidText(field) {
    // M and N say what they are in their accessible names; the others in their label's text.
    const input = this.form.elements[FIELDS[field]];
    const label = input?.getAttribute('aria-label') || input?.closest('label')?.querySelector('span')?.textContent || field;
    return t(field === 'threshold' ? 'page.alarm.invalid-number' : 'page.alarm.invalid-whole', { field: label, max: MAX_ALARM_COUNT });
  }

  show(alarm) {
    const now = this.fromForm();
    if (now && sameAlarm(now, alarm)) return;
    const f = this.form.elements;
    for (const [name, field] of Object.entries(FIELDS)) f[field].value = String(alarm[name]);
  }

  settings() {
    return { ...this.doc.current.alarm, ...metricSettings(this.metric()) };
  }

  run() {
    if (this.formInvalid) return;  // the status says which field
    const files = this.files();
    if (!files.length) {
      this.status.textContent = t('page.alarm.open-files-first');
      return;
    }
    const settings = this.settings();
    this.id = this.nextId++;
    // What the chart and the lists of its periods are for.
    this.ran = { pattern: this.pattern(), settings, files, periodMs: settings.period * 1000 };
    this.status.textContent = t('page.alarm.replaying');
    this.shown = null;
    this.listedShown = null;
    this.periodBox.replaceChildren();
    document.documentElement.dataset.alarm = 'running';
    this.replay(this.id, { pattern: this.ran.pattern, settings, files });
  }

  // A bar chosen: the replay again, keeping that period's events.
  list(point) {
    const { pattern, settings, files, periodMs } = this.ran;
    this.listId = this.nextId++;
    this.listPoint = point;
    document.documentElement.dataset.alarmPeriod = 'listing';
    this.periodBox.replaceChildren();
    this.listedShown = null;
    this.periodBox.textContent = t('page.alarm.listing', { time: point.timestamp });
    this.replay(this.listId, { pattern, files,
      settings: { ...settings, listFrom: point.start, listTo: point.start + periodMs, listMax: LIST_MAX } });
  }

  // The files through the engine's AlarmScan (alarm-scan.js): received() gets
  // { id, result } or { id, error }, id saying which replay it answers.
  replay(id, request) {
    this.engine.ask('alarm-scan', { ...request, lang: language() }).then(
      (result) => this.received({ id, result }),
      (err) => this.received({ id, error: err.message }));
  }

  received(m) {
    if (m.id === this.listId) {
      this.listed(m);
      return;
    }
    if (m.id !== this.id) return;
    this.shown = m;
    document.documentElement.dataset.alarm = m.error ? 'failed' : 'done';
    if (m.error) {
      this.status.textContent = t('page.alarm.failed', { message: m.error });
      this.chart.replaceChildren();
      return;
    }
    const r = m.result;
    const n = r.alarms.length;
    this.status.textContent = t(n === 0 ? 'page.alarm.result.never' : n === 1 ? 'page.alarm.result.one' : 'page.alarm.result.other', {
      matched: r.matched, periods: r.datapoints.length, count: n,
      without: r.eventsWithoutTime ? t('page.alarm.without-time', { count: r.eventsWithoutTime }) : '',
    });
    drawAlarmChart(this.chart, r, this.ran.settings.threshold, { periodMs: this.ran.periodMs, onBar: (p) => this.list(p) });
  }

  listed(m) {
    this.listedShown = m;
    document.documentElement.dataset.alarmPeriod = m.error ? 'failed' : 'done';
    if (m.error) {
      this.periodBox.textContent = t('page.alarm.list-failed', { message: m.error });
      return;
    }
    const { pattern, files, periodMs } = this.ran;
    drawPeriodEvents(this.periodBox, {
      point: this.listPoint,
      endText: isoSeconds(this.listPoint.start + periodMs),
      result: m.result,
      fileName: (source) => (files[source] ? files[source].name : ''),
      explain: (message, file) => this.explain(pattern, message, file),
    });
  }
}
