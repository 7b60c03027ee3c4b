// Offline use: registers the service worker (sw.js) so that the page opens
// with no network after the first visit, and offers "new version — reload"
// when a new release has been installed in the background. Reloading keeps
// what is on screen: the test is put in the address's fragment (a share
// link's, see share-link.js) and reopened from there.
//
// <html data-offline> tells tests and curious users where this stands:
//   "ready"        the page is cached for offline use
//   "off"          switched off by the site (docs/hosting.md); any earlier copy was removed
//   "unavailable"  not possible here (opened from file://, or no service worker support)
//   "failed"       registration failed (the page works; just not offline)
import { encodeFragment } from './share-link.js';
import { makeSuite } from './suite-file.js';
import { t } from './i18n.js';

// Tests this large are not carried across the reload in the address (some
// browsers refuse very long addresses); the prompt says to download first.
const MAX_CARRIED = 1_500_000;

function mark(state) {
  document.documentElement.dataset.offline = state;
}

async function switchOff() {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((r) => r.unregister()));
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith('cwlf-')).map((n) => caches.delete(n)));
}

// snapshot(): the test on screen ({ pattern, events, expectations, selected }).
export async function startOffline({ snapshot }) {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) {
    mark('unavailable');
    return;
  }
  const setting = document.querySelector('meta[name="cwlf-service-worker"]');
  if (setting && setting.content === 'off') {
    try {
      await switchOff();
    } finally {
      mark('off');
    }
    return;
  }
  let registration;
  try {
    registration = await navigator.serviceWorker.register('sw.js');
  } catch (_) {
    mark('failed');
    return;
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  const offer = (worker) => showUpdatePrompt(worker, snapshot);
  if (registration.waiting && hadController) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
  await navigator.serviceWorker.ready;
  mark('ready');
}

let prompt = null;
function showUpdatePrompt(worker, snapshot) {
  if (prompt) prompt.remove();
  prompt = document.createElement('div');
  prompt.className = 'update-prompt';
  prompt.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = t('page.update.ready');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('page.update.reload');
  prompt.append(text, ' ', button);
  document.body.append(prompt);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const fragment = await encodeFragment(makeSuite(snapshot()));
    if (fragment.length > MAX_CARRIED) {
      text.textContent = t('page.update.too-large');
      button.disabled = false;
      return;
    }
    history.replaceState(null, '', fragment);
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage('cwlf:activate');
  });
}
