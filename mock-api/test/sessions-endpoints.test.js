'use strict';

// CONTRACT §4-5: GET /auth/sessions, DELETE /auth/sessions/:id, DELETE /auth/sessions, and the
// access token's `sid`.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { decodeJwt } = require('jose');
const { startApi, USERS, refreshCookie } = require('./helpers');
const { hashToken } = require('../refresh-store');
const { deviceLabel } = require('../device');

const AGENTS = {
  firefoxWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  chromiumLinux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/131.0.0.0 Chrome/131.0.0.0 Safari/537.36',
  safariIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

const loginWith = (api, user, agent) =>
  api.login(user, agent === undefined ? {} : { headers: { 'user-agent': agent } });
const list = (api, token) => api.request('/auth/sessions', { token });
const end = (api, token, id) =>
  api.request(`/auth/sessions${id === undefined ? '' : `/${id}`}`, { method: 'DELETE', token });
const refresh = (api, cookie) => api.request('/auth/refresh', { method: 'POST', cookie });

async function assertEnded(api, login) {
  const access = await api.request('/api/notes', { token: login.token });
  assert.equal(access.status, 401);
  assert.equal(access.body.error, 'invalid_token');
  const refused = await refresh(api, login.cookie);
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error, 'invalid_grant');
}

async function assertAlive(api, login) {
  assert.equal((await api.request('/api/notes', { token: login.token })).status, 200);
}

test('GET /auth/sessions lists the caller’s logins, newest first, this one marked, no secrets', async (t) => {
  const api = await startApi(t);
  const older = await loginWith(api, USERS.alice, AGENTS.firefoxWindows);
  const newer = await loginWith(api, USERS.alice, AGENTS.chromiumLinux);
  const bobs = await loginWith(api, USERS.bob, AGENTS.safariIos);

  const response = await list(api, newer.token);
  assert.equal(response.status, 200);
  const sessions = response.body;
  assert.equal(sessions.length, 2);
  for (const session of sessions) {
    assert.deepEqual(Object.keys(session), ['id', 'createdAt', 'lastUsedAt', 'device', 'current']);
    assert.equal(new Date(session.createdAt).toISOString(), session.createdAt);
    assert.equal(new Date(session.lastUsedAt).toISOString(), session.lastUsedAt);
    assert.ok(session.lastUsedAt >= session.createdAt);
  }
  assert.deepEqual(
    sessions.map((session) => [session.id, session.device, session.current]),
    [
      [decodeJwt(newer.token).sid, 'Chromium on Linux', true],
      [decodeJwt(older.token).sid, 'Firefox on Windows', false],
    ],
  );
  assert.ok(sessions[0].createdAt >= sessions[1].createdAt);

  for (const secret of [older, newer, bobs].flatMap((login) => [
    login.token,
    login.cookie,
    hashToken(login.cookie),
    login.token.split('.')[2],
  ])) {
    assert.ok(!response.text.includes(secret), 'no token or hash in the list');
  }
  assert.ok(!/scrypt|hash|token/i.test(response.text));

  const theirs = (await list(api, bobs.token)).body;
  assert.deepEqual(
    theirs.map((session) => [session.device, session.current]),
    [['Safari on iOS', true]],
  );
});

test('one entry per login across its refreshes; sid is a random id', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.alice);
  const refreshed = await refresh(api, login.cookie);
  const again = await refresh(api, refreshCookie(refreshed));
  const { sid } = decodeJwt(again.body.accessToken);
  assert.equal(sid, decodeJwt(login.token).sid);
  assert.match(sid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const sessions = (await list(api, again.body.accessToken)).body;
  assert.deepEqual(
    sessions.map((session) => [session.id, session.current]),
    [[sid, true]],
  );
  const other = await api.login(USERS.alice);
  assert.notEqual(decodeJwt(other.token).sid, sid);
});

