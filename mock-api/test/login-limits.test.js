'use strict';

// Sign-in cannot be held up for everyone: failed logins are limited per client address across
// emails (429), and password checks wait in a bounded queue (503 beyond it).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi, USERS } = require('./helpers');
const { createCheckQueue, ServerBusyError } = require('../passwords');

const wrongLogin = (api, i, options = {}) =>
  api.request('/auth/login', {
    method: 'POST',
    json: { email: `sprayed-${i}@example.com`, password: 'guess' },
    ...options,
  });

function assertTooMany(response, label) {
  assert.equal(response.status, 429, label);
  assert.equal(response.body.error, 'too_many_attempts', label);
  const retryAfter = Number(response.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 900, label);
}

test('a spray of unknown emails from one client is cut off after LOGIN_CLIENT_MAX_ATTEMPTS', async (t) => {
  const api = await startApi(t, { LOGIN_CLIENT_MAX_ATTEMPTS: '5', LOGIN_QUEUE_SIZE: '100' });
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => wrongLogin(api, i)));
  const statuses = answers.map((response) => response.status).sort();
  assert.deepEqual(statuses, [...Array(5).fill(401), ...Array(15).fill(429)]);
  for (const response of answers.filter((answer) => answer.status === 429)) {
    assertTooMany(response, 'sprayed');
  }
  // The address is cut off for every email, the right password included.
  assertTooMany(await api.login(USERS.alice), 'right password from the spraying address');
});

test('a valid login from another client address succeeds while one address sprays', async (t) => {
  const api = await startApi(t, { LOGIN_CLIENT_MAX_ATTEMPTS: '3' });
  const spray = Array.from({ length: 15 }, (_, i) => wrongLogin(api, i));
  const valid = api.login(USERS.alice, { localAddress: '127.0.0.2' });
  const [answer] = await Promise.all([valid, ...spray]);
  assert.equal(answer.status, 200);
  assert.equal(answer.body.user.email, USERS.alice.email);
  assert.equal((await api.login(USERS.bob, { localAddress: '127.0.0.2' })).status, 200);
});

test('X-Forwarded-For is not trusted: the socket address is the client', async (t) => {
  const api = await startApi(t, { LOGIN_CLIENT_MAX_ATTEMPTS: '2' });
  const answers = [];
  for (let i = 0; i < 4; i++) {
    answers.push(await wrongLogin(api, i, { headers: { 'x-forwarded-for': `198.51.100.${i}` } }));
  }
  assert.deepEqual(
    answers.map((response) => response.status),
    [401, 401, 429, 429],
  );
});

test('a successful login does not wipe the address’s failures (the demo passwords are public)', async (t) => {
  const api = await startApi(t, { LOGIN_CLIENT_MAX_ATTEMPTS: '3' });
  assert.equal((await wrongLogin(api, 1)).status, 401);
  assert.equal((await wrongLogin(api, 2)).status, 401);
  assert.equal((await api.login(USERS.alice)).status, 200);
  assert.equal((await wrongLogin(api, 3)).status, 401);
  assertTooMany(await wrongLogin(api, 4), 'fourth failure');
});

test('malformed logins (400) and per-email refusals do not count against the address', async (t) => {
  const api = await startApi(t, { LOGIN_CLIENT_MAX_ATTEMPTS: '3', LOGIN_MAX_ATTEMPTS: '1' });
  for (let i = 0; i < 5; i++) {
    const response = await api.request('/auth/login', { method: 'POST', json: { email: 'x' } });
    assert.equal(response.status, 400);
  }
  assert.equal((await wrongLogin(api, 1)).status, 401);
  assertTooMany(await wrongLogin(api, 1), 'same email again: the per-email limit');
  assertTooMany(await wrongLogin(api, 1), 'and again');
  assert.equal((await wrongLogin(api, 2)).status, 401);
  assert.equal((await api.login(USERS.alice)).status, 200);
});

test('beyond LOGIN_QUEUE_SIZE waiting checks, a login answers 503 server_busy with Retry-After', async (t) => {
  const api = await startApi(t, { LOGIN_QUEUE_SIZE: '1', LOGIN_CLIENT_MAX_ATTEMPTS: '1000' });
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => wrongLogin(api, i)));
  const busy = answers.filter((response) => response.status === 503);
  assert.ok(busy.length > 0, 'some logins found the queue full');
  for (const response of busy) {
    assert.equal(response.body.error, 'server_busy');
    assert.ok(Number(response.headers.get('retry-after')) >= 1);
  }
  for (const response of answers.filter((answer) => answer.status !== 503)) {
    assert.equal(response.status, 401);
  }
  // Refused by the queue is not a failed attempt: the email is not locked, the address not cut off.
  assert.equal((await api.login(USERS.alice)).status, 200);
});

// The queue itself, driven by hand: each task is a promise the test settles.
function deferred() {
  let resolve;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve, task: () => promise };
}

test('the check queue runs one check at a time and refuses beyond its size', async () => {
  const queue = createCheckQueue({ maxWaiting: 2 });
  const [a, b, c] = [deferred(), deferred(), deferred()];
  const order = [];
  const runs = [a, b, c].map((item, i) => queue.run(() => (order.push(i), item.task())));
  await assert.rejects(
    queue.run(() => 'never'),
    ServerBusyError,
  );
  assert.deepEqual(order, [0]);
  a.resolve('a');
  assert.equal(await runs[0], 'a');
  await new Promise(setImmediate);
  assert.deepEqual(order, [0, 1]);
  b.resolve('b');
  c.resolve('c');
  assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c']);
  assert.deepEqual(order, [0, 1, 2]);
  assert.equal(await queue.run(async () => 'free again'), 'free again');
});

test('checks for addresses that have failed wait behind the others, and yield their place', async () => {
  const queue = createCheckQueue({ maxWaiting: 2 });
  const running = deferred();
  const order = [];
  const first = queue.run(() => running.task());
  const suspect1 = queue.run(async () => order.push('suspect1'), { suspect: true });
  const suspect2 = queue.run(async () => order.push('suspect2'), { suspect: true });
  // The queue is full of suspects: a clean check takes the newest suspect's place.
  const clean = queue.run(async () => order.push('clean'));
  await assert.rejects(suspect2, ServerBusyError);
  // Full with a clean one and a suspect: another suspect is refused.
  await assert.rejects(
    queue.run(async () => order.push('suspect3'), { suspect: true }),
    ServerBusyError,
  );
  running.resolve();
  await Promise.all([first, suspect1, clean]);
  assert.deepEqual(order, ['clean', 'suspect1']);
});
