'use strict';

// CONTRACT §6: /api/notes (owner-scoped), /api/users (admins, read-only), everything else 404.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi, USERS } = require('./helpers');

async function signedIn(t, env) {
  const api = await startApi(t, env);
  const tokens = {};
  for (const [name, user] of Object.entries(USERS)) tokens[name] = (await api.login(user)).token;
  const as =
    (name) =>
    (path, options = {}) =>
      api.request(`/api${path}`, { token: tokens[name], ...options });
  return { api, alice: as('alice'), bob: as('bob'), admin: as('admin') };
}

const NOTE_KEYS = ['body', 'createdAt', 'id', 'ownerId', 'title', 'updatedAt'];

test('a user lists only their own notes', async (t) => {
  const { alice, bob, admin } = await signedIn(t);
  for (const [as, id] of [
    [alice, 1],
    [bob, 2],
    [admin, 3],
  ]) {
    const response = await as('/notes');
    assert.equal(response.status, 200);
    assert.ok(response.body.length > 0);
    for (const note of response.body) {
      assert.equal(note.ownerId, id);
      assert.deepEqual(Object.keys(note).sort(), NOTE_KEYS);
    }
  }
  // Asking for someone else's notes by filter still yields only one's own.
  const sneaky = await alice('/notes?ownerId=2');
  assert.ok(sneaky.body.every((note) => note.ownerId === 1));
});

test("another user's note answers 404 to every method, and stays unchanged", async (t) => {
  const { alice, bob } = await signedIn(t);
  const bobs = (await bob('/notes')).body[0];
  const attempts = [
    ['GET'],
    ['PUT', { title: 'mine now' }],
    ['PATCH', { title: 'mine now' }],
    ['DELETE'],
  ];
  for (const [method, json] of attempts) {
    const response = await alice(`/notes/${bobs.id}`, { method, json });
    assert.equal(response.status, 404, method);
    assert.equal(response.body.error, 'not_found');
  }
  assert.deepEqual((await bob(`/notes/${bobs.id}`)).body, bobs);
  assert.equal((await alice('/notes/99999')).status, 404);
});

test('creating a note ignores id, ownerId, createdAt and unknown fields sent by the client', async (t) => {
  const { alice, bob } = await signedIn(t);
  const before = Date.now();
  const response = await alice('/notes', {
    method: 'POST',
    json: {
      id: 1,
      ownerId: 2,
      createdAt: '2000-01-01T00:00:00.000Z',
      updatedAt: '2000-01-01T00:00:00.000Z',
      role: 'admin',
      title: 'Groceries',
      body: 'Apples',
    },
  });
  assert.equal(response.status, 201);
  const note = response.body;
  assert.deepEqual(Object.keys(note).sort(), NOTE_KEYS);
  assert.equal(note.ownerId, 1);
  assert.notEqual(note.id, 1);
  assert.equal(note.title, 'Groceries');
  assert.equal(note.body, 'Apples');
  assert.ok(Date.parse(note.createdAt) >= before - 1000);
  assert.equal(note.updatedAt, note.createdAt);
  assert.match(response.headers.get('location'), new RegExp(`/api/notes/${note.id}$`));
  assert.deepEqual((await alice(`/notes/${note.id}`)).body, note);
  assert.equal((await bob(`/notes/${note.id}`)).status, 404);

  const bare = await alice('/notes', { method: 'POST', json: { title: 'Only a title' } });
  assert.equal(bare.status, 201);
  assert.equal(bare.body.body, '');
});

test('PUT replaces, PATCH updates; neither can move a note or rewrite its creation time', async (t) => {
  const { alice, bob } = await signedIn(t);
  const original = (await alice('/notes/1')).body;
  const put = await alice('/notes/1', {
    method: 'PUT',
    json: {
      title: 'Replaced',
      body: 'New body',
      ownerId: 2,
      createdAt: '1999-01-01T00:00:00Z',
      id: 77,
    },
  });
  assert.equal(put.status, 200);
  assert.equal(put.body.id, 1);
  assert.equal(put.body.ownerId, 1);
  assert.equal(put.body.createdAt, original.createdAt);
  assert.equal(put.body.title, 'Replaced');
  assert.ok(put.body.updatedAt > original.updatedAt);

  const patch = await alice('/notes/1', { method: 'PATCH', json: { body: 'Patched', ownerId: 2 } });
  assert.equal(patch.status, 200);
  assert.deepEqual(
    { ...patch.body, updatedAt: undefined },
    { ...put.body, body: 'Patched', updatedAt: undefined },
  );
  assert.equal((await bob('/notes/1')).status, 404);
});

test('deleting a note removes it for good', async (t) => {
  const { alice } = await signedIn(t);
  assert.equal((await alice('/notes/2', { method: 'DELETE' })).status, 200);
  assert.equal((await alice('/notes/2')).status, 404);
  assert.ok((await alice('/notes')).body.every((note) => note.id !== 2));
});

