// Big CloudTrail files: drop or pick .json, .jsonl and .json.gz files
// (CloudTrail's S3 objects), several at once. The engine worker reads them
// chunk by chunk (files-scan.js) with the current pattern; the page shows a
// progress bar, the matching events as they are found, a summary by
// eventName and by principal, and the explanation of any match on demand
// (it is put in the boxes above with the pattern). Text only, never HTML.
import { count, counted, h } from './render.js';
import { t } from './i18n.js';
import { fileRadarRows } from './radar.js';

const LIST_MAX = 200;

function formatBytes(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} KB`;
  return `${n} B`;
}

// Dropped files this panel reads: several files, .gz or .jsonl, a CloudTrail
// S3 object's name, or anything over 5 MB. A single small .json is left to
// share.js, which opens saved cwlf tests dropped on the page.
function looksLikeLogFiles(files) {
  return files.length > 1 || files.some((f) => /\.(gz|jsonl)$/i.test(f.name) || /_CloudTrail_/.test(f.name) || f.size > 5e6);
}

export class FilesTool {
  // engine: the Engine (its worker reads the files); dropTarget: where files
  // may be dropped; pattern(): the current pattern; explain(pattern, message, file).
  constructor({ engine, section, button, input, dropTarget, pattern, explain }) {
    this.engine = engine;
    this.section = section;
    this.pattern = pattern;
    this.explain = explain;
    this.files = [];
    this.nextId = 1;
    this.scanId = 0;
    this.progress = section.querySelector('progress');
    this.status = section.querySelector('.files-status');
    this.list = section.querySelector('.files-matches');
    this.summary = section.querySelector('.files-summary');
    this.perFile = section.querySelector('.files-each');
    this.rerun = section.querySelector('.files-rerun');
    engine.onScan = (message) => this.received(message);
    button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      if (input.files.length) this.start([...input.files]);
      input.value = '';
    });
    dropTarget.addEventListener('dragover', (e) => {
      if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
        e.preventDefault();
        dropTarget.classList.add('dropping');
      }
    });
    dropTarget.addEventListener('dragleave', () => dropTarget.classList.remove('dropping'));
    dropTarget.addEventListener('drop', (e) => {
      dropTarget.classList.remove('dropping');
      if (!e.dataTransfer || e.dataTransfer.files.length === 0 || !looksLikeLogFiles([...e.dataTransfer.files])) return;
      e.preventDefault();
      this.start([...e.dataTransfer.files]);
    });
    this.rerun.addEventListener('click', () => this.start(this.files));
  }

  start(files) {
    this.files = files;
    this.scanId = this.nextId++;
    this.shown = 0;
    this.pending = [];
    this.section.hidden = false;
    this.list.replaceChildren();
    this.summary.replaceChildren();
    this.perFile.replaceChildren();
    this.progress.value = 0;
    this.progress.max = 1;
    this.rerun.hidden = true;
    this.scannedPattern = this.pattern();
    this.status.textContent = t('page.files.reading', { files: counted(files.length, 'page.counts.files'), size: formatBytes(files.reduce((s, f) => s + f.size, 0)) });
    document.documentElement.dataset.files = 'reading';
    // keep: only the matches the list shows are sent (and kept) by the worker.
    this.engine.worker.postMessage({ type: 'scan', id: this.scanId, pattern: this.scannedPattern, files, keep: LIST_MAX });
  }

  received(m) {
    if (m.id !== this.scanId) return;
    this.progress.max = Math.max(m.total, 1);
    this.progress.value = m.bytes;
    const counts = t(m.errors ? 'page.files.counts-errors' : 'page.files.counts', { events: counted(m.events, 'page.counts.events'), matched: count(m.matched), errors: count(m.errors) });
    if (m.files) this.drawFiles(m.files, m.filesFrom || 0);
    this.addMatches(m.matches || []);
    if (m.type === 'scan-progress') {
      this.status.textContent = t('page.files.progress-status', { bytes: formatBytes(m.bytes), total: formatBytes(m.total), counts });
      return;
    }
    // scan-done
    document.documentElement.dataset.files = m.error ? 'failed' : 'done';
    this.rerun.hidden = false;
    if (m.error) {
      this.status.textContent = t('page.files.failed', { message: m.error });
      return;
    }
    this.progress.value = this.progress.max;
    const mbs = m.ms > 0 && m.inflated ? m.inflated / 1000 / m.ms : 0;
    const rate = mbs ? t('page.files.rate', { mbs: mbs < 10 ? mbs.toFixed(1) : Math.round(mbs) }) : '';
    this.status.textContent = t(m.matched > LIST_MAX ? 'page.files.done-listed' : 'page.files.done',
      { seconds: (m.ms / 1000).toFixed(1), rate, counts, listed: count(LIST_MAX) });
    this.drawSummary(m.summary);
  }

  // One line per file read so far: its events and matches, or why it could not
  // be read. `files` are the lines from number `from` on (the worker sends only
  // those that are new or were still being read): the others stay as drawn.
  drawFiles(files, from) {
    while (this.perFile.children.length > from) this.perFile.lastElementChild.remove();
    this.perFile.append(...files.map((f) => h('li', { class: f.error ? 'files-error' : '' },
      h('span', { class: 'files-where' }, f.name), ': ',
      f.error ? t('page.files.not-read', { message: f.error })
        : t('page.files.line', {
          events: counted(f.events, 'page.counts.events'), matched: count(f.matched),
          unreadable: f.errors ? t('page.files.unreadable', { count: count(f.errors) }) : '',
        }))));
  }

  addMatches(matches) {
    const items = [];
    for (const match of matches) {
      if (this.shown >= LIST_MAX) break;
      this.shown += 1;
      let title = match.message.slice(0, 100);
      try {
        const r = JSON.parse(match.message);
        if (r && typeof r.eventName === 'string') title = `${r.eventName} · ${r.eventTime || ''} · ${r.sourceIPAddress || ''}`;
      } catch (_) { /* plain text: its start */ }
      const button = h('button', { type: 'button', class: 'ghost' }, t('page.files.explain'));
      button.addEventListener('click', () => this.explain(this.scannedPattern, match.message, match.file));
      items.push(h('li', {}, h('span', { class: 'files-where' }, `${match.file} #${count(match.index + 1)}`), ' ', title, ' ', button));
    }
    if (items.length) this.list.append(...items);
  }

  // The engine counts the first summary.distinctLimit distinct names one by
  // one (bounded memory); matches with later new names are one last row.
  drawSummary(summary) {
    const table = (caption, what, rows, other) => {
      if (other) rows = [...rows, [t('page.files.other', { what, limit: count(summary.distinctLimit) }), other]];
      return h('table', {},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, what), h('th', { scope: 'col' }, t('page.files.matches-column')))),
        h('tbody', {}, rows.map(([name, n]) => h('tr', {}, h('td', {}, name), h('td', {}, count(n))))));
    };
    this.summary.replaceChildren(...fileRadarRows(summary),
      table(t('page.files.by-event-name'), 'eventName', summary.byEventName, summary.otherEventNames),
      table(t('page.files.by-principal'), t('page.files.principal'), summary.byPrincipal, summary.otherPrincipals));
  }
}
