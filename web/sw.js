// The service worker: keeps a copy of the page so that it opens and works
// with no network after the first visit. It serves only this site's own
// files, from a cache named after the build (a hash of every served file,
// filled in by scripts/build-web.sh), so that a new release installs next to
// the old one and the page can offer "new version — reload" (sw-register.js).
// It never caches or sees anything the user types: the page sends nothing.
//
// Off switch (docs/hosting.md): CWLF_SERVICE_WORKER=off scripts/build-web.sh
// builds this worker with ENABLED false. Browsers check sw.js on every visit,
// so on the next one it replaces the caching worker at once, deletes the
// caches, unregisters itself and reloads the page from the server.
/* eslint-env serviceworker */
'use strict';

const VERSION = '__CWLF_BUILD__';
const FILES = ['./', ...__CWLF_FILES__];
const CACHE = `cwlf-${VERSION}`;
const ENABLED = __CWLF_SW_ENABLED__;

if (!ENABLED) {
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => {
    event.waitUntil(caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('cwlf-')).map((n) => caches.delete(n))))
      .then(() => self.registration.unregister())
      .then(() => self.clients.matchAll({ type: 'window' }))
      .then((clients) => Promise.all(clients.map((c) => c.navigate(c.url).catch(() => {})))));
  });
}

if (ENABLED) self.addEventListener('install', (event) => {
  // Revalidate with the server (not the HTTP cache), so that the copy is
  // this build's files. A new version waits until the page says to take over.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })))));
});

if (ENABLED) self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('cwlf-') && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'cwlf:activate') self.skipWaiting();
});

if (ENABLED) self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    if (request.mode === 'navigate') {
      // The page itself (this folder, or its index.html) is the cached copy;
      // any other address is not a page of this site: 404. (Serving
      // index.html there made its relative assets 404 and the page hang on
      // "Loading the engine…".)
      const scope = new URL(self.registration.scope).pathname;
      const path = new URL(request.url).pathname;
      if (path === scope || path === `${scope}index.html`) return await cache.match('./') || fetch(request);
      return new Response('Not found: this address is not a page of cwlf.\n', {
        status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    return fetch(request);
  }));
});
