// The "Copy as…" panel: the current pattern (and the metric settings of the
// Metric filter panel) as an AWS CLI command, CloudFormation, Terraform or
// CDK, built by export.js, or as Athena / DuckDB SQL, written by the engine in
// its worker (engine.js). Copying uses the clipboard API: nothing is sent.
import { Engine } from './engine.js';
import { FORMATS, sqlText } from './export.js';
import { ALARM_FORMATS } from './export-alarm.js';
import { t } from './i18n.js';

export class ExportPanel {
  // root: the <details>; current(): { pattern, metric, messages }.
  constructor({ root, current }) {
    this.root = root;
    this.current = current;
    this.format = root.querySelector('[name="export-format"]');
    this.logGroup = root.querySelector('[name="export-log-group"]');
    this.metricName = root.querySelector('[name="export-metric-name"]');
    this.output = root.querySelector('.export-output');
    this.status = root.querySelector('.export-status');
    root.addEventListener('input', () => this.update());
    root.addEventListener('toggle', () => this.update());
    root.querySelector('.export-copy').addEventListener('click', () => this.copy());
    // Formats the page's markup does not list yet (the SQL ones) join the menu.
    const listed = new Set(Array.from(this.format.options, (o) => o.value));
    for (const [value, format] of Object.entries(FORMATS)) {
      if (listed.has(value)) continue;
      const option = document.createElement('option');
      option.value = value;
      option.textContent = format.label;
      this.format.append(option);
    }
    this.sqlAsked = 0;  // the newest SQL request; older answers are dropped
  }

  show(text) {
    if (this.output.textContent !== text) this.output.textContent = text;
  }

  // The engine writes SQL asynchronously; the panel shows the newest answer.
  async updateSql(pattern, dialect) {
    const asked = ++this.sqlAsked;
    const engine = Engine.current;
    let result = null;
    try {
      result = engine ? await engine.sql(pattern, dialect) : null;
    } catch (_) {
      result = null;
    }
    if (asked === this.sqlAsked && this.root.open) this.show(sqlText(result));
  }

  update() {
    if (!this.root.open) return;
    const { pattern, metric, messages } = this.current();
    const format = FORMATS[this.format.value] || ALARM_FORMATS[this.format.value] || FORMATS['aws-cli'];
    this.status.textContent = '';
    if (format.dialect) return this.updateSql(pattern, format.dialect);
    this.sqlAsked++;
    const options = {
      logGroupName: this.logGroup.value.trim(),
      metricName: this.metricName.value.trim(),
      metricValue: metric ? metric.value : '1',
      defaultValue: metric ? metric.defaultValue : '',
      dimensions: metric ? metric.dimensions.filter(([k, v]) => k && v) : [],
      messages,
    };
    this.show(format.make(pattern, options));
    return Promise.resolve();
  }

  async copy() {
    await this.update();
    try {
      await navigator.clipboard.writeText(this.output.textContent);
      this.status.textContent = t('page.export.copied');
    } catch (_) {
      // No clipboard permission (e.g. an insecure context): select it for Ctrl+C.
      const range = document.createRange();
      range.selectNodeContents(this.output);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      this.status.textContent = t('page.export.selected');
    }
  }
}
