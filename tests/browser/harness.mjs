// Shared set-up of the browser tests: ./serve.sh on a free port, Debian's
// Chromium driven by playwright-core (no browser is ever downloaded), and a
// recorder of every network request a page makes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const outputDir = `${root}tests/output/`;

export const seedPattern = readFileSync(`${root}tests/data/seed/pattern.txt`, 'utf8').replace(/\r?\n$/, '');
export const seedText = readFileSync(`${root}tests/data/seed/events.txt`, 'utf8');
// The four pretty-printed events of the seed, one string each.
export const seedEvents = seedText.trim().split(/\n\s*\n(?=\{)/);

const CHROMIUM = process.env.CWLF_CHROMIUM || '/usr/bin/chromium';

// Starts `./serve.sh --port 0` (it builds dist/ if needed, then prints the
// URL) in its own process group, so that stop() ends the server and anything
// the script started.
export async function startServer() {
  const child = spawn(`${root}serve.sh`, ['--port', '0'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.sh printed no URL within 240 s:\n${log}`)), 240_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /https?:\/\/[^\s]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.sh exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch (_) {
        // already gone
      }
    },
  };
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium, or set CWLF_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
  });
}

// A page with every request recorded, and the page's own errors collected.
// `requests` entries: { url, at } where `at` is Date.now() when it was made.
// `locale`: the browser's language (the page follows navigator.languages; the
// tests' accessible names are English).
export async function openPage(browser, server, { width = 1280, height = 800, colorScheme = 'light', locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, locale });
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push({ url: request.url(), at: Date.now() }));
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  return { context, page, requests, errors };
}

// Navigates and waits for the first result to be drawn; returns the time from
// navigation start to it, as the page measured it (performance.now()).
export async function loadPage(page, server) {
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  // Loading includes filling the offline copy (the service worker's requests, sw-register.js).
  await page.waitForSelector('html[data-offline]', { timeout: 30_000 });
  const timing = await page.evaluate(() => {
    const at = (name) => {
      const mark = performance.getEntriesByName(name)[0];
      return mark ? mark.startTime : null;
    };
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      engineReady: at('cwlf:engine-ready'),
      firstResult: at('cwlf:first-result'),
    };
  });
  return { firstResultMs: timing.firstResult, timing, loadedAt: Date.now() };
}

// The page's main controls, by their accessible names (what a screen reader
// user would find), and the moment the results on screen match the inputs.
export const patternBox = (page) => page.getByRole('textbox', { name: 'Filter pattern' });
export const eventsBox = (page) => page.getByRole('textbox', { name: 'Log events' });
export const results = (page) => page.getByRole('region', { name: 'Results' });

export async function settled(page) {
  await page.waitForSelector('html[data-results="current"]', { timeout: 15_000 });
}

// ./serve.sh and Chromium for a whole test file: started before the file's
// tests, stopped after them. The returned object is filled in by then:
// { server, browser }; tests open their own pages (openPage, loadPage).
// `ready(env)`: more set-up, in the same before hook (top-level hooks of
// node:test do not wait for one another).
export function useBrowser(ready = async () => {}) {
  const env = {};
  before(async () => {
    mkdirSync(outputDir, { recursive: true });
    env.server = await startServer();
    env.browser = await launchBrowser();
    await ready(env);
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) env.server.stop();
  });
  return env;
}

// One loaded page of the served site for a whole test file (useBrowser, then
// openPage with these options and loadPage). The returned object is filled in
// by then: { page, context, requests, errors, server, browser }.
export function useLoadedPage(options) {
  return useBrowser(async (session) => {
    Object.assign(session, await openPage(session.browser, session.server, options));
    await loadPage(session.page, session.server);
  });
}

// The verdict of each listed event ('match', 'no-match', …) once the results are current.
export async function verdictsOf(page) {
  await settled(page);
  return results(page).getByRole('option').evaluateAll((els) => els.map((el) => el.dataset.verdict));
}

// Selects event n (from 1) in the results and waits for its explanation.
export async function selectEvent(page, n) {
  await results(page).getByRole('option').nth(n - 1).click();
  await settled(page);
}

// Marks event n (from 1) "should match" ('match') or "should not match".
export async function markExpectation(page, n, which) {
  await selectEvent(page, n);
  await page.getByRole('group', { name: 'Expected verdict of this event' })
    .getByRole('button', { name: which === 'match' ? 'Should match' : 'Should not match' }).click();
  await settled(page);
}
