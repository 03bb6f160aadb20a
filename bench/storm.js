'use strict';
// Step 4: the 401 storm in a real browser against the real mock API. The bench entry
// (bench/storm/main.ts) runs the app's own providers; Playwright counts what goes over the wire.
//
// Two ways a token is expired when 50 requests leave at once:
// - only the server knows: the page's clock stands still while real time runs past the token's `exp`,
//   so the app still believes its token is good, sends it 50 times and meets 50 real 401s
//   (`token_expired`); the interceptor must refresh once and replay each request once.
// - the page knows too: its clock jumps past `exp` (a laptop waking from sleep); the app must refresh
//   once before sending, and no request should meet a 401.

const { startApi, sleep } = require('./api-process');
const { startServer } = require('./serve');
const { findBrowser, CHROME_FLAGS } = require('./browser-flags');
const { DEMO_USER } = require('./lighthouse');

const COUNT = 50;
const VALID_ROUNDS = 5;
// Longer than the app's refresh margin (60 s by default) so the expiry timer is not yet due when
// the storm fires: the refresh we count must be the interceptor's, not the timer's.
const ACCESS_TOKEN_TTL_SECONDS = 90;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Watches the page's traffic with the network stack's own timings (wall clock, not the page's). */
function trafficRecorder(page) {
  const events = [];
  const record = async (request) => {
    const response = await request.response().catch(() => null);
    const { pathname } = new URL(request.url());
    const timing = request.timing();
    events.push({
      pathname,
      status: response?.status() ?? 0,
      start: timing.startTime,
      end: timing.startTime + Math.max(timing.responseEnd, 0),
    });
  };
  page.on('requestfinished', record);
  page.on('requestfailed', record);
  return {
    /** Playwright reports finished requests a little later; waits until the count stops growing. */
    async settle() {
      for (let i = 0, seen = -1; i < 20 && seen !== events.length; i++) {
        seen = events.length;
        await sleep(250);
      }
    },
    /** What went over the wire from `from` (epoch ms) on, with times relative to it. */
    since(from) {
      const slice = events.filter((e) => e.start >= from);
      const api = slice.filter((e) => e.pathname.startsWith('/api/'));
      const refreshes = slice.filter((e) => e.pathname === '/auth/refresh');
      const unauthorized = api.filter((e) => e.status === 401);
      const last = (list) => Math.max(...list.map((e) => e.end - from));
      return {
        refreshCalls: refreshes.length,
        apiRequests: api.length,
        api401s: unauthorized.length,
        timeline: {
          last401Ms: unauthorized.length ? last(unauthorized) : undefined,
          refreshStartMs: refreshes.length ? refreshes[0].start - from : undefined,
          refreshEndMs: refreshes.length ? refreshes[0].end - from : undefined,
          lastApiMs: api.length ? last(api) : undefined,
        },
      };
    },
  };
}

async function timedStorm(page, traffic) {
  const from = Date.now();
  const started = performance.now();
  const statuses = await page.evaluate((n) => window.tokengateBench.storm(n), COUNT);
  const ms = performance.now() - started;
  await traffic.settle();
  return {
    ms,
    succeeded: statuses.filter((s) => s >= 200 && s < 300).length,
    ...traffic.since(from),
  };
}

/** `harnessDir`: the built bench/storm entry (see build.js). */
async function measureStorm({ harnessDir, log = console.log }) {
  const cleanups = [];
  try {
    const api = await startApi({ env: { ACCESS_TOKEN_TTL: `${ACCESS_TOKEN_TTL_SECONDS}s` } });
    cleanups.push(api.stop);
    const server = await startServer({ sites: { '/__storm/': harnessDir }, apiTarget: api });
    cleanups.push(server.close);

    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({
      executablePath: findBrowser(),
      args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')),
      headless: true,
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    page.setDefaultTimeout(20000);
    const traffic = trafficRecorder(page);
    const pageNow = () => page.evaluate(() => Date.now());

    await page.clock.install();
    await page.goto(`${server.url}/__storm/`);
    await page.waitForFunction(() => window.tokengateBench !== undefined);
    const signedIn = await page.evaluate(
      ({ email, password }) => window.tokengateBench.signIn(email, password),
      DEMO_USER,
    );
    if (!signedIn) throw new Error('the app did not report a session after signing in');
    const tokenExpiry = () => page.evaluate(() => window.tokengateBench.tokenExpiry());
    await timedStorm(page, traffic); // warm-up: connections, JIT and the first code paths

    // Only the server knows: the page's clock stands still while real time passes `exp`.
    await page.clock.pauseAt((await pageNow()) + 1000);
    const exp = await tokenExpiry();
    if (!exp) throw new Error('the app holds no access token after signing in');
    const waitMs = (exp + 1) * 1000 - Date.now();
    if (waitMs > (ACCESS_TOKEN_TTL_SECONDS + 30) * 1000) {
      throw new Error('the access token lives longer than the bench asked the API for');
    }
    log(
      `401 storm: page clock paused, waiting ${Math.ceil(waitMs / 1000)} s for the token to expire...`,
    );
    await sleep(Math.max(0, waitMs));
    await page.clock.resume();
    const serverExpired = await timedStorm(page, traffic);

    log(`401 storm: ${VALID_ROUNDS} rounds of ${COUNT} requests with a valid token...`);
    const valid = [];
    for (let i = 0; i < VALID_ROUNDS; i++) valid.push(await timedStorm(page, traffic));

    // The page knows: its clock jumps past `exp` at once, as when a sleeping laptop wakes up.
    await page.clock.setSystemTime((await pageNow()) + (ACCESS_TOKEN_TTL_SECONDS + 5) * 1000);
    const clientExpired = await timedStorm(page, traffic);

    const validMedian = median(valid.map((r) => r.ms));
    const withAdded = (r) => ({ ...r, addedMs: r.ms - validMedian });
    return {
      ok: true,
      count: COUNT,
      ttlSeconds: ACCESS_TOKEN_TTL_SECONDS,
      valid: {
        medianMs: validMedian,
        minMs: Math.min(...valid.map((r) => r.ms)),
        maxMs: Math.max(...valid.map((r) => r.ms)),
        succeeded: Math.min(...valid.map((r) => r.succeeded)),
        refreshCalls: valid.reduce((t, r) => t + r.refreshCalls, 0),
        api401s: valid.reduce((t, r) => t + r.api401s, 0),
        apiRequests: Math.max(...valid.map((r) => r.apiRequests)),
        rounds: valid.length,
      },
      serverExpired: withAdded(serverExpired),
      clientExpired: withAdded(clientExpired),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

module.exports = { measureStorm };
