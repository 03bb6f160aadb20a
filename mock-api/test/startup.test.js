'use strict';

// CONTRACT §2: start-up checks every setting, refuses bad ones in one line naming the variable,
// and prints the URL, the TTLs and the demo users when ready. Runs the real entry point.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { tempDir, testEnv } = require('./helpers');
const { loadConfig, ConfigError } = require('../config');

const SERVER = path.join(__dirname, '..', 'server.js');
const SEED = path.join(__dirname, '..', 'db.seed.json');

function runServer(env) {
  return spawnSync(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

function assertRefused(result, variable) {
  assert.equal(result.status, 1, `${variable}: exit code (stderr: ${result.stderr})`);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `${variable}: one line, got ${result.stderr}`);
  assert.match(lines[0], new RegExp(`^mock-api: ${variable}\\b`));
  assert.equal(result.stdout, '');
}

test('invalid settings stop start-up with one line naming the variable, exit 1', (t) => {
  const dir = tempDir(t);
  const env = testEnv(dir);
  const cases = [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['JWT_SECRET', 'too-short-secret'],
    ['JWT_SECRET', 'x'.repeat(31)],
    ['ACCESS_TOKEN_TTL', 'abc'],
    ['ACCESS_TOKEN_TTL', '0'],
    ['ACCESS_TOKEN_TTL', '15 m'],
    ['ACCESS_TOKEN_TTL', '-5m'],
    ['ACCESS_TOKEN_TTL', '1.5h'],
    ['REFRESH_TOKEN_TTL', '7w'],
    ['REFRESH_TOKEN_TTL', '9999d'],
    ['LOGIN_MAX_ATTEMPTS', '0'],
    ['LOGIN_MAX_ATTEMPTS', 'five'],
    ['LOGIN_WINDOW', 'soon'],
    ['CORS_ORIGIN', '*'],
    ['CORS_ORIGIN', 'http://localhost:4200/'],
    ['CORS_ORIGIN', 'http://localhost:4200,http://evil.example'],
    ['CORS_ORIGIN', 'ftp://localhost'],
    ['DB_FILE', SEED],
    ['DB_FILE', dir],
  ];
  for (const [variable, value] of cases) {
    assertRefused(runServer({ ...env, [variable]: value }), variable);
  }
  assert.deepEqual(fs.readdirSync(dir), [], 'nothing was created by a refused start');
});

test('a HOST that cannot be listened on stops start-up naming HOST', (t) => {
  assertRefused(runServer(testEnv(tempDir(t), { HOST: 'no-such-host.invalid' })), 'HOST');
});

test('a DB_FILE that is not valid JSON, or not our data, is refused', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'db.json');
  fs.writeFileSync(file, '{"users": [');
  assertRefused(runServer(testEnv(dir)), 'DB_FILE');
  fs.writeFileSync(file, '{"posts": []}');
  assertRefused(runServer(testEnv(dir)), 'DB_FILE');
  assert.equal(fs.readFileSync(file, 'utf8'), '{"posts": []}', 'a refused file is left alone');
});

test('a port that is taken stops start-up naming PORT', async (t) => {
  const dir = tempDir(t);
  const blocker = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => blocker.once('listening', resolve));
  t.after(() => blocker.close());
  const port = String(blocker.address().port);
  const result = await new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER], {
      env: { PATH: process.env.PATH, ...testEnv(dir), PORT: port },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
  assertRefused(result, 'PORT');
  assert.match(result.stderr, new RegExp(`${port} is already in use`));
});

test('loadConfig: defaults, durations and the seed-file guard', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.accessTokenTtl, 900);
  assert.equal(config.refreshTokenTtl, 7 * 86400);
  assert.equal(config.loginMaxAttempts, 5);
  assert.equal(config.loginWindow, 900);
  assert.equal(config.corsOrigin, 'http://localhost:4200');
  assert.equal(config.jwtSecretGenerated, true);
  assert.equal(config.jwtSecret.length, 32);
  assert.equal(config.refreshStoreFile, null);
  assert.match(config.dbFile, /mock-api[/\\]data[/\\]db\.json$/);
  const durations = { 45: 45, '45s': 45, '15m': 900, '2h': 7200, '7d': 604800 };
  for (const [raw, seconds] of Object.entries(durations)) {
    assert.equal(loadConfig({ ACCESS_TOKEN_TTL: raw }).accessTokenTtl, seconds, raw);
  }
  assert.throws(() => loadConfig({ DB_FILE: 'mock-api/../mock-api/db.seed.json' }), ConfigError);
  const withSecret = loadConfig({ JWT_SECRET: 'y'.repeat(32), DB_FILE: '/tmp/x/data.json' });
  assert.equal(withSecret.jwtSecretGenerated, false);
  assert.equal(withSecret.refreshStoreFile, '/tmp/x/data.refresh-tokens.json');
});

test('npm run api prints the URL, the TTLs and the demo users when ready, and warns once without JWT_SECRET', async (t) => {
  const dir = tempDir(t);
  const env = {
    PATH: process.env.PATH,
    ...testEnv(dir),
    JWT_SECRET: '',
    ACCESS_TOKEN_TTL: '2h',
    REFRESH_TOKEN_TTL: '3d',
  };
  const child = spawn(process.execPath, [SERVER], { env });
  t.after(() => child.kill());
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('admin@example.com')) resolve();
    });
    child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
  });
  const url = /ready on (http:\/\/localhost:(\d+))/.exec(stdout);
  assert.ok(url, stdout);
  assert.match(stdout, /access tokens live 2h, refresh tokens 3d/);
  for (const line of ['Alice Example', 'bob@example.com', 'admin@example.com'])
    assert.ok(stdout.includes(line));
  assert.match(stdout, /user, admin/);
  assert.ok(!/password-1|scrypt/.test(stdout + stderr), 'no password or hash printed');
  assert.equal(stderr.match(/JWT_SECRET/g)?.length, 1);
  const health = await fetch(`http://127.0.0.1:${url[2]}/health`);
  assert.equal(health.status, 200);
});
