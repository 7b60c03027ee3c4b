// What each step of the test document's history says it did (history-bar.js
// shows it with Undo), and what the events header says of AWS tool output
// unwrapped by the engine (core/workbench/unwrap_aws.cc). In the page's
// language at the time of the step (i18n.js): a step keeps the words it was
// said with.
import { t } from './i18n.js';
import { catalogues } from './messages.js';

export const STEP = {
  get typedPattern() { return t('page.step.typed-pattern'); },
  get typedEvents() { return t('page.step.typed-events'); },
  get compare() { return t('page.step.typed-compare'); },
  get loaded() { return t('page.step.loaded'); },
  get example() { return t('page.step.example'); },
  get cleared() { return t('page.step.cleared'); },
  get restored() { return t('page.step.restored'); },
  gallery: (title) => t('page.step.gallery', { title }),
  fix: (label) => t('page.step.fix', { label }),
  explainFile: (file) => (file ? t('page.step.explain-file', { file }) : t('page.step.explain-files')),
  get link() { return t('page.step.link'); },
  file: (name) => t('page.step.file', { name }),
  exclusion: (what) => t('page.step.exclusion', { what }),
  get alarm() { return t('page.step.alarm'); },
};

// Typing steps are not announced (the typing is on screen): true for their
// labels in any language (the language may have changed since).
const TYPING = ['page.step.typed-pattern', 'page.step.typed-events', 'page.step.typed-compare'];
export function isTypingStep(label) {
  return Object.values(catalogues).some((sentences) => TYPING.some((id) => sentences[id] === label));
}

// A sentence under the events header for pastes that were unwrapped, or ''.
const SOURCE_NOTES = {
  get 'aws-lookup-events'() { return t('page.source.aws-lookup-events'); },
  get 'aws-log-events'() { return t('page.source.aws-log-events'); },
  get eventbridge() { return t('page.source.eventbridge'); },
  get 'logs-insights'() { return t('page.source.logs-insights'); },
  get 'logs-insights-csv'() { return t('page.source.logs-insights-csv'); },
};

export function sourceNote(format) {
  return SOURCE_NOTES[format] || '';
}
