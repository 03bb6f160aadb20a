'use strict';

// Shared by the mock-API tests: each test gets its own server on a free port with its own temp
// DB_FILE, and talks to it over HTTP only.

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { loadConfig } = require('../config');
const { start, createServices } = require('../server');
const { testChecker } = require('./openapi-check');

const SECRET = 'test-secret-that-is-at-least-32-bytes-long';
const USERS = {
  alice: { email: 'alice@example.com', password: 'alice-password-1', id: 1 },
  bob: { email: 'bob@example.com', password: 'bob-password-1', id: 2 },
  admin: { email: 'admin@example.com', password: 'admin-password-1', id: 3 },
};

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-api-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function testEnv(dir, env = {}) {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DB_FILE: path.join(dir, 'db.json'),
    JWT_SECRET: SECRET,
    NODE_ENV: 'test',
    ...env,
  };
}

// `services` makes the server's parts from its config, e.g. the real ones with one swapped.
async function startApi(t, env = {}, { dir = tempDir(t), services = createServices } = {}) {
  const config = loadConfig(testEnv(dir, env));
  const server = await start(config, services(config));
  t.after(() => closeServer(server));
  const base = `http://127.0.0.1:${server.address().port}`;
  return createClient(base, { dir, config, server });
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function createClient(base, extra = {}) {
  // `localAddress` sends the request from another loopback address (another client, as the API
  // sees it), e.g. '127.0.0.2'.
  async function request(
    pathname,
    { method = 'GET', json, token, cookie, headers = {}, body, localAddress } = {},
  ) {
    const init = { method, headers: { ...headers }, redirect: 'manual' };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    if (token !== undefined) init.headers.authorization = `Bearer ${token}`;
    if (cookie !== undefined) init.headers.cookie = `refresh_token=${cookie}`;
    const response =
      localAddress !== undefined || init.headers.host !== undefined
        ? await nodeHttpFetch(base + pathname, init, localAddress)
        : await fetch(base + pathname, init);
    const text = await response.text();
    let data;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      data = undefined;
    }
    const result = { status: response.status, headers: response.headers, text, body: data };
    (await testChecker()).assertFits({ method, url: base + pathname }, result);
    return result;
  }

  async function login(user, options = {}) {
    const response = await request('/auth/login', {
      method: 'POST',
      json: { email: user.email, password: user.password },
      ...options,
    });
    return { ...response, cookie: refreshCookie(response), token: response.body?.accessToken };
  }

  return { base, request, login, ...extra };
}

// fetch() can neither bind the client to an address nor send a Host header of our choosing;
// node:http can. The answer is returned as a fetch Response, so callers cannot tell the two apart.
function nodeHttpFetch(url, { method, headers, body }, localAddress) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method, headers, localAddress, agent: false });
    outgoing.on('error', reject);
    outgoing.on('response', (incoming) => {
      const chunks = [];
      incoming.on('data', (chunk) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const answerHeaders = new Headers();
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
          answerHeaders.append(incoming.rawHeaders[i], incoming.rawHeaders[i + 1]);
        }
        const data = Buffer.concat(chunks);
        resolve(
          new Response(data.length === 0 ? null : data, {
            status: incoming.statusCode,
            headers: answerHeaders,
          }),
        );
      });
    });
    outgoing.end(body);
  });
}

// The refresh token value from a response's Set-Cookie, or undefined.
function refreshCookie(response) {
  const header = response.headers.getSetCookie().find((line) => line.startsWith('refresh_token='));
  const value = header?.split(';')[0].slice('refresh_token='.length);
  return value === '' ? undefined : value;
}

module.exports = {
  SECRET,
  USERS,
  tempDir,
  testEnv,
  startApi,
  createClient,
  closeServer,
  refreshCookie,
};
