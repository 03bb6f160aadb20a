'use strict';

// Thousands of malformed requests: bodies, headers, paths, queries and raw bytes. None may answer
// 5xx, and every error must be the JSON shape. The generator is seeded, so a failure names a case
// that can be replayed (FUZZ_SEED).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { startApi, USERS } = require('./helpers');

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

// mulberry32: small, seedable, good enough to pick cases.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed) {
  const next = random(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const text = (n) => bytes(n).toString('latin1');
  const weird = [
    '',
    ' ',
    'null',
    'true',
    '0',
    '-1',
    '1e309',
    '"x"',
    '[]',
    '{}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"email":{"$ne":null},"password":{"$ne":null}}',
    '{"email":"alice@example.com","password":"alice-password-1"',
    '{"title":"\\ud800"}',
    '\u0000',
    '\uFEFF{}',
    '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    '{"title":' + '9'.repeat(400) + '}',
    JSON.stringify({ title: 'x'.repeat(300), body: 'y' }),
    JSON.stringify({ email: 'a'.repeat(60) + '!', password: 'p' }),
    JSON.stringify({ email: 'alice@example.com', password: ['alice-password-1'] }),
    JSON.stringify({ title: { toString: 'x' } }),
  ];
  const value = () =>
    pick([
      () => pick(weird),
      () => text(int(200)),
      () => JSON.stringify({ [text(int(10))]: text(int(50)) }),
      () => JSON.stringify({ email: text(int(40)), password: text(int(40)) }),
      () =>
        JSON.stringify({
          title: pick([text(int(250)), int(1e6), null, [], {}]),
          body: pick([text(10), 5]),
        }),
    ])();
  const contentTypes = [
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/merge-patch+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    '*/*',
    'garbage',
  ];
  const authorizations = [
    undefined,
    '',
    'Bearer',
    'Bearer ' + text(int(100)).replace(/[^\x20-\x7e]/g, 'a'),
    'Bearer a.b.c',
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
    'Basic YWxpY2U6eA==',
    'Bearer ' + 'A'.repeat(int(8000)),
    'bearer  x  y',
  ];
  const paths = [
    '/auth/login',
    '/auth/refresh',
    '/auth/logout',
    '/auth/me',
    '/api/notes',
    '/api/notes/1',
    '/api/notes/%E0%A4%A',
    '/api/notes/%00',
    '/api/notes/..%2F..%2Fdb',
    '/api/users',
    '/api/users/1',
    '/api/db',
    '/api/notes?_page=%ZZ',
    '/api/notes?_limit=-1&_page=0',
    '/api/notes?q[a]=1',
    '/api/notes?title_like=((((((((((a',
    '/api/notes?_sort=title,,,&_order=sideways',
    '/api/notes?' + 'a=1&'.repeat(200),
    '/health',
    '/' + encodeURIComponent(text(20)),
    '//api/notes',
  ];
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
  return { int, pick, value, contentTypes, authorizations, paths, methods };
}

function assertAnswer(response, label) {
  assert.ok(response.status < 500, `${label}: ${response.status} ${response.text}`);
  if (response.status >= 400 && response.text !== '') {
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, label);
    assert.deepEqual(Object.keys(JSON.parse(response.text)), ['error', 'message'], label);
  }
}

test('1,200 malformed requests through HTTP: no 5xx, errors always JSON', async (t) => {
  const api = await startApi(t, { LOGIN_MAX_ATTEMPTS: '100000' });
  const { token } = await api.login(USERS.alice);
  const g = generator(SEED);
  for (let i = 0; i < 1200; i++) {
    const method = g.pick(g.methods);
    const path = g.pick(g.paths);
    const headers = {};
    const authorization = g.int(3) === 0 ? `Bearer ${token}` : g.pick(g.authorizations);
    if (authorization !== undefined) headers.authorization = authorization;
    if (g.int(4) > 0) headers['content-type'] = g.pick(g.contentTypes);
    if (g.int(5) === 0) headers.cookie = `refresh_token=${g.value().replace(/[^\x21-\x7e]/g, '')}`;
    if (g.int(6) === 0)
      headers.origin = g.pick(['null', 'http://localhost:4200', 'http://evil.example']);
    if (g.int(8) === 0) headers['x-http-method-override'] = g.pick(g.methods);
    const body = ['GET', 'HEAD'].includes(method) ? undefined : g.value();
    const label = `#${i} ${method} ${path} ${JSON.stringify(headers).slice(0, 120)} ${String(body).slice(0, 80)}`;
    assertAnswer(await api.request(path, { method, headers, body }), label);
  }
  // The server is still healthy and still serving.
  assert.equal((await api.request('/api/notes', { token })).status, 200);
});

function rawExchange(port, bytes) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.setTimeout(3000, () => socket.destroy());
    socket.end(bytes);
  });
}

test('300 malformed raw HTTP messages: no 5xx, refusals are JSON', async (t) => {
  const api = await startApi(t);
  const port = Number(new URL(api.base).port);
  const g = generator(SEED + 1);
  const templates = [
    () => `GET /api/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u0001\u0002\r\n\r\n`,
    () => `GET /health HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000 + g.int(50_000))}\r\n\r\n`,
    () =>
      `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello`,
    () => `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
    () => `POST /auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    () => `${g.pick(['GE T', 'G\u0000T', '???'])} / HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET /health HTTP/9.9\r\n\r\n`,
    () => `GET /${'a'.repeat(g.int(100_000))} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n`,
    () => Buffer.from(Array.from({ length: g.int(500) }, () => g.int(256))),
    () =>
      `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":`,
  ];
  for (let i = 0; i < 300; i++) {
    const answer = await rawExchange(port, g.pick(templates)());
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
    assert.ok(status < 500, `#${i}: ${answer.slice(0, 200)}`);
    if (status >= 400) {
      // Only the first answer counts: a refused message may follow one that was answered.
      const start = answer.indexOf('\r\n\r\n') + 4;
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(answer.slice(0, start))?.[1]);
      const body = answer.slice(start, start + length);
      assert.deepEqual(
        Object.keys(JSON.parse(body)),
        ['error', 'message'],
        `#${i}: ${answer.slice(0, 300)}`,
      );
    }
  }
  assert.equal((await api.request('/health')).status, 200);
});
