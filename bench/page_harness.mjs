// What the page benchmarks share (bench/page_*.mjs): ./serve.sh and Debian's
// Chromium started, one page at 1280x800 loaded until its first result, the
// benchmark run on it, and both stopped whatever happens. Built on the
// browser tests' harness (tests/browser/harness.mjs).
import { launchBrowser, loadPage, openPage, startServer } from '../tests/browser/harness.mjs';

// run(page) -> whatever it returns, with every main-thread task over 50 ms
// recorded in window.__long (PerformanceObserver 'longtask') from the start.
export async function withLoadedPage(run) {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, server);
    await loadPage(page, server);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    });
    return await run(page);
  } finally {
    await browser.close();
    server.stop();
  }
}
