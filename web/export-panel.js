// The "Copy as…" panel: the current pattern (and the metric settings of the
// Metric filter panel) as an AWS CLI command, CloudFormation, Terraform or
// CDK, built by export.js. Copying uses the clipboard API: nothing is sent.
import { FORMATS } from './export.js';
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
  }

  update() {
    if (!this.root.open) return;
    const { pattern, metric, messages } = this.current();
    const format = FORMATS[this.format.value] || FORMATS['aws-cli'];
    const options = {
      logGroupName: this.logGroup.value.trim(),
      metricName: this.metricName.value.trim(),
      metricValue: metric ? metric.value : '1',
      defaultValue: metric ? metric.defaultValue : '',
      dimensions: metric ? metric.dimensions.filter(([k, v]) => k && v) : [],
      messages,
    };
    const text = format.make(pattern, options);
    if (this.output.textContent !== text) this.output.textContent = text;
    this.status.textContent = '';
  }

  async copy() {
    this.update();
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
