// "Exclude this principal": on the selected JSON event, asks the engine
// (core/exclusion.h, through the worker) to wrap the current pattern A as
// {(<selector> != <value>) && (A)}, puts that in the pattern box, and says
// which other identity types the new clause silently drops, with a one-click
// variant that keeps them. Text only, never HTML.
import { h } from './render.js';
import { t } from './i18n.js';

export class ExclusionTool {
  // button: "Exclude this principal"; byArn: checkbox (AssumedRole by ARN);
  // note: where the outcome is said; onRequest(index, byArn); onApply(pattern).
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
  update(result, selectedIndex) {
    const event = result.events[selectedIndex];
    const usable = result.pattern.ok && (result.pattern.family === 'json' || result.pattern.family === 'match-all') &&
      event && !event.error;
    this.index = usable ? selectedIndex : null;
    this.button.disabled = !usable;
  }

  // The engine's answer to a request (result.exclusion).
  received(x) {
    if (x.error) {
      this.say(x.error);
      return;
    }
    this.onApply(x.pattern);
    const keep = x.keepingPattern
      ? h('button', { type: 'button', class: 'fix' }, t('page.exclusion.keep-others'))
      : null;
    if (keep) {
      keep.addEventListener('click', () => {
        this.onApply(x.keepingPattern);
        this.say(t('page.exclusion.kept', { type: x.identityType, value: x.value, selector: x.selector }));
      });
    }
    this.say(t('page.exclusion.done', { type: x.identityType || t('page.exclusion.principal'), value: x.value, selector: x.selector, drops: x.drops }), keep);
  }

  say(text, ...extra) {
    this.note.replaceChildren(h('p', {}, text), ...extra.filter(Boolean));
    this.note.hidden = false;
  }

  clear() {
    this.note.hidden = true;
    this.note.replaceChildren();
  }
}
