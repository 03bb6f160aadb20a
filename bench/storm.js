'use strict';
// Step 4: the 401 storm in a real browser against the real mock API. The bench entry
// (bench/storm/main.ts) runs the app's own providers; Playwright counts what goes over the wire.
//
// How the token expires: the page's clock is paused (as in a tab frozen by a sleeping laptop), so the
// app's expiry timer cannot refresh in advance, while real time runs past the token's `exp` on the
// server. When the clock resumes, the app still believes its token is good, sends 50 requests with
// it, and every one of them meets a real 401 `token_expired` from the API.

const path = require('node:path');
const { startApi, sleep } = require('./api-process');
const { runNg } = require('./bundle');
const { startServer } = require('./serve');
const { findBrowser, CHROME_FLAGS } = require('./browser-flags');
const { DEMO_USER } = require('./lighthouse');

const ROOT = path.resolve(__dirname, '..');
const HARNESS_DIR = path.join(ROOT, 'dist', 'bench-storm', 'browser');
const COUNT = 50;
const VALID_ROUNDS = 5;
// Longer than the app's refresh margin (60 s by default) so the expiry timer is not yet due when
// the storm fires: the refresh we count must be the interceptor's, not the timer's.
const ACCESS_TOKEN_TTL_SECONDS = 90;

function buildHarness() {
  return runNg([
    'build',
    '--configuration',
    'production',
    '--browser',
    'bench/storm/main.ts',
    '--ts-config',
    'bench/storm/tsconfig.json',
    '--index',
    'bench/storm/index.html',
    '--output-path',
    'dist/bench-storm',
    '--base-href',
    '/__storm/',
  ]);
}

function expOf(jwt) {
  const payload = JSON.parse(Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString());
  return Number(payload.exp);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Watches the page's traffic; `since(mark)` summarises what happened after a mark. */
function trafficRecorder(page) {
  const events = [];
  let latestExp = 0;
  page.on('response', async (response) => {
    const request = response.request();
    const { pathname } = new URL(request.url());
    events.push({ method: request.method(), pathname, status: response.status() });
    if (/^\/auth\/(login|refresh)$/.test(pathname) && response.ok()) {
      try {
        latestExp = Math.max(latestExp, expOf((await response.json()).accessToken));
      } catch {
        // a body we cannot read tells us nothing about expiry
      }
    }
  });
  return {
    mark: () => events.length,
    latestExp: () => latestExp,
    since(mark) {
      const slice = events.slice(mark);
      return {
        refreshCalls: slice.filter((e) => e.pathname === '/auth/refresh').length,
        apiRequests: slice.filter((e) => e.pathname.startsWith('/api/')).length,
        api401s: slice.filter((e) => e.pathname.startsWith('/api/') && e.status === 401).length,
      };
    },
  };
}

async function timedStorm(page, traffic) {
  const mark = traffic.mark();
  const started = performance.now();
  const statuses = await page.evaluate((n) => window.tokengateBench.storm(n), COUNT);
  const ms = performance.now() - started;
  // Responses are reported asynchronously; give the listener a moment to see the last ones.
  await sleep(200);
  return {
    ms,
    succeeded: statuses.filter((s) => s >= 200 && s < 300).length,
    ...traffic.since(mark),
  };
}

async function measureStorm({ log = console.log } = {}) {
  log('Building the 401-storm entry (bench/storm/main.ts with the app providers)...');
  const build = await buildHarness();
  if (build.code !== 0) {
    return { ok: false, error: `storm entry build failed:\n${build.output.trim().slice(-2000)}` };
  }

  const cleanups = [];
  try {
    const api = await startApi({ env: { ACCESS_TOKEN_TTL: `${ACCESS_TOKEN_TTL_SECONDS}s` } });
    cleanups.push(api.stop);
    const server = await startServer({ sites: { '/__storm/': HARNESS_DIR }, apiTarget: api });
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

    await page.clock.install();
    await page.goto(`${server.url}/__storm/`);
    await page.waitForFunction(() => window.tokengateBench !== undefined);
    const signedIn = await page.evaluate(
      ({ email, password }) => window.tokengateBench.signIn(email, password),
      DEMO_USER,
    );
    if (!signedIn) throw new Error('the app did not report a session after signing in');

    log(`401 storm: ${VALID_ROUNDS} rounds of ${COUNT} requests with a valid token...`);
    await timedStorm(page, traffic); // warm-up: connections, JIT and the first lazy code paths
    const valid = [];
    for (let i = 0; i < VALID_ROUNDS; i++) valid.push(await timedStorm(page, traffic));

    if (traffic.latestExp() === 0) {
      throw new Error('no access token came back from /auth/login, so there is nothing to expire');
    }
    const pausedAt = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(pausedAt + 1000);
    const waitMs = (traffic.latestExp() + 1) * 1000 - Date.now();
    if (waitMs > (ACCESS_TOKEN_TTL_SECONDS + 30) * 1000) {
      throw new Error('the access token lives longer than the bench asked the API for');
    }
    log(
      `401 storm: page clock paused, waiting ${Math.ceil(waitMs / 1000)} s for the token to expire...`,
    );
    await sleep(Math.max(0, waitMs));
    await page.clock.resume();
    const expired = await timedStorm(page, traffic);

    const validMedian = median(valid.map((r) => r.ms));
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
        rounds: valid.length,
      },
      expired,
      addedMs: expired.ms - validMedian,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

module.exports = { measureStorm };