test('title must be 1-200 characters and body at most 10,000, else 400', async (t) => {
  const { alice } = await signedIn(t);
  const invalid = [
    {},
    { title: '' },
    { title: '   ' },
    { title: 'x'.repeat(201) },
    { title: 42 },
    { title: ['x'] },
    { title: null },
    { title: 'ok', body: 'x'.repeat(10_001) },
    { title: 'ok', body: 7 },
    { title: 'ok', body: { text: 'x' } },
  ];
  for (const json of invalid) {
    for (const [method, path] of [
      ['POST', '/notes'],
      ['PUT', '/notes/1'],
    ]) {
      const response = await alice(path, { method, json });
      assert.equal(response.status, 400, `${method} ${JSON.stringify(json).slice(0, 60)}`);
      assert.equal(response.body.error, 'invalid_request');
    }
  }
  for (const json of [{ title: '' }, { title: 'x'.repeat(201) }, { body: 'x'.repeat(10_001) }]) {
    assert.equal((await alice('/notes/1', { method: 'PATCH', json })).status, 400);
  }
  for (const json of [[], 'a string', 12]) {
    assert.equal((await alice('/notes', { method: 'POST', json })).status, 400);
  }
  const limits = await alice('/notes', {
    method: 'POST',
    json: { title: '🙂'.repeat(200), body: 'é'.repeat(10_000) },
  });
  assert.equal(limits.status, 201, 'lengths count characters, not UTF-16 units');
  assert.equal((await alice('/notes', { method: 'POST', json: { title: 'x' } })).status, 201);
});

