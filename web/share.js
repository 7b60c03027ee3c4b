// The "Share & save" card: the Share button (a link holding the whole test,
// see share-link.js), Download / Open of the test as a .json file (see
// suite-file.js, also by drag-and-drop), and what to do when a link is too
// long for chat tools. Opening a link or a file that cannot be read says why
// and leaves what is on screen untouched.
//
// Nothing here makes a network request: links are made and read in this
// tab, files are read from disk and saved with a blob: URL.
import { decodeFragment, encodeFragment, isShareFragment } from './share-link.js';
import { makeSuite, parseSuite, suiteToJson } from './suite-file.js';
import { STEP } from './steps.js';
import { sentence } from './render.js';
import { formatNumber, t } from './i18n.js';

// Chat tools and some mail clients cut longer messages.
export const LONG_LINK = 2000;

const $ = (id) => document.getElementById(id);

// app: { snapshot() -> { pattern, events, expectations: Map, selected },
//        open(test, label) -> void  (puts a test in the boxes and runs it: one
//        step of the document's history, so Undo brings back what was there) }
export function initSharing(app, { shorten = null } = {}) {
  const panel = $('share-panel');
  const linkBox = $('share-link');
  const length = $('share-length');
  const long = $('share-long');
  const status = $('share-status');

  function say(text, kind = 'info') {
    status.replaceChildren(sentence(text));  // `code` shown as code, never raw backticks
    status.className = `share-status share-${kind}`;
    status.hidden = text === '';
  }

  async function makeLink() {
    const suite = makeSuite(app.snapshot());
    const fragment = await encodeFragment(suite);
    const base = location.href.replace(/#.*$/, '');
    return `${base}${fragment}`;
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      // No clipboard permission (or not a secure context): select the text so
      // that Ctrl+C copies it.
      linkBox.focus();
      linkBox.select();
      try {
        return document.execCommand('copy');
      } catch (__) {
        return false;
      }
    }
  }

  // note: what was just done, said before what happened to the link.
  async function share({ copyAnyway = false, note = '' } = {}) {
    const link = await makeLink();
    panel.hidden = false;
    linkBox.value = link;
    const n = formatNumber(link.length);
    const tooLong = link.length > LONG_LINK;
    length.textContent = tooLong ? t('page.share.too-long', { count: n, limit: formatNumber(LONG_LINK) }) : t('page.share.length', { count: n });
    length.className = tooLong ? 'share-length share-warn' : 'share-length';
    long.hidden = !tooLong;
    if (tooLong && !copyAnyway) {
      say(note ? t('page.share.still-too-long', { note }) : t('page.share.not-copied'), note ? 'ok' : 'info');
      return link;
    }
    const copied = await copy(link);
    say(copied ? t('page.share.copied', { note, count: n }) : t('page.share.select-and-copy'), copied ? 'ok' : 'info');
    return link;
  }

  function download() {
    const suite = makeSuite(app.snapshot());
    const blob = new Blob([suiteToJson(suite)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'cwlf-test.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(t('page.share.saved'), 'ok');
  }

  async function openFile(file) {
    let text;
    try {
      text = await file.text();
    } catch (err) {
      say(t('page.share.file-unreadable', { name: file.name, message: err.message }), 'error');
      return false;
    }
    const read = parseSuite(text);
    if (!read.ok) {
      say(t('page.share.file-bad', { name: file.name, message: read.message }), 'error');
      return false;
    }
    app.open(read.test, STEP.file(file.name));
    return true;
  }

  // Opens a share link's fragment; a broken one changes nothing on screen.
  async function openFragment(hash) {
    const read = await decodeFragment(hash);
    if (!read.ok) {
      say(t('page.share.link-bad', { message: read.message }), 'error');
      return false;
    }
    app.open(read.test, STEP.link);
    return true;
  }

  $('share').addEventListener('click', () => { share(); });
  $('share-copy-anyway').addEventListener('click', () => { share({ copyAnyway: true }); });
  for (const id of ['download', 'share-download']) $(id).addEventListener('click', download);
  $('open-file').addEventListener('click', () => $('open-input').click());
  $('open-input').addEventListener('change', async (e) => {
    const [file] = e.target.files;
    if (file) await openFile(file);
    e.target.value = '';
  });
  if (shorten) {
    for (const [id, how] of [['share-redact', 'redact'], ['share-keep', 'keep']]) {
      $(id).addEventListener('click', async () => {
        const outcome = await shorten(how);
        if (outcome.ok) await share({ note: `${outcome.message} ` });
        else say(outcome.message, 'error');
      });
    }
  }

  // A file dropped anywhere on the page: a cwlf test is opened; anything
  // else is refused (rather than letting the browser navigate away from
  // the page and lose what is on it). Another handler may take it first.
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    if (e.defaultPrevented || !e.dataTransfer || e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });

  window.addEventListener('hashchange', () => {
    if (isShareFragment(location.hash)) openFragment(location.hash);
  });

  return { openFragment, share, download, say };
}
