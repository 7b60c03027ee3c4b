// What the events view for big pastes (big-events.js) says, in the page's
// language (messages/*.json, page.big.*).
import { t } from './i18n.js';

export const BIG_VIEW = {
  get toolbar() { return t('page.big.toolbar'); },
  size: (mb, lines) => t('page.big.size', { mb, lines }),
  get help() { return t('page.big.help'); },
  get paste() { return t('page.big.paste'); },
  get edit() { return t('page.big.edit'); },
  editNumber: (n) => t('page.big.edit-number', { n }),
  get clear() { return t('page.big.clear'); },
  get apply() { return t('page.big.apply'); },
  get cancel() { return t('page.big.cancel'); },
  editorLabel: (n) => t('page.big.editor-label', { n }),
  cut: (rest) => t('page.big.cut', { rest }),
  pasted: (chars) => t('page.big.pasted', { mb: (chars / 1e6).toFixed(1) }),
  edited: (n) => t('page.big.edited', { n }),
  get clearedEvents() { return t('page.big.cleared'); },
  notPasted: (why) => t('page.big.not-pasted', { why }),
  get clipboardRefused() { return t('page.big.clipboard-refused'); },
  get changedMeanwhile() { return t('page.big.changed-meanwhile'); },
};
