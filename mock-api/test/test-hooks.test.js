'use strict';

// Test hooks (TEST_HOOKS=1): server-side levers for e2e tests, off by default, refused on a
// non-loopback HOST, unreachable by any request when off.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { decodeJwt } = require('jose');
const { startApi, tempDir, testEnv, USERS } = require('./helpers');
const { loadConfig, ConfigError } = require('../config');

const SERVER = path.join(__dirname, '..', 'server.js');
const SEED = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'db.seed.json'), 'utf8'));

const hook = (api, name, json, options = {}) =>
  api.request(`/__test/${name}`, { method: 'POST', json, ...options });
const withHooks = (t, env = {}) => startApi(t, { TEST_HOOKS: '1', ...env });
const refresh = (api, cookie) => api.request('/auth/refresh', { method: 'POST', cookie });

async function assertCode(response, status, code, label) {
  assert.equal(response.status, status, label);
  assert.equal(response.body?.error, code, label);
}

test('off by default: every hook path answers exactly like an unknown path', async (t) => {
  const api = await startApi(t);
  const unknown = await api.request('/__nope', { method: 'POST', json: {} });
  assert.equal(unknown.status, 404);
  const tries = [
    ['reset', {}, {}],
    ['logins/end', { email: USERS.alice.email }, {}],
    ['tokens/expire', { email: USERS.alice.email }, {}],
    ['clock', { advanceSeconds: 60 }, {}],
    ['reset', { TEST_HOOKS: '1' }, { headers: { 'x-test-hooks': '1', cookie: 'TEST_HOOKS=1' } }],
  ];
  for (const [name, json, options] of tries) {
    for (const suffix of ['', '?TEST_HOOKS=1']) {
      const response = await api.request(`/__test/${name}${suffix}`, {
        method: 'POST',
        json,
        ...options,
      });
      assert.equal(response.status, 404, name);
      assert.equal(response.text, unknown.text, name);
    }
  }
  const login = await api.login(USERS.alice);
  assert.equal((await api.request('/api/notes', { token: login.token })).status, 200);
});

test('TEST_HOOKS: only 1 or 0; 1 needs a loopback HOST', () => {
  assert.equal(loadConfig({}).testHooks, false);
  assert.equal(loadConfig({ TEST_HOOKS: '0' }).testHooks, false);
  assert.equal(loadConfig({ TEST_HOOKS: '1' }).testHooks, true);
  for (const value of ['yes', 'true', '2', ' 1']) {
    assert.throws(
      () => loadConfig({ TEST_HOOKS: value }),
      (error) => error instanceof ConfigError && /^TEST_HOOKS\b/.test(error.message),
      value,
    );
  }
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) {
    assert.equal(loadConfig({ TEST_HOOKS: '1', HOST: host }).testHooks, true, host);
  }
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1']) {
    assert.throws(
      () => loadConfig({ TEST_HOOKS: '1', HOST: host }),
      (error) =>
        error instanceof ConfigError &&
        /^TEST_HOOKS\b/.test(error.message) &&
        error.message.includes(`HOST=${host}`),
      host,
    );
  }
});

test('start-up with TEST_HOOKS=1 on a non-loopback HOST is refused in one line, exit 1', (t) => {
  const dir = tempDir(t);
  const result = spawnSync(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, ...testEnv(dir), TEST_HOOKS: '1', HOST: '0.0.0.0' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /^mock-api: TEST_HOOKS=1 .*HOST=0\.0\.0\.0/);
});

test('the banner warns when the hooks are on', async (t) => {
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, ...testEnv(tempDir(t)), TEST_HOOKS: '1' },
  });
  t.after(() => child.kill());
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('admin@example.com')) resolve();
    });
    child.on('exit', () => reject(new Error(`exited: ${output}`)));
  });
  assert.match(output, /^ {2}warning: TEST_HOOKS=1\b.*\/__test/m);
});

