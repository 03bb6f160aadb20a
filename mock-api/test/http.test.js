'use strict';

// Cross-cutting behaviour: CORS for one origin only, JSON errors everywhere, and a request log
// that never carries a token, a password or a hash.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi, USERS } = require('./helpers');

test('CORS allows CORS_ORIGIN with credentials, and only it', async (t) => {
  const api = await startApi(t, { CORS_ORIGIN: 'http://localhost:4321' });
  const preflight = (origin) =>
    api.request('/api/notes', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
  const allowed = await preflight('http://localhost:4321');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:4321');
  assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
  assert.match(allowed.headers.get('access-control-allow-methods'), /POST/);

  for (const origin of ['http://evil.example', 'http://localhost:4200', 'null']) {
    const response = await preflight(origin);
    assert.notEqual(response.headers.get('access-control-allow-origin'), origin, origin);
    assert.notEqual(response.headers.get('access-control-allow-origin'), '*', origin);
  }
  const simple = await api.request('/health', { headers: { origin: 'http://evil.example' } });
  assert.equal(simple.headers.get('access-control-allow-origin'), 'http://localhost:4321');
});

test('errors are JSON {error, message} everywhere: unknown paths, bad URLs, static files', async (t) => {
  const api = await startApi(t);
  for (const path of [
    '/',
    '/index.html',
    '/favicon.ico',
    '/nope',
    '/auth',
    '/auth/nope',
    '/api/notes/%E0%A4%A',
  ]) {
    const response = await api.request(path);
    assert.ok([400, 401, 404].includes(response.status), `${path}: ${response.status}`);
    assert.match(response.headers.get('content-type'), /^application\/json/, path);
    assert.deepEqual(Object.keys(response.body), ['error', 'message'], path);
    assert.ok(!/<html|at \w+ \(/i.test(response.text), `${path}: HTML or a stack trace`);
  }
  const broken = await api.request('/auth/login', {
    method: 'POST',
    body: '{"email":',
    headers: { 'content-type': 'application/json' },
  });
  assert.deepEqual(broken.body, {
    error: 'invalid_request',
    message: 'The body is not valid JSON',
  });
});

test('the request log never carries a token, a password or a hash', async (t) => {
  const lines = [];
  const original = { log: console.log, warn: console.warn, error: console.error };
  for (const name of Object.keys(original)) console[name] = (...args) => lines.push(args.join(' '));
  t.after(() => Object.assign(console, original));

  const api = await startApi(t, { NODE_ENV: 'development' });
  const login = await api.login(USERS.alice);
  await api.request('/auth/login', {
    method: 'POST',
    json: { email: USERS.bob.email, password: 'a-wrong-password' },
  });
  const refreshed = await api.request('/auth/refresh', { method: 'POST', cookie: login.cookie });
  await api.request('/api/notes', { token: login.token });
  await api.request(`/api/notes/${login.token}`, { token: login.token });
  await api.request(`/api/notes?access_token=${login.token}`);
  await api.request('/auth/logout', { method: 'POST', cookie: login.cookie });

  assert.ok(
    lines.some((line) => line.includes('POST /auth/login 200')),
    lines.join('\n'),
  );
  const secrets = [
    login.token,
    login.cookie,
    refreshed.body.accessToken,
    USERS.alice.password,
    'a-wrong-password',
    'scrypt$',
  ];
  for (const line of lines) {
    for (const secret of secrets) assert.ok(!line.includes(secret), `leaked in: ${line}`);
    for (const part of login.token.split('.')) assert.ok(!line.includes(part.slice(0, 40)), line);
  }
});
