// The events of one period of the alarm's chart (a bar clicked): the first
// LIST_MAX matching events, each with the file it came from and an "Explain"
// button that puts it in the boxes above with the pattern (one undoable step
// of the test document, as the files panel's "Explain"), and how many more the
// period holds. Text only, never HTML.
import { count, h } from './render.js';
import { t } from './i18n.js';

// Events listed per period; the rest are counted.
export const LIST_MAX = 50;

// A CloudTrail record's one-line summary; the message's start otherwise.
export function eventLine(message) {
  try {
    const r = JSON.parse(message);
    if (r && typeof r === 'object' && typeof r.eventName === 'string') {
      const who = r.userIdentity && typeof r.userIdentity === 'object' ? r.userIdentity : {};
      const name = typeof who.userName === 'string' ? who.userName
        : typeof who.arn === 'string' ? who.arn.slice(who.arn.lastIndexOf('/') + 1) : '';
      return [r.eventName, typeof who.type === 'string' ? who.type : '', name, typeof r.eventTime === 'string' ? r.eventTime : '']
        .filter(Boolean).join(' · ');
    }
  } catch (_) { /* not JSON: its start */ }
  return message.slice(0, 100);
}

// box: where the list goes; point: the period ({ timestamp, count }); end:
// its end as text; result: { listed: [{ message, source }], listedTotal };
// fileName(source) -> the file's name; explain(message, fileName).
export function drawPeriodEvents(box, { point, endText, result, fileName, explain }) {
  const items = result.listed.map((e) => {
    const file = fileName(e.source);
    const button = h('button', { type: 'button', class: 'ghost' }, t('page.files.explain'));
    button.addEventListener('click', () => explain(e.message, file));
    return h('li', {}, h('span', { class: 'files-where' }, file), ' ', eventLine(e.message), ' ', button);
  });
  const rest = result.listedTotal - result.listed.length;
  box.replaceChildren(...[
    h('h3', { class: 'alarm-period-heading', tabindex: -1 },
      t('page.alarm.period-heading', { from: point.timestamp, to: endText, count: count(result.listedTotal) })),
    h('ul', { class: 'alarm-period-events', 'aria-label': t('page.alarm.period-list', { from: point.timestamp }) }, items),
    rest > 0 ? h('p', {}, t('page.alarm.more', { count: count(rest) })) : null,
  ].filter(Boolean));
}
