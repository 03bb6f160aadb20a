'use strict';
// Step 2: the first screen as Lighthouse scores it (its default mobile profile with simulated
// throttling), on the production build served like a deployment. /notes is measured signed in:
// Playwright signs in through the real login form in the same Chromium, then Lighthouse loads
// /notes with storage kept, exactly as a returning user would.

const { findBrowser, CHROME_FLAGS } = require('./browser-flags');

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
    // Lighthouse's measure of this host's CPU speed; its 4x CPU throttling assumes a fast desktop.
    benchmarkIndex: lhr.environment?.benchmarkIndex,
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

async function measurePages({ baseUrl, runs = 3, log = console.log }) {
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
    const audit = async (path, signedIn) => {
      const lhrs = [];
      for (let i = 0; i < runs; i++) {
        log(`Lighthouse ${path} run ${i + 1}/${runs}${signedIn ? ' (signed in)' : ''}...`);
        const result = await lighthouse(`${baseUrl}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
          // Signed in means the stored session must survive Lighthouse's pre-run storage wipe.
          disableStorageReset: signedIn,
        });
        lhrs.push(result.lhr);
      }
      const median = computeMedianRun(lhrs);
      const summary = summarize(median);
      summary.runs = lhrs.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100));
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
