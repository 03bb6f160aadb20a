'use strict';

// CONTRACT §6: every /auth/* and /api/* answer, errors included, carries Cache-Control: no-store
// and X-Content-Type-Options: nosniff.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi, USERS } = require('./helpers');

test('every /auth and /api answer carries no-store and nosniff, errors included', async (t) => {
  const api = await startApi(t);
  const login = await api.login(USERS.alice);
  const { token } = login;
  const note = await api.request('/api/notes', { method: 'POST', token, json: { title: 'x' } });
  const requests = [
    ['/auth/login', { method: 'POST', json: { email: USERS.bob.email, password: 'wrong' } }],
    ['/auth/login', { method: 'POST', json: {} }],
    ['/auth/login', { method: 'GET' }],
    ['/auth/refresh', { method: 'POST' }],
    ['/auth/refresh', { method: 'POST', cookie: login.cookie }],
    ['/auth/me', {}],
    ['/auth/me', { token }],
    ['/auth/nope', {}],
    ['/api/notes', {}],
    ['/api/notes', { token }],
    ['/api/notes?_page=1', { token }],
    [`/api/notes/${note.body.id}`, { token }],
    ['/api/notes/999999', { token }],
    ['/api/notes', { method: 'POST', token, json: { title: '' } }],
    ['/api/notes', { method: 'POST', token, body: 'x'.repeat(70_000) }],
    ['/api/users', { token }],
    ['/api/nope', { token }],
    ['/api/notes', { method: 'OPTIONS', headers: { origin: 'http://localhost:4200' } }],
    ['/auth/logout', { method: 'POST' }],
  ];
  for (const [path, options] of requests) {
    const response = await api.request(path, options);
    const label = `${options.method ?? 'GET'} ${path} → ${response.status}`;
    assert.equal(response.headers.get('cache-control'), 'no-store', label);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', label);
  }
});
