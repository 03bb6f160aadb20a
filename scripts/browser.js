#!/usr/bin/env node
// Finds the Chromium that Karma, Playwright and the benchmarks drive. Test tools never download a browser
// here (their downloads are blocked), so the project brings Debian's chromium instead.
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

class BrowserNotFound extends Error {}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name, envPath = process.env.PATH ?? '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The browser's path, or a BrowserNotFound saying why. Never installs anything. */
function findBrowser(env = process.env) {
  if (env.CHROME_BIN) {
    if (isExecutable(env.CHROME_BIN)) return env.CHROME_BIN;
    throw new BrowserNotFound(
      `CHROME_BIN is set to ${env.CHROME_BIN}, which is not an executable file. ` +
        'Point it at a Chromium or Chrome binary, or unset it to use the system chromium.',
    );
  }
  for (const name of CANDIDATES) {
    const found = onPath(name, env.PATH);
    if (found) return found;
  }
  throw new BrowserNotFound(
    `No Chromium found (looked for CHROME_BIN, ${CANDIDATES.join(', ')}). Install one with: ${INSTALL_COMMAND}`,
  );
}

function canInstallWithApt(env = process.env) {
  return (
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    Boolean(onPath('apt-get', env.PATH))
  );
}

/** Like findBrowser, but installs Debian's chromium when that is possible (root with apt-get). */
function ensureBrowser(env = process.env, log = console.log) {
  try {
    return findBrowser(env);
  } catch (error) {
    if (env.CHROME_BIN || !canInstallWithApt(env)) throw error;
  }
  log(
    "No Chromium found: installing Debian's chromium (apt-get update && apt-get install -y chromium)...",
  );
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
    if (result.status !== 0) {
      throw new BrowserNotFound(
        `apt-get ${args.join(' ')} failed. Install a browser with: ${INSTALL_COMMAND}`,
      );
    }
  }
  return findBrowser(env);
}

function version(browser) {
  try {
    return execFileSync(browser, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'version unknown';
  }
}

/**
 * How every tool here starts Chromium (Karma, Playwright, Lighthouse, the screenshots): as root
 * (tests run as root here) without the sandbox, and with nothing that reaches the internet
 * (updates, sync, background fetches), which this machine's closed network would refuse.
 */
const BROWSER_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

module.exports = { findBrowser, ensureBrowser, BrowserNotFound, CANDIDATES, BROWSER_FLAGS };

if (require.main === module) {
  try {
    const browser = ensureBrowser();
    console.log(`Browser for tests: ${browser} (${version(browser)})`);
  } catch (error) {
    if (!(error instanceof BrowserNotFound)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
