'use strict';

// `node mock-api/server.js` on a Node the API cannot run on stops at once with one line saying
// which Node it needs and that `npm run api` brings it, instead of a TypeError deep in jose.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { tempDir, testEnv } = require('./helpers');
const { nodeVersionProblem, MINIMUM_NODE } = require('../node-version');
const { engines } = require('../../package.json');

const SERVER = path.join(__dirname, '..', 'server.js');

test('the minimum is the one package.json names in engines', () => {
  assert.equal(`>=${MINIMUM_NODE}`, engines.node);
});

test('nodeVersionProblem refuses older versions in one line and accepts the rest', () => {
  const [major, minor, patch] = MINIMUM_NODE.split('.').map(Number);
  const older = [
    '20.20.2',
    '21.99.99',
    `${major}.${minor}.${patch - 1}`,
    `${major}.${minor - 1}.99`,
  ];
  for (const version of older) {
    const problem = nodeVersionProblem(version);
    assert.ok(problem, version);
    assert.ok(!problem.includes('\n'), 'one line');
    assert.ok(problem.includes(`Node ${MINIMUM_NODE}`), problem);
    assert.ok(problem.includes(`this is Node ${version}`), problem);
    assert.ok(problem.includes('npm run api'), problem);
  }
  for (const version of [
    MINIMUM_NODE,
    `${major}.${minor}.${patch + 1}`,
    `${major}.${minor + 1}.0`,
    `${major + 1}.0.0`,
  ]) {
    assert.equal(nodeVersionProblem(version), null, version);
  }
});

// Every `node` on PATH other than the one running the tests, with its version.
function otherNodes() {
  const seen = new Set([fs.realpathSync(process.execPath)]);
  const found = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'node');
    let real;
    try {
      real = fs.realpathSync(candidate);
      fs.accessSync(real, fs.constants.X_OK);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const version = spawnSync(real, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1);
    if (version) found.push({ binary: real, version });
  }
  return found;
}

test('server.js started on an older Node on this machine says so in one line and exits 1', (t) => {
  const older = otherNodes().filter(({ version }) => nodeVersionProblem(version));
  // Where no older Node is installed, the test above covers the check on its own.
  for (const { binary, version } of older) {
    const result = spawnSync(binary, [SERVER], {
      env: { PATH: process.env.PATH, ...testEnv(tempDir(t)) },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 1, `${binary}: ${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `mock-api: ${nodeVersionProblem(version)}\n`);
  }
});