test('POST /__test/reset: seed data, no logins, no lockouts, clock back to now', async (t) => {
  const api = await withHooks(t, { LOGIN_MAX_ATTEMPTS: '1', LOGIN_CLIENT_MAX_ATTEMPTS: '3' });
  const login = await api.login(USERS.alice);
  await api.request('/api/notes', {
    method: 'POST',
    token: login.token,
    json: { title: 'Left over' },
  });
  await api.request('/api/notes/1', { method: 'DELETE', token: login.token });
  for (let i = 0; i < 3; i++) {
    await api.request('/auth/login', {
      method: 'POST',
      json: { email: USERS.bob.email, password: `wrong-${i}` },
    });
  }
  assert.equal((await api.login(USERS.bob)).status, 429);
  assert.equal((await hook(api, 'clock', { advanceSeconds: 86_400 })).status, 200);

  const reset = await hook(api, 'reset', undefined);
  assert.equal(reset.status, 204);
  assert.equal(reset.text, '');

  await assertCode(await refresh(api, login.cookie), 401, 'invalid_grant', 'old refresh');
  await assertCode(
    await api.request('/api/notes', { token: login.token }),
    401,
    'invalid_token',
    'old access token',
  );
  const bob = await api.login(USERS.bob);
  assert.equal(bob.status, 200, 'lockouts cleared');
  const alice = await api.login(USERS.alice);
  const notes = await api.request('/api/notes', { token: alice.token });
  assert.deepEqual(
    notes.body.map((note) => note.id),
    SEED.notes.filter((note) => note.ownerId === 1).map((note) => note.id),
  );
  const onDisk = JSON.parse(fs.readFileSync(api.config.dbFile, 'utf8'));
  assert.deepEqual(onDisk, SEED);
  const { now } = (await hook(api, 'clock', { advanceSeconds: 0 })).body;
  assert.ok(Math.abs(Date.parse(now) - Date.now()) < 3_600_000, `clock reset: ${now}`);
});

test('POST /__test/logins/end {email} ends every login of that user at once', async (t) => {
  const api = await withHooks(t);
  const [first, second, bob] = [
    await api.login(USERS.alice),
    await api.login(USERS.alice),
    await api.login(USERS.bob),
  ];
  const response = await hook(api, 'logins/end', { email: 'ALICE@example.com' });
  assert.equal(response.status, 204);
  for (const login of [first, second]) {
    await assertCode(await refresh(api, login.cookie), 401, 'invalid_grant', 'refresh');
    await assertCode(
      await api.request('/api/notes', { token: login.token }),
      401,
      'invalid_token',
      'access',
    );
  }
  assert.equal((await api.request('/api/notes', { token: bob.token })).status, 200);
  assert.equal((await refresh(api, bob.cookie)).status, 200);
});

test('POST /__test/logins/end {sid} ends that one login', async (t) => {
  const api = await withHooks(t);
  const ended = await api.login(USERS.alice);
  const kept = await api.login(USERS.alice);
  const response = await hook(api, 'logins/end', { sid: decodeJwt(ended.token).sid });
  assert.equal(response.status, 204);
  await assertCode(await refresh(api, ended.cookie), 401, 'invalid_grant', 'ended refresh');
  await assertCode(
    await api.request('/api/notes', { token: ended.token }),
    401,
    'invalid_token',
    'ended access',
  );
  assert.equal((await api.request('/api/notes', { token: kept.token })).status, 200);
  assert.equal((await refresh(api, kept.cookie)).status, 200);
});

test('POST /__test/tokens/expire: the user’s access tokens so far answer token_expired; the login lives on', async (t) => {
  const api = await withHooks(t);
  const alice = await api.login(USERS.alice);
  const other = await api.login(USERS.alice);
  const bob = await api.login(USERS.bob);
  assert.equal((await hook(api, 'tokens/expire', { email: USERS.alice.email })).status, 204);
  for (const login of [alice, other]) {
    const response = await api.request('/api/notes', { token: login.token });
    await assertCode(response, 401, 'token_expired', 'expired by the hook');
    assert.match(response.headers.get('www-authenticate'), /error="invalid_token"/);
  }
  assert.equal((await api.request('/api/notes', { token: bob.token })).status, 200);
  const refreshed = await refresh(api, alice.cookie);
  assert.equal(refreshed.status, 200);
  assert.equal(
    (await api.request('/api/notes', { token: refreshed.body.accessToken })).status,
    200,
  );
  const again = await api.login(USERS.alice);
  assert.equal((await api.request('/auth/me', { token: again.token })).status, 200);
});

