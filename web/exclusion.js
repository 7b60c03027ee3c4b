// "Exclude this principal": on the selected JSON event, asks the engine
// (core/exclusion.h, through the worker) to wrap the current pattern A as
// {(<selector> != <value>) && (A)}, puts that in the pattern box, and says
// that other identity types are kept, and the verdicts before and after.
// Text only, never HTML.
import { h, sentence } from './render.js';
import { STEP } from './steps.js';
import { t } from './i18n.js';

// "AssumedRole cm-policymaintainer": the identity type (else "principal") and the value.
function principal(x) {
  return `${x.identityType || t('page.exclusion.principal')} ${x.value}`;
}

export class ExclusionTool {
  // button: "Exclude this principal"; byArn: checkbox (AssumedRole by ARN);
  // note: where the outcome is said; onRequest(index, byArn); onApply(pattern, label).
  constructor({ button, byArn, note, onRequest, onApply }) {
    this.button = button;
    this.byArn = byArn;
    this.note = note;
    this.onApply = onApply;
    this.index = null;
    this.button.addEventListener('click', () => {
      if (this.index !== null) onRequest(this.index, this.byArn.checked);
    });
  }

  // Enabled for a valid JSON (or empty) pattern and a selected event without error.
  update(result, selectedIndex, pattern) {
    // The verdicts after the exclusion, once the engine has tested it.
    if (this.before && this.after === null && pattern === this.before.pattern && result.pattern.ok) {
      this.after = result.counts.matched;
      this.drawNote(this.x);
    }
    const event = result.events[selectedIndex];
    const usable = result.pattern.ok && (result.pattern.family === 'json' || result.pattern.family === 'match-all') &&
      event && !event.error;
    this.index = usable ? selectedIndex : null;
    this.button.disabled = !usable;
  }

  // The engine's answer to a request (result.exclusion), with the result it
  // came with (the verdicts before the exclusion). The form applied keeps
  // every other identity type (`… || <selector> NOT EXISTS`): the plain
  // `<selector> != …` would silently drop IAM users', root's and services'
  // events, the trap the page warns about.
  received(x, result) {
    if (x.error) {
      this.say(x.error);
      return;
    }
    const pattern = x.keepingPattern || x.pattern;
    this.onApply(pattern, STEP.exclusion(principal(x)));
    this.before = { pattern, matched: result.counts.matched, total: result.events.length };
    this.after = null;
    this.drawNote(x);
    this.x = x;
  }

  // The page's language changed: the note is said again in it.
  redraw() {
    if (this.before && this.x && !this.note.hidden) this.drawNote(this.x);
  }

  drawNote(x) {
    const who = principal(x);
    const kept = x.keepingPattern
      ? t('page.exclusion.others-kept', { selector: x.selector })
      : t('page.exclusion.by-type');
    const verdicts = this.before && this.after !== null
      ? t('page.exclusion.before-after', { before: this.before.matched, total: this.before.total, after: this.after })
      : '';
    this.note.replaceChildren(h('p', {}, sentence(t('page.exclusion.excluded', { who, kept }))), verdicts ? h('p', {}, verdicts) : '');
    this.note.hidden = false;
  }

  say(text, ...extra) {
    this.note.replaceChildren(h('p', {}, sentence(text)), ...extra.filter(Boolean));
    this.note.hidden = false;
  }

  clear() {
    this.before = null;
    this.x = null;
    this.note.hidden = true;
    this.note.replaceChildren();
  }
}
