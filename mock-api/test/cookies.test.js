'use strict';

// CONTRACT §4, cookies: a refresh_token cookie planted beside the real one (cookie tossing from
// another localhost port) never signs anyone in as someone else, and a logout still ends the
// caller's real login.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi, USERS, refreshCookie } = require('./helpers');

// What a browser sends when another page on localhost set `refresh_token` with Path=/auth/refresh:
// the longer path first (RFC 6265 §5.4), then the API's own cookie.
const tossed = (planted, real) => ({ cookie: `refresh_token=${planted}; refresh_token=${real}` });

const post = (api, path, headers) => api.request(path, { method: 'POST', headers });

async function assertSignedOut(api, login) {
  const refreshed = await api.request('/auth/refresh', { method: 'POST', cookie: login.cookie });
  assert.equal(refreshed.status, 401);
  assert.equal(refreshed.body.error, 'invalid_grant');
  const used = await api.request('/api/notes', { token: login.token });
  assert.equal(used.status, 401);
  assert.equal(used.body.error, 'invalid_token');
}

test('a refresh with two refresh_token cookies answers 401 invalid_grant, never a sign-in as the planter', async (t) => {
  const api = await startApi(t);
  const victim = await api.login(USERS.alice);
  const attacker = await api.login(USERS.bob);

  for (const order of [
    tossed(attacker.cookie, victim.cookie),
    tossed(victim.cookie, attacker.cookie),
  ]) {
    const response = await post(api, '/auth/refresh', order);
    assert.equal(response.status, 401);
    assert.equal(response.body.error, 'invalid_grant');
    assert.equal(response.body.accessToken, undefined);
    assert.equal(refreshCookie(response), undefined, 'no new refresh token is handed out');
  }
});

test('the refused refresh clears the cookie on every path that could have shadowed the real one', async (t) => {
  const api = await startApi(t);
  const victim = await api.login(USERS.alice);
  const attacker = await api.login(USERS.bob);
  const response = await post(api, '/auth/refresh', tossed(attacker.cookie, victim.cookie));
  const cleared = response.headers
    .getSetCookie()
    .filter((line) => /^refresh_token=;/.test(line) && /Expires=Thu, 01 Jan 1970/.test(line))
    .map((line) => /Path=([^;]*)/.exec(line)[1])
    .sort();
  assert.deepEqual(cleared, ['/', '/auth', '/auth/', '/auth/refresh']);
});

test('after a refused tossed refresh, both logins it carried have ended', async (t) => {
  const api = await startApi(t);
  const victim = await api.login(USERS.alice);
  const attacker = await api.login(USERS.bob);
  await post(api, '/auth/refresh', tossed(attacker.cookie, victim.cookie));
  // The planted token can no longer sign the victim in as the attacker, even alone.
  await assertSignedOut(api, attacker);
  await assertSignedOut(api, victim);
});

test('a logout with a planted cookie ends the caller’s real login too', async (t) => {
  const api = await startApi(t);
  const victim = await api.login(USERS.alice);
  const attacker = await api.login(USERS.bob);
  const response = await post(api, '/auth/logout', tossed(attacker.cookie, victim.cookie));
  assert.equal(response.status, 204);
  await assertSignedOut(api, victim);
  await assertSignedOut(api, attacker);
  const paths = response.headers.getSetCookie().map((line) => /Path=([^;]*)/.exec(line)[1]);
  assert.deepEqual(paths.sort(), ['/', '/auth', '/auth/', '/auth/logout']);
});

test('a single refresh_token among other cookies still works', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.alice);
  const response = await post(api, '/auth/refresh', {
    cookie: `theme=dark; refresh_token=${login.cookie}; Refresh_Token=other; refresh_token_x=1`,
  });
  assert.equal(response.status, 200);
  assert.equal(response.body.user.email, USERS.alice.email);
});

test('refreshTokenValues counts every refresh_token pair of the raw header', () => {
  const { refreshTokenValues } = require('../cookies');
  assert.deepEqual(refreshTokenValues(undefined), []);
  assert.deepEqual(refreshTokenValues(''), []);
  assert.deepEqual(refreshTokenValues('refresh_token=a'), ['a']);
  assert.deepEqual(refreshTokenValues('refresh_token=a; refresh_token=b'), ['a', 'b']);
  assert.deepEqual(refreshTokenValues('refresh_token=a;refresh_token=a'), ['a', 'a']);
  assert.deepEqual(refreshTokenValues(' refresh_token = "a" ; x=1'), ['a']);
  assert.deepEqual(refreshTokenValues('refresh_token=%61%62'), ['ab']);
  assert.deepEqual(refreshTokenValues('refresh_token='), ['']);
  assert.deepEqual(refreshTokenValues('xrefresh_token=a; refresh_tokenx=b; REFRESH_TOKEN=c'), []);
  assert.deepEqual(refreshTokenValues('garbage; ;;=; refresh_token=z'), ['z']);
  // Node joins repeated Cookie headers with "; ", so they count together.
  assert.deepEqual(refreshTokenValues('refresh_token=a; refresh_token=b; refresh_token=c'), [
    'a',
    'b',
    'c',
  ]);
});

test('cookiePathsFor lists every cookie path a browser sends to a request path', () => {
  const { cookiePathsFor } = require('../cookies');
  assert.deepEqual(cookiePathsFor('/auth/refresh'), ['/', '/auth', '/auth/', '/auth/refresh']);
  assert.deepEqual(cookiePathsFor('/auth/logout'), ['/', '/auth', '/auth/', '/auth/logout']);
  assert.deepEqual(cookiePathsFor('/'), ['/']);
  assert.deepEqual(cookiePathsFor('/auth/'), ['/', '/auth', '/auth/']);
});
