#!/usr/bin/env node
// Takes the README's screenshots (login page, notes page, session page, re-login dialog) from a running
// `npm start`, with the same Chromium the tests use. Rerun it whenever the pages change:
//   npm start            (in one terminal)
//   npm run screenshots  (in another; APP_URL=http://host:port to point elsewhere)
// It only reads: it signs in as Alice, and the dialog is shown without saving anything.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('@playwright/test');
const { findBrowser, BrowserNotFound, BROWSER_FLAGS } = require('./browser');

const APP_URL = (process.env.APP_URL ?? 'http://localhost:4200').replace(/\/$/, '');
const OUT_DIR = path.join(__dirname, '..', 'docs', 'screenshots');
const USER = { email: 'alice@example.com', password: 'alice-password-1', name: 'Alice Example' };
const VIEWPORT = { width: 1280, height: 800 };

class AppNotRunning extends Error {}

/** Fails with one clear sentence unless both the app and, through its proxy, the API answer. */
async function checkRunning() {
  const hint = `Start it with \`npm start\` in another terminal, wait for both processes, then run \`npm run screenshots\` again.`;
  try {
    const page = await fetch(`${APP_URL}/login`);
    if (!page.ok) throw new Error(`HTTP ${page.status}`);
  } catch (error) {
    throw new AppNotRunning(`The app is not running at ${APP_URL} (${error.message}). ${hint}`);
  }
  let login;
  try {
    login = await fetch(`${APP_URL}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: USER.email, password: USER.password }),
    });
  } catch (error) {
    throw new AppNotRunning(
      `The mock API does not answer through ${APP_URL} (${error.message}). ${hint}`,
    );
  }
  if (login.status !== 200) {
    throw new AppNotRunning(
      `Signing in as ${USER.email} through ${APP_URL} answered HTTP ${login.status}, not 200. ${hint}`,
    );
  }
}

async function signIn(page) {
  await page.goto(`${APP_URL}/login?returnUrl=%2Fnotes`);
  await page.getByLabel('Email', { exact: true }).fill(USER.email);
  await page.getByLabel('Password', { exact: true }).fill(USER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('banner').getByText(USER.name).waitFor();
  await page.getByRole('button', { name: 'Add note', exact: true }).waitFor();
}

/**
 * Ends the session the way the app meets it in real life: the next note POST is refused as
 * expired and the refresh finds no cookie, so the re-login dialog opens over the half-typed note.
 */
async function openReloginDialog(page, context) {
  await page.getByLabel('Title', { exact: true }).fill('Groceries for Saturday');
  await page.getByLabel('Body', { exact: true }).fill('Apples, bread, coffee beans, and');
  await context.clearCookies();
  await page.route(
    (url) => url.pathname === '/api/notes',
    (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 401,
            contentType: 'application/json',
            headers: { 'WWW-Authenticate': 'Bearer realm="tokengate", error="invalid_token"' },
            body: JSON.stringify({
              error: 'token_expired',
              message: 'The access token has expired.',
            }),
          })
        : route.fallback(),
  );
  await page.getByRole('button', { name: 'Add note', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Password', { exact: true }).waitFor();
}

/** A claim of the access token as the session page shows it decoded (a number of seconds). */
async function claimSeconds(page, name) {
  const claims = page.getByRole('region', { name: 'The access token, decoded' });
  const row = claims
    .locator('div')
    .filter({ has: page.getByRole('term').filter({ hasText: name }) });
  const text = await row.getByRole('definition').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

/**
 * The session page, reached through the header as a person would, with the timer's silent refresh
 * in its timeline: the page's clock (installed before the first page load) jumps to before the
 * refresh is due, then runs across it, as the e2e suite does.
 */
async function openSessionPage(page) {
  await page.getByRole('banner').getByRole('link', { name: 'Session', exact: true }).click();
  const timeline = page.getByRole('region', { name: 'What happened' }).getByRole('listitem');
  await timeline.filter({ hasText: `Signed in as ${USER.name}` }).waitFor();
  const lifetimeMs = ((await claimSeconds(page, 'exp')) - (await claimSeconds(page, 'iat'))) * 1000;
  // The expiry timer renews a token at most a quarter of its life before it expires: jump to
  // before that, then let every timer fire on time until just before the old token's expiry.
  await page.clock.fastForward(Math.round(lifetimeMs * 0.7));
  await page.clock.runFor(Math.round(lifetimeMs * 0.29));
  await timeline.filter({ hasText: 'Token refreshed by the timer' }).waitFor();
  // The app moves focus to the new page's heading, which can scroll the header out of the picture.
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function shoot(page, name) {
  const file = path.join(OUT_DIR, `${name}.png`);
  // Let fonts and the route-progress bar settle: the picture should be what a person sees.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function main() {
  await checkRunning();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: [...BROWSER_FLAGS],
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
    const page = await context.newPage();
    await page.clock.install();

    await page.goto(`${APP_URL}/login`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await shoot(page, 'login');

    await signIn(page);
    await page.getByRole('main').getByRole('listitem').getByRole('link').first().waitFor();
    await shoot(page, 'notes');

    await openSessionPage(page);
    await shoot(page, 'session');
    await page.getByRole('banner').getByRole('link', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Add note', exact: true }).waitFor();

    await openReloginDialog(page, context);
    await shoot(page, 'relogin-dialog');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  if (error instanceof AppNotRunning || error instanceof BrowserNotFound) {
    console.error(error.message);
  } else {
    console.error(`Taking the screenshots failed: ${error.message}`);
  }
  process.exit(1);
});
