'use strict';

// CONTRACT §4: /auth/refresh (rotation, reuse detection), /auth/logout, /auth/me; and the refresh
// store surviving a restart.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startApi, tempDir, closeServer, USERS, refreshCookie } = require('./helpers');

const refresh = (api, cookie, options = {}) =>
  api.request('/auth/refresh', { method: 'POST', cookie, ...options });
const logout = (api, cookie) => api.request('/auth/logout', { method: 'POST', cookie });

function assertInvalidGrant(response) {
  assert.equal(response.status, 401);
  assert.equal(response.body.error, 'invalid_grant');
  assert.match(response.headers.getSetCookie()[0], /^refresh_token=; .*Expires=Thu, 01 Jan 1970/);
}

test('a refresh answers like a login, with a new refresh cookie', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.alice);
  const response = await refresh(api, login.cookie);
  assert.equal(response.status, 200);
  const { accessToken, ...rest } = response.body;
  assert.deepEqual(rest, { tokenType: 'Bearer', expiresIn: 900, user: login.body.user });
  assert.notEqual(accessToken, login.token);
  const next = refreshCookie(response);
  assert.ok(next && next !== login.cookie);
  assert.match(response.headers.getSetCookie()[0], /; Path=\/auth; .*HttpOnly; SameSite=Strict$/);
  assert.equal((await api.request('/api/notes', { token: accessToken })).status, 200);
  assert.equal((await refresh(api, next)).status, 200);
});

test('a spent refresh token is refused and revokes everything descended from that login', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.alice);
  const other = await api.login(USERS.alice);
  const first = await refresh(api, login.cookie);
  const second = await refresh(api, refreshCookie(first));
  assert.equal(second.status, 200);

  assertInvalidGrant(await refresh(api, login.cookie));

  assertInvalidGrant(await refresh(api, refreshCookie(second)));
  for (const token of [login.token, first.body.accessToken, second.body.accessToken]) {
    const response = await api.request('/api/notes', { token });
    assert.equal(response.status, 401);
    assert.equal(response.body.error, 'invalid_token');
  }
  // Another login of the same user is another family: untouched.
  assert.equal((await api.request('/api/notes', { token: other.token })).status, 200);
  assert.equal((await refresh(api, other.cookie)).status, 200);
});

test('missing, unknown, expired or revoked refresh cookies answer 401 invalid_grant', async (t) => {
  const api = await startApi(t, { REFRESH_TOKEN_TTL: '1s' });
  assertInvalidGrant(await api.request('/auth/refresh', { method: 'POST' }));
  assertInvalidGrant(await refresh(api, ''));
  assertInvalidGrant(await refresh(api, 'not-a-token-this-server-issued'));

  const revoked = await api.login(USERS.alice);
  assert.equal((await logout(api, revoked.cookie)).status, 204);
  assertInvalidGrant(await refresh(api, revoked.cookie));

  const expiring = await api.login(USERS.bob);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assertInvalidGrant(await refresh(api, expiring.cookie));
});

test('logout answers 204, clears the cookie, ends the session, and is idempotent', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.bob);
  const first = await logout(api, login.cookie);
  assert.equal(first.status, 204);
  assert.equal(first.text, '');
  assert.match(
    first.headers.getSetCookie()[0],
    /^refresh_token=; Path=\/auth; Expires=Thu, 01 Jan 1970/,
  );
  const revoked = await api.request('/auth/me', { token: login.token });
  assert.equal(revoked.status, 401);
  assert.equal(revoked.body.error, 'invalid_token');

  assert.equal((await logout(api, login.cookie)).status, 204);
  assert.equal((await api.request('/auth/logout', { method: 'POST' })).status, 204);
  assert.equal((await logout(api, 'garbage')).status, 204);
});

test('refresh and logout from a foreign origin are refused', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.alice);
  const foreign = { headers: { origin: 'http://localhost:9999' } };
  const response = await refresh(api, login.cookie, foreign);
  assert.equal(response.status, 403);
  assert.equal(response.body.error, 'forbidden');
  // The refused request did not spend the token.
  assert.equal((await refresh(api, login.cookie)).status, 200);
});

test('GET /auth/me answers the user itself, never a hash', async (t) => {
  const api = await startApi(t);
  const { token } = await api.login(USERS.admin);
  const response = await api.request('/auth/me', { token });
  assert.equal(response.status, 200);
  assert.deepEqual(response.body, {
    id: 3,
    email: 'admin@example.com',
    name: 'Ada Admin',
    roles: ['user', 'admin'],
  });
  const anonymous = await api.request('/auth/me');
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.error, 'missing_token');
  assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="tokengate"');
});

test('with JWT_SECRET set, sessions survive a restart; the store holds no token in clear', async (t) => {
  const dir = tempDir(t);
  const first = await startApi(t, {}, { dir });
  const login = await first.login(USERS.alice);
  const rotated = await refresh(first, login.cookie);
  await closeServer(first.server);

  const storeFile = path.join(dir, 'db.refresh-tokens.json');
  const stored = fs.readFileSync(storeFile, 'utf8');
  for (const secret of [login.cookie, refreshCookie(rotated), rotated.body.accessToken]) {
    assert.ok(!stored.includes(secret), 'a token is stored in clear');
  }

  const second = await startApi(t, {}, { dir });
  assert.equal(
    (await second.request('/api/notes', { token: rotated.body.accessToken })).status,
    200,
  );
  assert.equal((await refresh(second, refreshCookie(rotated))).status, 200);
  // Reuse detection survives the restart too.
  assertInvalidGrant(await refresh(second, login.cookie));
});

test('without JWT_SECRET nothing is persisted and a restart ends every session', async (t) => {
  const dir = tempDir(t);
  const first = await startApi(t, { JWT_SECRET: '' }, { dir });
  const login = await first.login(USERS.alice);
  await closeServer(first.server);
  assert.deepEqual(fs.readdirSync(dir), ['db.json']);

  const second = await startApi(t, { JWT_SECRET: '' }, { dir });
  assertInvalidGrant(await refresh(second, login.cookie));
  const response = await second.request('/api/notes', { token: login.token });
  assert.equal(response.status, 401);
  assert.equal(response.body.error, 'invalid_token');
});
