// What each step of the test document's history says it did (history-bar.js
// shows it with Undo), and what the events header says of AWS tool output
// unwrapped by the engine (core/workbench/unwrap_aws.cc). Visible strings,
// in one place, to be translated.
import { t } from './i18n.js';

export const STEP = {
  typedPattern: 'Typed in the pattern',
  typedEvents: 'Typed in the events',
  compare: 'Typed in the other pattern',
  loaded: 'Opened a test',
  example: 'Loaded the example',
  cleared: 'Cleared the pattern, the events and the expectations',
  restored: 'Your work from the last visit, kept in this browser, is back. Turn off “Keep my work in this browser” on a shared machine.',
  gallery: (title) => `Opened the example “${title}”`,
  fix: (label) => `Applied the fix “${label}”`,
  explainFile: (file) => (file ? `Opened a matching event of ${file}` : 'Opened a matching event of the files'),
  link: 'Opened the test from the link',
  file: (name) => `Opened ${name}`,
  exclusion: (what) => `Excluded ${what}`,
  // (read when the step is made: in the page's language then)
  get alarm() { return t('page.step.alarm'); },
};

// A sentence under the events header for pastes that were unwrapped, or ''.
const SOURCE_NOTES = {
  'aws-lookup-events': 'Read from `aws cloudtrail lookup-events` output: each CloudTrailEvent string is one event, as CloudTrail delivers it to CloudWatch Logs.',
  'aws-log-events': 'Read from `aws logs filter-log-events` / `get-log-events` output: each event’s message is tested.',
  eventbridge: 'Read from EventBridge events: a metric filter on a CloudTrail log group sees the CloudTrail record (the event’s "detail"), not the EventBridge envelope, so that is what is tested.',
  'logs-insights': 'Read from a CloudWatch Logs Insights export: each row’s @message is tested.',
  get 'logs-insights-csv'() { return t('page.source.logs-insights-csv'); },
};

export function sourceNote(format) {
  return SOURCE_NOTES[format] || '';
}
