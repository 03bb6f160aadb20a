'use strict';
// Step 2: the first screen as Lighthouse scores it (its default mobile profile with simulated
// throttling), on the production build served like a deployment. /notes is measured signed in:
// Playwright signs in through the real login form in the same Chromium, then Lighthouse loads
// /notes with storage kept, exactly as a returning user would.

const { findBrowser, BROWSER_FLAGS } = require('../scripts/browser');

const CHROME_FLAGS = ['--headless=new', ...BROWSER_FLAGS];

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const DEMO_USER = { email: 'alice@example.com', password: 'alice-password-1' };

/** The one line of an audit's detail that says which element, request or message is at fault. */
function describeItem(item) {
  const text =
    item.description ??
    item.node?.snippet ??
    item.node?.nodeLabel ??
    item.source?.url ??
    item.url ??
    item.sourceLocation?.url ??
    '';
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').slice(0, 160) : '';
}

/** The LCP element and how its time splits (time to first byte, load and render delays). */
function lcpBreakdown(lhr) {
  const parts = lhr.audits['lcp-breakdown-insight']?.details?.items ?? [];
  const node = parts.find((p) => p.type === 'node');
  const table = parts.find((p) => p.type === 'table');
  return {
    element: String(node?.nodeLabel ?? node?.snippet ?? 'n/a')
      .replace(/\s+/g, ' ')
      .slice(0, 60),
    phases: (table?.items ?? []).map((i) => `${i.label} ${Math.round(i.duration)} ms`),
  };
}

/** Where the main thread's time and the wasted bytes go: the "why" behind TBT and LCP. */
function diagnose(lhr) {
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  const file = (url) => String(url).replace(/^https?:\/\/[^/]+\//, '/');
  return {
    mainThreadMs: lhr.audits['mainthread-work-breakdown']?.numericValue,
    bootup: items('bootup-time')
      .filter((i) => typeof i.url === 'string' && i.url.startsWith('http'))
      .slice(0, 3)
      .map((i) => `${file(i.url)} ${Math.round(i.scripting ?? 0)} ms script`),
    longTasks: items('long-tasks').length,
    unusedJsBytes: lhr.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0,
    lcp: lcpBreakdown(lhr),
  };
}

function summarize(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue;
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      // Only audits that cost points: weighted, scored and not perfect.
      if (ref.weight > 0 && a && typeof a.score === 'number' && a.score < 1) {
        failing.push({
          category: id,
          id: a.id,
          title: a.title,
          score: a.score,
          display: a.displayValue ?? '',
          items: (a.details?.items ?? []).slice(0, 3).map(describeItem).filter(Boolean),
        });
      }
    }
  }
  return {
    finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    bestPractices: Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    diagnostics: diagnose(lhr),
    runtimeError: lhr.runtimeError?.message,
    warnings: lhr.runWarnings ?? [],
    failing,
  };
}

/** Signs in through the app's own login form so the session is stored the way the app stores it. */
async function signIn(port, baseUrl) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill(DEMO_USER.email);
    await page.getByLabel('Password').fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15000 });
    await page.close();
  } finally {
    // Disconnects Playwright only; the Chromium (and its session) belongs to chrome-launcher.
    await browser.close();
  }
}

const hostIndex = (lhr) => lhr.environment?.benchmarkIndex ?? 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measurePages({ baseUrl, runs = 5, minHostIndex = 1000, log = console.log }) {
  const { default: lighthouse } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: findBrowser(),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  const results = {};
  try {
    const runOnce = async (path, signedIn) => {
      const result = await lighthouse(`${baseUrl}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        // Signed in means the stored session must survive Lighthouse's pre-run storage wipe.
        disableStorageReset: signedIn,
      });
      return result.lhr;
    };
    const audit = async (path, signedIn) => {
      const lhrs = [];
      const quiet = () => lhrs.filter((lhr) => hostIndex(lhr) >= minHostIndex).length;
      // A run on a host starved by other work scores the host, not the app: such runs are redone
      // (a bounded number of times) and the runs with the fastest host are the ones kept.
      for (let attempt = 1; quiet() < runs && attempt <= runs * 3; attempt++) {
        log(`Lighthouse ${path}${signedIn ? ' (signed in)' : ''} run ${attempt}...`);
        const lhr = await runOnce(path, signedIn);
        lhrs.push(lhr);
        if (hostIndex(lhr) < minHostIndex) {
          log(
            `  host index ${Math.round(hostIndex(lhr))} < ${minHostIndex}: busy machine, run again`,
          );
          await sleep(5000);
        }
      }
      const kept = [...lhrs].sort((a, b) => hostIndex(b) - hostIndex(a)).slice(0, runs);
      const summary = summarize(computeMedianRun(kept));
      summary.runs = kept.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100));
      summary.hostIndexes = kept.map((lhr) => Math.round(hostIndex(lhr)));
      summary.attempts = lhrs.length;
      const landed = new URL(summary.finalUrl).pathname;
      if (landed !== path) summary.runtimeError ??= `landed on ${landed} instead of ${path}`;
      return summary;
    };

    results['/login'] = await audit('/login', false);
    try {
      await signIn(chrome.port, baseUrl);
      results['/notes'] = await audit('/notes', true);
    } catch (error) {
      results['/notes'] = { runtimeError: `could not sign in: ${error.message.split('\n')[0]}` };
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

module.exports = { measurePages, DEMO_USER };
