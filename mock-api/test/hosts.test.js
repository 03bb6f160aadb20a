'use strict';

// CONTRACT §6: the API answers only under the Host names it serves (DNS rebinding), and no header
// echoes the Host a client sent.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { startApi, USERS } = require('./helpers');
const { loadConfig, ConfigError } = require('../config');

const port = (api) => api.server.address().port;
const underHost = (api, host, path = '/health', options = {}) =>
  api.request(path, { ...options, headers: { ...options.headers, host } });

function assertRefusedHost(response, label) {
  assert.equal(response.status, 421, label);
  assert.deepEqual(Object.keys(response.body), ['error', 'message'], label);
  assert.equal(response.body.error, 'invalid_host', label);
  assert.equal(response.headers.get('cache-control'), 'no-store', label);
}

test('loopback names on the API port are served by default', async (t) => {
  const api = await startApi(t);
  for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST']) {
    const response = await underHost(api, `${host}:${port(api)}`);
    assert.equal(response.status, 200, host);
  }
});

test('any other Host is refused with 421 invalid_host, before anything else runs', async (t) => {
  const api = await startApi(t);
  const hosts = [
    `rebound.example:${port(api)}`,
    'rebound.example',
    `localhost:${port(api) + 1}`,
    `app.localhost:${port(api)}`,
    `127.0.0.2:${port(api)}`,
    `localhost.:${port(api)}`,
    `localhost:${port(api)}@rebound.example`,
    `localhost:${port(api)}, rebound.example`,
    'localhost',
  ];
  for (const host of hosts) {
    assertRefusedHost(await underHost(api, host), host);
    const login = await underHost(api, host, '/auth/login', {
      method: 'POST',
      json: { email: USERS.alice.email, password: USERS.alice.password },
    });
    assertRefusedHost(login, `login under ${host}`);
    assert.deepEqual(login.headers.getSetCookie(), [], host);
    assert.ok(!login.text.includes('rebound'), 'the refusal does not echo the Host');
  }
});

test('a request without a Host is refused too', async (t) => {
  const api = await startApi(t);
  const answer = await new Promise((resolve, reject) => {
    const socket = net.connect(port(api), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.end('GET /health HTTP/1.0\r\n\r\n');
  });
  assert.match(answer, /^HTTP\/1\.1 421 /);
  assert.match(answer, /"error": "invalid_host"/);
});

test('the dev proxy keeps working: loopback names on the CORS_ORIGIN port are served too', async (t) => {
  const api = await startApi(t, { CORS_ORIGIN: 'http://127.0.0.1:4321' });
  for (const host of ['localhost:4321', '127.0.0.1:4321', '[::1]:4321']) {
    const login = await underHost(api, host, '/auth/login', {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:4321' },
      json: { email: USERS.alice.email, password: USERS.alice.password },
    });
    assert.equal(login.status, 200, host);
  }
  assertRefusedHost(await underHost(api, 'localhost:4322'), 'another port');
});

test('a CORS_ORIGIN under another name adds no port for loopback names', async (t) => {
  const api = await startApi(t, { CORS_ORIGIN: 'https://app.example:8443' });
  assertRefusedHost(await underHost(api, 'localhost:8443'), 'localhost:8443');
  assertRefusedHost(await underHost(api, 'app.example:8443'), 'app.example:8443');
});

test('ALLOWED_HOSTS adds names, on any port or on the one given', async (t) => {
  const api = await startApi(t, {
    ALLOWED_HOSTS: 'api.example, tunnel.example:8443,[fd00::1]:9000',
  });
  for (const host of ['api.example', 'api.example:1234', 'API.example', 'tunnel.example:8443']) {
    assert.equal((await underHost(api, host)).status, 200, host);
  }
  assert.equal((await underHost(api, '[fd00::1]:9000')).status, 200);
  for (const host of ['tunnel.example', 'tunnel.example:9000', '[fd00::1]', 'x.api.example']) {
    assertRefusedHost(await underHost(api, host), host);
  }
});

test('ALLOWED_HOSTS: bad entries stop start-up naming the variable', () => {
  for (const raw of [
    '*',
    'http://api.example',
    'api.example/path',
    'api example',
    'api.example:99999',
    'api.example:',
    'user@api.example',
    '[fd00::1',
    '-bad-.example',
  ]) {
    assert.throws(
      () => loadConfig({ ALLOWED_HOSTS: raw }),
      (error) => error instanceof ConfigError && /^ALLOWED_HOSTS\b/.test(error.message),
      raw,
    );
  }
  assert.deepEqual(loadConfig({ ALLOWED_HOSTS: 'a.example,,b.example:81, ' }).allowedHosts, [
    { hostname: 'a.example', port: undefined },
    { hostname: 'b.example', port: 81 },
  ]);
});

test('Location and Link never carry the Host the client sent', async (t) => {
  const api = await startApi(t, { ALLOWED_HOSTS: 'api.example' });
  const { token } = await api.login(USERS.alice);
  const created = await underHost(api, 'api.example', '/api/notes', {
    method: 'POST',
    token,
    json: { title: 'Located' },
  });
  assert.equal(created.status, 201);
  assert.equal(created.headers.get('location'), `/api/notes/${created.body.id}`);

  const page = await underHost(api, 'api.example', '/api/notes?_page=1&_limit=1', { token });
  assert.equal(page.status, 200);
  const link = page.headers.get('link');
  assert.ok(link, 'paged lists carry Link');
  assert.ok(!link.includes('api.example'), link);
  for (const target of link.matchAll(/<([^>]*)>/g)) {
    assert.match(target[1], /^\/api\/notes\?_page=\d+&_limit=1$/);
  }
  assert.match(link, /rel="first"/);
  assert.match(link, /rel="next"/);
});