test('POST /__test/clock moves token expiry, refresh lifetimes, login windows and the Date header', async (t) => {
  const api = await withHooks(t, {
    ACCESS_TOKEN_TTL: '15m',
    REFRESH_TOKEN_TTL: '1h',
    LOGIN_MAX_ATTEMPTS: '1',
    LOGIN_WINDOW: '10m',
  });
  const login = await api.login(USERS.alice);
  await api.request('/auth/login', {
    method: 'POST',
    json: { email: USERS.bob.email, password: 'wrong' },
  });
  assert.equal((await api.login(USERS.bob)).status, 429);

  const moved = await hook(api, 'clock', { advanceSeconds: 1200 });
  assert.equal(moved.status, 200);
  assert.deepEqual(Object.keys(moved.body), ['now']);
  const ahead = Date.parse(moved.body.now) - Date.now();
  assert.ok(ahead > 1_100_000 && ahead < 1_300_000, `${ahead}`);
  assert.ok(Date.parse(moved.headers.get('date')) - Date.now() > 1_100_000, 'Date follows');

  await assertCode(
    await api.request('/api/notes', { token: login.token }),
    401,
    'token_expired',
    'after the access TTL',
  );
  assert.equal((await api.login(USERS.bob)).status, 200, 'the login window has passed');
  const refreshed = await refresh(api, login.cookie);
  assert.equal(refreshed.status, 200, 'the refresh token still lives');
  const claims = decodeJwt(refreshed.body.accessToken);
  assert.ok(claims.iat * 1000 - Date.now() > 1_100_000, 'iat on the moved clock');

  // Cumulative: 1200 + 3700 passes the hour of the refresh token issued at 1200.
  const further = await hook(api, 'clock', { advanceSeconds: 3700 });
  assert.ok(Date.parse(further.body.now) - Date.parse(moved.body.now) >= 3_600_000);
  await assertCode(
    await refresh(api, refreshed.headers.getSetCookie()[0].split(';')[0].split('=')[1]),
    401,
    'invalid_grant',
    'refresh token past its lifetime',
  );
});

test('bad hook bodies answer 400 invalid_request; unknown users and logins 404', async (t) => {
  const api = await withHooks(t);
  const bad = [
    ['clock', {}],
    ['clock', { advanceSeconds: -1 }],
    ['clock', { advanceSeconds: 1.5 }],
    ['clock', { advanceSeconds: '60' }],
    ['clock', { advanceSeconds: 1e12 }],
    ['clock', []],
    ['logins/end', {}],
    ['logins/end', { email: 42 }],
    ['logins/end', { email: USERS.alice.email, sid: 'x' }],
    ['logins/end', { sid: '' }],
    ['tokens/expire', {}],
    ['tokens/expire', { email: ['a@example.com'] }],
  ];
  for (const [name, json] of bad) {
    const response = await hook(api, name, json);
    await assertCode(response, 400, 'invalid_request', `${name} ${JSON.stringify(json)}`);
    assert.ok(response.body.message.length > 0);
  }
  const notJson = await api.request('/__test/clock', {
    method: 'POST',
    body: 'advanceSeconds=5',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await assertCode(notJson, 400, 'invalid_request', 'form body');
  await assertCode(
    await hook(api, 'logins/end', { email: 'nobody@example.com' }),
    404,
    'not_found',
    'unknown user',
  );
  await assertCode(
    await hook(api, 'logins/end', { sid: 'no-such-login' }),
    404,
    'not_found',
    'unknown login',
  );
  await assertCode(
    await hook(api, 'tokens/expire', { email: 'nobody@example.com' }),
    404,
    'not_found',
    'unknown user',
  );
  await assertCode(await hook(api, 'nope', {}), 404, 'not_found', 'unknown hook');
  const wrongMethod = await api.request('/__test/reset');
  assert.equal(wrongMethod.status, 405);
});

test('hooks obey the Host allow-list and the Origin check like any request', async (t) => {
  const api = await withHooks(t);
  const rebound = await api.request('/__test/reset', {
    method: 'POST',
    headers: { host: `rebound.example:${api.server.address().port}` },
  });
  await assertCode(rebound, 421, 'invalid_host', 'foreign Host');
  const foreign = await api.request('/__test/reset', {
    method: 'POST',
    headers: { origin: 'http://localhost:9999' },
  });
  await assertCode(foreign, 403, 'forbidden', 'foreign Origin');
});
