'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { findBrowser, findTestBrowser, BrowserNotFound, HEADLESS_SHELL } = require('./browser');

const script = path.join(__dirname, 'browser.js');

/** A folder of its own for one test, removed when the test ends. */
function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes an executable file `name` into `dir` and returns its path. */
function executable(dir, name, text = '#!/bin/sh\n') {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o755 });
  return file;
}

test('CHROME_BIN pointing at a missing file: says so and exits 1', () => {
  const missing = path.join(os.tmpdir(), 'no-such-browser-here', 'chrome');
  const result = spawnSync(process.execPath, [script], {
    env: { ...process.env, CHROME_BIN: missing },
    encoding: 'utf8',
  });
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    /CHROME_BIN is set to .*no-such-browser-here.*not an executable file/,
  );
  assert.equal(result.stdout, '', 'must not try to install or report a browser');
});

test('CHROME_BIN pointing at an executable wins over PATH', (t) => {
  const fake = executable(tempDir(t), 'my-chrome', '#!/bin/sh\necho "Fake Chromium 1.0"\n');
  assert.equal(findBrowser({ CHROME_BIN: fake, PATH: '' }), fake);
});

test('finds chromium on PATH, in the documented order', (t) => {
  const dir = tempDir(t);
  for (const name of ['google-chrome', 'chromium-browser']) executable(dir, name);
  fs.writeFileSync(path.join(dir, 'chromium'), 'not executable', { mode: 0o644 });
  assert.equal(findBrowser({ PATH: dir }), path.join(dir, 'chromium-browser'));
});

test('nothing found: the error names the command to run', () => {
  assert.throws(
    () => findBrowser({ PATH: '' }),
    (error) => {
      assert.ok(error instanceof BrowserNotFound);
      assert.match(error.message, /apt-get install -y chromium/);
      return true;
    },
  );
});

test('tests run on the headless shell when it is on PATH, else on the full browser', (t) => {
  const dir = tempDir(t);
  const chromium = executable(dir, 'chromium');
  assert.equal(findTestBrowser({ PATH: dir }, []), chromium);
  const shell = executable(dir, HEADLESS_SHELL);
  assert.equal(findTestBrowser({ PATH: dir }, []), shell);
  assert.equal(findBrowser({ PATH: dir }), chromium, 'Lighthouse keeps the full browser');
});

test("the headless shell's own binary comes before a wrapper script on PATH", (t) => {
  const dir = tempDir(t);
  const binary = executable(dir, 'lib-shell', '');
  executable(dir, HEADLESS_SHELL);
  assert.equal(findTestBrowser({ PATH: dir }, [path.join(dir, 'missing'), binary]), binary);
});

test('CHROME_BIN wins for tests too', (t) => {
  const dir = tempDir(t);
  const fake = executable(dir, 'my-chrome');
  executable(dir, HEADLESS_SHELL);
  assert.equal(findTestBrowser({ CHROME_BIN: fake, PATH: dir }, [fake]), fake);
});
