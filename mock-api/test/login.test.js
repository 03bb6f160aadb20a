'use strict';

// CONTRACT §4, POST /auth/login.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { startApi, USERS } = require('./helpers');

const post = (api, body, options = {}) =>
  api.request('/auth/login', { method: 'POST', json: body, ...options });

// What a client can observe of an answer, minus the Date header (the clock moves on).
const observable = (response) => ({
  status: response.status,
  text: response.text,
  headers: [...response.headers].filter(([name]) => name !== 'date'),
});

test('a good login answers the token, its lifetime and the user, and sets the refresh cookie', async (t) => {
  const api = await startApi(t, { ACCESS_TOKEN_TTL: '2h' });
  const response = await api.login(USERS.alice);
  assert.equal(response.status, 200);
  const { accessToken, ...rest } = response.body;
  assert.deepEqual(rest, {
    tokenType: 'Bearer',
    expiresIn: 7200,
    user: { id: 1, email: 'alice@example.com', name: 'Alice Example', roles: ['user'] },
  });
  assert.match(accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const [cookie] = response.headers.getSetCookie();
  assert.match(cookie, /^refresh_token=[\w-]{32,};/);
  assert.deepEqual(
    cookie
      .split('; ')
      .slice(1)
      .filter((part) => !/^(Max-Age|Expires)=/.test(part)),
    ['Path=/auth', 'HttpOnly', 'SameSite=Strict'],
  );
  assert.equal(response.headers.get('cache-control'), 'no-store');
});

test('the refresh cookie is Secure when the API is reached under a non-local name', async (t) => {
  const api = await startApi(t, { ALLOWED_HOSTS: 'api.tokengate.example' });
  // fetch() will not send a Host header of our choosing; node:http will.
  const response = await new Promise((resolve, reject) => {
    const body = JSON.stringify({ email: USERS.alice.email, password: USERS.alice.password });
    const request = http.request(`${api.base}/auth/login`, {
      method: 'POST',
      headers: { host: 'api.tokengate.example', 'content-type': 'application/json' },
    });
    request.on('response', (answer) => answer.resume().on('end', () => resolve(answer)));
    request.on('error', reject);
    request.end(body);
  });
  assert.equal(response.statusCode, 200);
  assert.match(response.headers['set-cookie'][0], /; Secure/);
});

test('emails match case-insensitively', async (t) => {
  const api = await startApi(t);
  const response = await post(api, { email: 'ALICE@Example.COM', password: USERS.alice.password });
  assert.equal(response.status, 200);
  assert.equal(response.body.user.email, 'alice@example.com');
});

test('wrong password and unknown email answer byte-identically', async (t) => {
  const api = await startApi(t);
  const wrong = await post(api, { email: USERS.alice.email, password: 'not-her-password' });
  const unknown = await post(api, { email: 'nobody@example.com', password: 'not-her-password' });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, {
    error: 'invalid_credentials',
    message: 'Wrong email or password',
  });
  assert.deepEqual(observable(unknown), observable(wrong));
  assert.deepEqual(wrong.headers.getSetCookie(), []);
});

test('malformed logins answer 400 invalid_request', async (t) => {
  const api = await startApi(t);
  const cases = [
    { body: '{"email": "alice@example.com",', type: 'application/json' },
    { body: 'email=alice@example.com&password=x', type: 'application/x-www-form-urlencoded' },
    { body: '{"email":"alice@example.com","password":"alice-password-1"}', type: 'text/plain' },
    { json: [] },
    { json: 'alice@example.com' },
    { json: {} },
    { json: { email: 'alice@example.com' } },
    { json: { password: 'alice-password-1' } },
    { json: { email: 42, password: 'alice-password-1' } },
    { json: { email: ['alice@example.com'], password: 'alice-password-1' } },
    { json: { email: 'alice@example.com', password: 12345 } },
    { json: { email: 'alice@example.com', password: null } },
    { json: { email: 'alice@example.com', password: '' } },
    { json: { email: 'alice', password: 'alice-password-1' } },
    { json: { email: 'alice@', password: 'alice-password-1' } },
    { json: { email: '@example.com', password: 'alice-password-1' } },
    { json: { email: 'alice@@example.com', password: 'alice-password-1' } },
    { json: { email: 'alice@example', password: 'alice-password-1' } },
    { json: { email: 'al ice@example.com', password: 'alice-password-1' } },
    { json: { email: `${'a'.repeat(300)}@example.com`, password: 'alice-password-1' } },
    // The input that makes json-server-auth's backtracking email regex hang the whole server.
    { json: { email: `${'a'.repeat(42)}!`, password: 'x' } },
    { json: { email: `${'a@'.repeat(40)}`, password: 'x' } },
  ];
  for (const { body, type, json } of cases) {
    const response = await api.request('/auth/login', {
      method: 'POST',
      ...(json === undefined ? { body, headers: { 'content-type': type } } : { json }),
    });
    assert.equal(response.status, 400, `${body ?? JSON.stringify(json)}`);
    assert.equal(response.body.error, 'invalid_request');
    assert.equal(typeof response.body.message, 'string');
  }
});