test('lastUsedAt follows refreshes and API calls', async (t) => {
  const api = await startApi(t, { TEST_HOOKS: '1' });
  const login = await api.login(USERS.alice);
  const before = (await list(api, login.token)).body[0];
  await api.request('/__test/clock', { method: 'POST', json: { advanceSeconds: 120 } });
  await api.request('/api/notes', { token: login.token });
  const afterUse = (await list(api, login.token)).body[0];
  assert.equal(afterUse.createdAt, before.createdAt);
  assert.ok(Date.parse(afterUse.lastUsedAt) - Date.parse(before.lastUsedAt) >= 120_000);

  await api.request('/__test/clock', { method: 'POST', json: { advanceSeconds: 120 } });
  const refreshed = await refresh(api, login.cookie);
  const afterRefresh = (await list(api, refreshed.body.accessToken)).body[0];
  assert.ok(Date.parse(afterRefresh.lastUsedAt) - Date.parse(afterUse.lastUsedAt) >= 120_000);
});

test('DELETE /auth/sessions/:id ends that login at once; another user’s or an unknown id is 404', async (t) => {
  const api = await startApi(t);
  const here = await api.login(USERS.alice);
  const there = await api.login(USERS.alice);
  const bobs = await api.login(USERS.bob);
  const thereId = decodeJwt(there.token).sid;

  const stranger = await end(api, bobs.token, thereId);
  assert.equal(stranger.status, 404);
  assert.equal(stranger.body.error, 'not_found');
  await assertAlive(api, there);
  for (const id of [
    'no-such-id',
    '00000000-0000-4000-8000-000000000000',
    decodeJwt(bobs.token).sid,
  ]) {
    const response = await end(api, here.token, id);
    assert.equal(response.status, 404, id);
  }
  await assertAlive(api, bobs);

  const ended = await end(api, here.token, thereId);
  assert.equal(ended.status, 204);
  assert.equal(ended.text, '');
  await assertEnded(api, there);
  await assertAlive(api, here);
  assert.deepEqual(
    (await list(api, here.token)).body.map((session) => session.id),
    [decodeJwt(here.token).sid],
  );
  assert.equal((await end(api, here.token, thereId)).status, 404, 'already ended');

  assert.equal((await end(api, here.token, decodeJwt(here.token).sid)).status, 204);
  await assertEnded(api, here);
});

test('DELETE /auth/sessions ends every other login of the caller and keeps this one', async (t) => {
  const api = await startApi(t);
  const others = [await api.login(USERS.alice), await api.login(USERS.alice)];
  const current = await api.login(USERS.alice);
  const bobs = await api.login(USERS.bob);
  const response = await end(api, current.token);
  assert.equal(response.status, 204);
  for (const login of others) await assertEnded(api, login);
  await assertAlive(api, current);
  await assertAlive(api, bobs);
  assert.equal((await list(api, current.token)).body.length, 1);
  assert.equal((await refresh(api, current.cookie)).status, 200);
});

test('the sessions endpoints need a valid access token and answer 405 to other methods', async (t) => {
  const api = await startApi(t);
  const anonymous = await api.request('/auth/sessions');
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.error, 'missing_token');
  assert.equal((await end(api, undefined, 'x')).status, 401);
  const { token } = await api.login(USERS.alice);
  const put = await api.request('/auth/sessions', { method: 'PUT', token });
  assert.equal(put.status, 405);
  assert.equal(put.headers.get('allow'), 'GET, DELETE');
  const post = await api.request('/auth/sessions/x', { method: 'POST', token });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'DELETE');
});

test('deviceLabel names browser and system through bowser, or says it does not know', () => {
  assert.equal(deviceLabel(AGENTS.firefoxWindows), 'Firefox on Windows');
  assert.equal(deviceLabel(AGENTS.chromiumLinux), 'Chromium on Linux');
  assert.equal(deviceLabel(AGENTS.safariIos), 'Safari on iOS');
  assert.equal(
    deviceLabel(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    ),
    'Chrome on Linux',
  );
  for (const agent of [undefined, '', 'curl/8.5.0', 'x'.repeat(5000)]) {
    assert.equal(deviceLabel(agent), 'Unknown device', String(agent).slice(0, 20));
  }
});
