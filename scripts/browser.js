#!/usr/bin/env node
// Finds the Chromium that Karma, Playwright and the benchmarks drive. Test tools never download a browser
// here (their downloads are blocked), so the project brings Debian's chromium instead.
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
// Chromium's "old headless" build: no browser UI, no GPU process, far less work per page than the
// full browser in headless mode. Tests only need a page, so they run on it where it is installed.
const HEADLESS_SHELL = 'chromium-headless-shell';
// Debian's /usr/bin/chromium-headless-shell is a shell script that starts this binary as its child
// without exec: Karma, stopping the browser it started, would stop only the script and wait for
// the browser for ever. The binary itself is started where it exists.
const HEADLESS_SHELL_BINARIES = ['/usr/lib/chromium/chromium-headless-shell'];
const INSTALL_COMMAND = 'sudo apt-get install -y chromium chromium-headless-shell';

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

/** Chromium's headless shell where it is installed: its own binary first, else on PATH. */
function findHeadlessShell(env = process.env, binaries = HEADLESS_SHELL_BINARIES) {
  return binaries.find(isExecutable) ?? onPath(HEADLESS_SHELL, env.PATH);
}

/**
 * The browser Karma and Playwright drive: CHROME_BIN when set, else Chromium's headless shell when
 * installed, else the full browser (findBrowser). Lighthouse and the screenshots keep the full
 * browser: they measure or show what people see.
 */
function findTestBrowser(env = process.env, binaries = HEADLESS_SHELL_BINARIES) {
  if (env.CHROME_BIN) return findBrowser(env);
  return findHeadlessShell(env, binaries) ?? findBrowser(env);
}

function canInstallWithApt(env = process.env) {
  return (
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    Boolean(onPath('apt-get', env.PATH))
  );
}

/**
 * Like findBrowser, but where no browser is found and it can (root with apt-get), installs
 * Debian's chromium and its headless shell. The shell is optional: where apt has no such package,
 * tests run on the full browser. A machine that has a browser but not the shell gets the command
 * to add it, not an apt run on every `npm test`.
 */
function ensureBrowser(env = process.env, log = console.log) {
  try {
    const browser = findBrowser(env);
    if (!env.CHROME_BIN && !findHeadlessShell(env)) {
      log(
        `Tests run faster on Chromium's headless shell: sudo apt-get install -y ${HEADLESS_SHELL}`,
      );
    }
    return browser;
  } catch (error) {
    if (env.CHROME_BIN || !canInstallWithApt(env)) throw error;
  }
  log(`No Chromium found: installing Debian's chromium and ${HEADLESS_SHELL} (apt-get)...`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv }).status === 0;
  if (!apt('update') || !apt('install', '-y', '--no-install-recommends', 'chromium')) {
    throw new BrowserNotFound(
      `apt-get could not install chromium. Install a browser with: ${INSTALL_COMMAND}`,
    );
  }
  if (!apt('install', '-y', '--no-install-recommends', HEADLESS_SHELL)) {
    log(`No ${HEADLESS_SHELL} from apt: tests run on the full browser.`);
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

module.exports = {
  findBrowser,
  findTestBrowser,
  ensureBrowser,
  BrowserNotFound,
  CANDIDATES,
  HEADLESS_SHELL,
  BROWSER_FLAGS,
};

if (require.main === module) {
  try {
    const browser = ensureBrowser();
    const tests = findTestBrowser();
    console.log(`Browser for Lighthouse and screenshots: ${browser} (${version(browser)})`);
    console.log(`Browser for unit and e2e tests: ${tests} (${version(tests)})`);
  } catch (error) {
    if (!(error instanceof BrowserNotFound)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