test('a body over 10 KiB answers 413 as JSON', async (t) => {
  const api = await startApi(t);
  const password = 'x'.repeat(10 * 1024);
  const response = await post(api, { email: USERS.alice.email, password });
  assert.equal(response.status, 413);
  assert.equal(response.body.error, 'payload_too_large');
});

test('after LOGIN_MAX_ATTEMPTS failures the email gets 429 with Retry-After, even with the right password', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW: '10m' });
  for (let i = 0; i < 3; i++) {
    const response = await post(api, { email: USERS.bob.email, password: `guess-${i}` });
    assert.equal(response.status, 401);
  }
  const blocked = await post(api, { email: 'BOB@example.com', password: USERS.bob.password });
  assert.equal(blocked.status, 429);
  assert.equal(blocked.body.error, 'too_many_attempts');
  const retryAfter = Number(blocked.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 600, `${retryAfter}`);
  // Other emails are not affected.
  assert.equal((await api.login(USERS.alice)).status, 200);
});

test('unknown emails are limited exactly like known ones', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '2' });
  const known = [];
  const unknown = [];
  for (let i = 0; i < 3; i++) {
    known.push(await post(api, { email: USERS.bob.email, password: 'wrong' }));
    unknown.push(await post(api, { email: 'ghost@example.com', password: 'wrong' }));
  }
  assert.deepEqual(
    known.map((response) => response.status),
    [401, 401, 429],
  );
  assert.deepEqual(
    unknown.map((response) => response.status),
    [401, 401, 429],
  );
  // The same answer, but for the seconds left, which depend on when each email failed.
  const withoutSeconds = (response) => response.text.replace(/\d+/g, 'N');
  assert.equal(withoutSeconds(unknown[2]), withoutSeconds(known[2]));
});

test('parallel guesses cannot get past the limit', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '3' });
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      post(api, { email: USERS.bob.email, password: `guess-${i}` }),
    ),
  );
  const statuses = answers.map((response) => response.status).sort();
  assert.deepEqual(statuses, [401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
});

test('parallel logins with the right password all succeed', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '2' });
  const answers = await Promise.all(Array.from({ length: 6 }, () => api.login(USERS.bob)));
  assert.deepEqual(
    answers.map((response) => response.status),
    [200, 200, 200, 200, 200, 200],
  );
});

test('only 401s count toward the limit, and a successful login clears the count', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '2' });
  for (let i = 0; i < 5; i++) {
    assert.equal((await post(api, { email: USERS.bob.email, password: 7 })).status, 400);
  }
  assert.equal((await post(api, { email: USERS.bob.email, password: 'wrong' })).status, 401);
  assert.equal((await api.login(USERS.bob)).status, 200);
  assert.equal((await post(api, { email: USERS.bob.email, password: 'wrong' })).status, 401);
  assert.equal((await api.login(USERS.bob)).status, 200);
});

test('failed attempts leave the window after LOGIN_WINDOW', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '1', LOGIN_WINDOW: '1s' });
  assert.equal((await post(api, { email: USERS.bob.email, password: 'wrong' })).status, 401);
  assert.equal((await api.login(USERS.bob)).status, 429);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.equal((await api.login(USERS.bob)).status, 200);
});

test('a login from a foreign origin is refused', async (t) => {
  const api = await startApi(t);
  const foreign = await api.login(USERS.alice, { headers: { origin: 'http://localhost:5555' } });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.error, 'forbidden');
  const fromApp = await api.login(USERS.alice, { headers: { origin: 'http://localhost:4200' } });
  assert.equal(fromApp.status, 200);
});

test('other methods on /auth/login answer 405 with Allow', async (t) => {
  const api = await startApi(t);
  const response = await api.request('/auth/login');
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'POST');
  assert.equal(response.body.error, 'method_not_allowed');
});

test('password checks do not hold up other requests', async (t) => {
  const api = await startApi(t);
  const { token } = await api.login(USERS.alice);
  let loginsDone = 0;
  const storm = Array.from({ length: 10 }, () =>
    post(api, { email: USERS.bob.email, password: USERS.bob.password }).then(() => loginsDone++),
  );
  const notes = await api.request('/api/notes', { token });
  assert.equal(notes.status, 200);
  assert.ok(loginsDone < 5, `${loginsDone} of 10 logins had finished before one GET was answered`);
  await Promise.all(storm);
});