test('a body over 64 KiB on /api answers 413; non-JSON bodies answer 400', async (t) => {
  const { alice } = await signedIn(t);
  const big = await alice('/notes', {
    method: 'POST',
    json: { title: 'x', body: 'y'.repeat(70_000) },
  });
  assert.equal(big.status, 413);
  assert.equal(big.body.error, 'payload_too_large');
  const form = await alice('/notes', {
    method: 'POST',
    body: 'title=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(form.status, 400);
  const broken = await alice('/notes', {
    method: 'POST',
    body: '{"title": ',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(broken.status, 400);
  assert.deepEqual(Object.keys(broken.body), ['error', 'message']);
});

test("json-server's paging, sorting and search keep working, scoped to the owner", async (t) => {
  const { alice, bob } = await signedIn(t);
  for (let i = 1; i <= 12; i++) {
    await alice('/notes', {
      method: 'POST',
      json: { title: `Paged ${String(i).padStart(2, '0')}` },
    });
  }
  const total = (await alice('/notes')).body.length;
  const page = await alice('/notes?_page=2&_limit=5&_sort=title&_order=desc');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('x-total-count'), String(total));
  assert.equal(page.body.length, 5);
  const titles = page.body.map((note) => note.title);
  assert.deepEqual(titles, [...titles].sort().reverse());
  assert.match(page.headers.get('link'), /_page=1.*rel="first"/);

  const search = await alice('/notes?q=paged');
  assert.equal(search.body.length, 12);
  assert.equal((await bob('/notes?q=paged')).body.length, 0);
  assert.equal((await bob('/notes?_page=1&_limit=100')).headers.get('x-total-count'), '2');

  const like = await alice('/notes?title_like=Paged 1');
  assert.deepEqual(
    like.body.map((note) => note.title),
    ['Paged 10', 'Paged 11', 'Paged 12'],
  );
});

test('query parameters that reach unsafe json-server features are refused or defused', async (t) => {
  const { alice } = await signedIn(t);
  for (const query of [
    '_embed=users',
    '_expand=owner',
    '_delay=60000',
    'callback=steal',
    'passwordHash=x',
    '_sort=passwordHash',
    '_sort=title&_sort=body',
    'q[$ne]=x',
    '_page[]=1',
  ]) {
    const response = await alice(`/notes?${query}`);
    assert.equal(response.status, 400, query);
    assert.equal(response.body.error, 'invalid_request', query);
  }
  // `_like` is a plain text match: a catastrophic regex is just text that matches nothing.
  const evil = await alice(`/notes?title_like=${encodeURIComponent('^(a+)+$')}`);
  assert.equal(evil.status, 200);
  assert.deepEqual(evil.body, []);
});

test('X-HTTP-Method-Override cannot turn a checked request into another one', async (t) => {
  const { alice, bob } = await signedIn(t);
  const response = await alice('/notes', {
    method: 'POST',
    json: { title: 'Posted' },
    headers: { 'x-http-method-override': 'GET' },
  });
  assert.equal(response.status, 201);
  assert.equal(response.body.title, 'Posted');
  const bobsId = (await bob('/notes')).body[0].id;
  const sneaky = await alice(`/notes/${bobsId}`, {
    method: 'POST',
    json: {},
    headers: { 'x-http-method-override': 'DELETE' },
  });
  assert.equal(sneaky.status, 405);
  assert.equal((await bob(`/notes/${bobsId}`)).status, 200);
});

test('users are for admins only (others 403 forbidden), never show a hash, and are read-only', async (t) => {
  const { alice, admin } = await signedIn(t);
  for (const path of ['/users', '/users/1', '/users/999']) {
    const response = await alice(path);
    assert.equal(response.status, 403, path);
    assert.equal(response.body.error, 'forbidden');
  }
  const list = await admin('/users');
  assert.equal(list.status, 200);
  assert.deepEqual(
    list.body.map((user) => user.email),
    ['alice@example.com', 'bob@example.com', 'admin@example.com'],
  );
  for (const user of list.body)
    assert.deepEqual(Object.keys(user).sort(), ['email', 'id', 'name', 'roles']);
  assert.ok(!/scrypt|hash|password/i.test(list.text));
  assert.deepEqual((await admin('/users/2')).body, {
    id: 2,
    email: 'bob@example.com',
    name: 'Bob Example',
    roles: ['user'],
  });
  assert.equal((await admin('/users/999')).status, 404);
  assert.equal((await admin('/users?q=scrypt')).body.length, 0);
  for (const [method, path] of [
    ['POST', '/users'],
    ['PUT', '/users/1'],
    ['PATCH', '/users/1'],
    ['DELETE', '/users/1'],
  ]) {
    const response = await admin(path, { method, json: { roles: ['admin'] } });
    assert.equal(response.status, 405, `${method} ${path}`);
  }
  assert.deepEqual((await admin('/users/1')).body.roles, ['user']);
});

test('any other collection or path answers 404 JSON', async (t) => {
  const { admin } = await signedIn(t);
  for (const path of [
    '/db',
    '/credentials',
    '/credentials/1',
    '/users/1/notes',
    '/notes/1/extra',
    '/nothing',
    '',
  ]) {
    const response = await admin(path);
    assert.equal(response.status, 404, path);
    assert.deepEqual(Object.keys(response.body), ['error', 'message']);
  }
  const outside = await admin('/../../etc/passwd');
  assert.equal(outside.status, 404);
});

test('paths are case-sensitive: /api/USERS and /api/NOTES are 404', async (t) => {
  const { api, admin } = await signedIn(t);
  const { token } = await api.login(USERS.admin);
  for (const path of ['/USERS', '/Users/1', '/NOTES', '/Notes', '/notes/1/'.toUpperCase()]) {
    const response = await admin(path);
    assert.equal(response.status, 404, path);
    assert.equal(response.body.error, 'not_found', path);
  }
  for (const path of ['/API/notes', '/Api/users', '/AUTH/me']) {
    const response = await api.request(path, { token });
    assert.equal(response.status, 404, path);
  }
  const login = await api.request('/Auth/login', {
    method: 'POST',
    json: { email: USERS.alice.email, password: USERS.alice.password },
  });
  assert.equal(login.status, 404);
});

test('a title of only invisible or control characters is refused like an all-space one', async (t) => {
  const { alice } = await signedIn(t);
  const blank = [
    '\u200b',
    '\u200b\u200c\u200d',
    '\ufeff',
    '\u2060\u00ad',
    '\u0000\u0001\u001f',
    '\u007f\u0085',
    ' \u200b\t\n ',
    '\u3164',
    '\u202e\u202d',
    '\ufe0f',
  ];
  for (const title of blank) {
    for (const [method, path] of [
      ['POST', '/notes'],
      ['PUT', '/notes/1'],
      ['PATCH', '/notes/1'],
    ]) {
      const response = await alice(path, { method, json: { title } });
      assert.equal(response.status, 400, `${method} ${JSON.stringify(title)}`);
      assert.equal(response.body.error, 'invalid_request');
    }
  }
  const visible = await alice('/notes', { method: 'POST', json: { title: '\u200bhi\u200b' } });
  assert.equal(visible.status, 201);
});

test('"body": null is refused, not turned into ""', async (t) => {
  const { alice } = await signedIn(t);
  for (const [method, path] of [
    ['POST', '/notes'],
    ['PUT', '/notes/1'],
    ['PATCH', '/notes/1'],
  ]) {
    const response = await alice(path, { method, json: { title: 'ok', body: null } });
    assert.equal(response.status, 400, method);
    assert.equal(response.body.error, 'invalid_request');
    assert.match(response.body.message, /body/);
  }
  const missing = await alice('/notes', { method: 'POST', json: { title: 'ok' } });
  assert.equal(missing.status, 201);
  assert.equal(missing.body.body, '');
});
