'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { findBrowser, findTestBrowser, BrowserNotFound, HEADLESS_SHELL } = require('./browser');

const script = path.join(__dirname, 'browser.js');

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

test('CHROME_BIN pointing at an executable wins over PATH', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-test-'));
  const fake = path.join(dir, 'my-chrome');
  fs.writeFileSync(fake, '#!/bin/sh\necho "Fake Chromium 1.0"\n', { mode: 0o755 });
  try {
    assert.equal(findBrowser({ CHROME_BIN: fake, PATH: '' }), fake);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('finds chromium on PATH, in the documented order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-test-'));
  for (const name of ['google-chrome', 'chromium-browser']) {
    fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
  }
  fs.writeFileSync(path.join(dir, 'chromium'), 'not executable', { mode: 0o644 });
  try {
    assert.equal(findBrowser({ PATH: dir }), path.join(dir, 'chromium-browser'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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

test('tests run on the headless shell when it is on PATH, else on the full browser', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-test-'));
  fs.writeFileSync(path.join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
  try {
    assert.equal(findTestBrowser({ PATH: dir }, []), path.join(dir, 'chromium'));
    fs.writeFileSync(path.join(dir, HEADLESS_SHELL), '#!/bin/sh\n', { mode: 0o755 });
    assert.equal(findTestBrowser({ PATH: dir }, []), path.join(dir, HEADLESS_SHELL));
    assert.equal(
      findBrowser({ PATH: dir }),
      path.join(dir, 'chromium'),
      'Lighthouse keeps the full browser',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the headless shell's own binary comes before a wrapper script on PATH", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-test-'));
  const binary = path.join(dir, 'lib-shell');
  fs.writeFileSync(binary, '', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, HEADLESS_SHELL), '#!/bin/sh\n', { mode: 0o755 });
  try {
    assert.equal(findTestBrowser({ PATH: dir }, [path.join(dir, 'missing'), binary]), binary);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CHROME_BIN wins for tests too', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-test-'));
  const fake = path.join(dir, 'my-chrome');
  fs.writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, HEADLESS_SHELL), '#!/bin/sh\n', { mode: 0o755 });
  try {
    assert.equal(findTestBrowser({ CHROME_BIN: fake, PATH: dir }, [fake]), fake);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
