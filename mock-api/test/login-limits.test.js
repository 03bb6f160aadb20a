'use strict';

// Sign-in cannot be held up for everyone: failed logins are limited per client address across
// emails (429), and password checks wait in a bounded queue (503 beyond it), in lanes by the
// client address's own history.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startApi, USERS } = require('./helpers');
const { createCheckQueue, ServerBusyError } = require('../passwords');
const { createClientLimiter, TRUSTED_MAX } = require('../login-limiter');
const { createServices } = require('../server');

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

test('checks are served trusted first, then normal, then suspect, in order of arrival in each lane', async () => {
  const queue = createCheckQueue({ maxWaiting: 10 });
  const running = deferred();
  const order = [];
  const first = queue.run(() => running.task());
  const runs = [
    ['s1', 'suspect'],
    ['n1', 'normal'],
    ['t1', 'trusted'],
    ['s2', 'suspect'],
    ['n2', 'normal'],
    ['t2', 'trusted'],
    ['n3', undefined],
  ].map(([name, lane]) => queue.run(async () => order.push(name), { lane }));
  assert.throws(() => queue.run(async () => 'never', { lane: 'vip' }), TypeError);
  running.resolve();
  await Promise.all([first, ...runs]);
  assert.deepEqual(order, ['t1', 't2', 'n1', 'n2', 'n3', 's1', 's2']);
});

test('a full queue gives a newcomer the place of the newest check of a later lane, the last lane first', async () => {
  const queue = createCheckQueue({ maxWaiting: 3 });
  const running = deferred();
  const first = queue.run(() => running.task());
  const order = [];
  const refused = [];
  const expected = [];
  const runs = [];
  const steps = [
    // [newcomer, its lane, the check refused when it arrives]
    ['s1', 'suspect'],
    ['s2', 'suspect'],
    ['n1', 'normal'],
    ['n2', 'normal', 's2'],
    ['s3', 'suspect', 's3'],
    ['t1', 'trusted', 's1'],
    ['n3', 'normal', 'n3'],
    ['t2', 'trusted', 'n2'],
    ['t3', 'trusted', 'n1'],
    ['t4', 'trusted', 't4'],
    ['n4', 'normal', 'n4'],
    ['s4', 'suspect', 's4'],
  ];
  for (const [name, lane, refusedNow] of steps) {
    const run = queue.run(async () => order.push(name), { lane });
    runs.push(
      run.catch((error) => {
        assert.ok(error instanceof ServerBusyError, name);
        refused.push(name);
      }),
    );
    if (refusedNow) expected.push(refusedNow);
    await new Promise(setImmediate);
    assert.deepEqual(refused, expected, `after ${name} arrived`);
  }
  running.resolve();
  await Promise.all([first, ...runs]);
  assert.deepEqual(order, ['t1', 't2', 't3']);
});

// The client limiter on a clock the test moves.
function clientLimiter(t) {
  let time = Date.parse('2026-12-01T00:00:00Z');
  const limiter = createClientLimiter({
    maxAttempts: 5,
    windowSeconds: 60,
    trustSeconds: 3600,
    now: () => time,
  });
  t.after(limiter.stop);
  const laneOf = (client) => {
    const ticket = limiter.reserve(client);
    ticket.done();
    return ticket.lane;
  };
  return { limiter, laneOf, advance: (seconds) => (time += seconds * 1000) };
}

test('a successful login trusts its address, and only it, until the trust window has passed', (t) => {
  const { limiter, laneOf, advance } = clientLimiter(t);
  assert.equal(laneOf('a'), 'normal');
  limiter.reserve('a').succeeded();
  // Answered without a verdict (503, or the per-email limit): no trust.
  limiter.reserve('b').done();
  assert.equal(laneOf('a'), 'trusted');
  assert.equal(laneOf('b'), 'normal');
  advance(3599);
  assert.equal(laneOf('a'), 'trusted');
  advance(1);
  assert.equal(laneOf('a'), 'normal');
});

test('a failure outweighs trust, and a trusted address has one check at a time in its lane', (t) => {
  const { limiter, laneOf, advance } = clientLimiter(t);
  limiter.reserve('a').succeeded();
  const [first, second] = [limiter.reserve('a'), limiter.reserve('a')];
  assert.equal(first.lane, 'trusted');
  assert.equal(second.lane, 'normal', 'while the first may still fail');
  first.failed();
  second.done();
  assert.equal(laneOf('a'), 'suspect');
  limiter.reserve('a').succeeded();
  assert.equal(laneOf('a'), 'suspect', 'a success does not wipe the failure');
  advance(60);
  assert.equal(laneOf('a'), 'trusted', 'once the failure has left the window');
});

test('at most TRUSTED_MAX addresses are trusted: the oldest latest success is forgotten first', (t) => {
  const { limiter, laneOf } = clientLimiter(t);
  for (let i = 0; i < TRUSTED_MAX; i++) limiter.reserve(`client-${i}`).succeeded();
  limiter.reserve('client-0').succeeded();
  limiter.reserve('one more').succeeded();
  assert.equal(laneOf('client-0'), 'trusted', 'signed in again: the newest');
  assert.equal(laneOf('client-1'), 'normal', 'the oldest, forgotten');
  assert.equal(laneOf('client-2'), 'trusted');
  assert.equal(laneOf('one more'), 'trusted');
});

// The API with its password checks in view: each records its lane when a login asks for it and
// when it starts, and a started check waits while the test holds the checks. The checks run in a
// queue like the server's own; the real check behind it is then never busy.
async function startWithCheckLog(t, env = {}) {
  const asked = [];
  const started = [];
  let held = Promise.resolve();
  let release;
  const api = await startApi(t, env, {
    services: (config) => {
      const services = createServices(config);
      const queue = createCheckQueue({ maxWaiting: config.loginQueueSize });
      const check = (password, stored, { lane }) => {
        asked.push(lane);
        return queue.run(
          async () => {
            started.push(lane);
            await held;
            return services.passwords.check(password, stored, { lane });
          },
          { lane },
        );
      };
      return { ...services, passwords: { check } };
    },
  });
  // However the test ends, no check is left waiting.
  t.after(() => release?.());
  return {
    api,
    asked,
    started,
    hold: () => (held = new Promise((resolve) => (release = resolve))),
    release: () => release(),
  };
}

async function until(condition, what) {
  for (let i = 0; !condition(); i++) {
    if (i === 1000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const from = (n) => ({ localAddress: `127.0.0.${n}` });

// What a client can observe of an answer, minus the Date header (the clock moves on).
const observable = (response) => ({
  status: response.status,
  text: response.text,
  headers: [...response.headers].filter(([name]) => name !== 'date'),
});

test('the lane comes from the address’s own history, never the email: unknown email and wrong password look alike', async (t) => {
  const { api, asked } = await startWithCheckLog(t);
  const wrongPassword = { email: USERS.alice.email, password: 'not-her-password' };
  const unknownEmail = { email: 'nobody@example.com', password: 'not-her-password' };
  // Two addresses that have signed in, two that have not.
  assert.equal((await api.login(USERS.bob, from(2))).status, 200);
  assert.equal((await api.login(USERS.bob, from(3))).status, 200);
  const answers = [
    await api.login(wrongPassword, from(2)),
    await api.login(unknownEmail, from(3)),
    await api.login(wrongPassword, from(4)),
    await api.login(unknownEmail, from(5)),
  ];
  assert.deepEqual(asked, ['normal', 'normal', 'trusted', 'trusted', 'normal', 'normal']);
  assert.equal(answers[0].status, 401);
  assert.equal(answers[0].body.error, 'invalid_credentials');
  for (const answer of answers) assert.deepEqual(observable(answer), observable(answers[0]));
  // After its failure, the address that was trusted waits behind everyone, the right password
  // included.
  assert.equal((await api.login(USERS.bob, from(2))).status, 200);
  assert.equal(asked.at(-1), 'suspect');
});

test('with the queue full of a spray from many addresses, an address that signed in recently still gets in', async (t) => {
  const { api, asked, started, hold, release } = await startWithCheckLog(t, {
    LOGIN_QUEUE_SIZE: '2',
  });
  assert.equal((await api.login(USERS.alice, from(2))).status, 200);
  hold();
  const spray = [10, 11, 12].map((n) => wrongLogin(api, n, from(n)));
  // One check running, two waiting: the queue is full. No answer that waits for a check is
  // awaited until the checks are released, so that a wrong queue cannot hold the test up.
  await until(() => asked.length === 4, 'the spray');
  let newcomer;
  api.login(USERS.bob, from(20)).then((response) => (newcomer = response));
  await until(() => newcomer !== undefined, 'a new address to be turned away');
  assert.equal(newcomer.status, 503);
  const returning = api.login(USERS.alice, from(2));
  await until(() => asked.length === 6, 'the returning address');
  release();
  assert.equal((await returning).status, 200);
  const sprayed = await Promise.all(spray);
  assert.deepEqual(sprayed.map((response) => response.status).sort(), [401, 401, 503]);
  assert.deepEqual(asked, ['normal', 'normal', 'normal', 'normal', 'normal', 'trusted']);
  assert.deepEqual(started, ['normal', 'normal', 'trusted', 'normal']);
});

test('trust ends REFRESH_TOKEN_TTL after the address’s latest successful login', async (t) => {
  const { api, asked } = await startWithCheckLog(t, { TEST_HOOKS: '1', REFRESH_TOKEN_TTL: '1h' });
  const signIn = async () => assert.equal((await api.login(USERS.alice, from(2))).status, 200);
  const advance = async (advanceSeconds) => {
    const moved = await api.request('/__test/clock', { method: 'POST', json: { advanceSeconds } });
    assert.equal(moved.status, 200);
  };
  await signIn();
  await advance(3599);
  await signIn();
  await advance(3599);
  await signIn();
  await advance(3600);
  await signIn();
  assert.deepEqual(asked, ['normal', 'trusted', 'trusted', 'normal']);
});

test('POST /__test/reset forgets which addresses signed in', async (t) => {
  const { api, asked } = await startWithCheckLog(t, { TEST_HOOKS: '1' });
  assert.equal((await api.login(USERS.alice, from(2))).status, 200);
  assert.equal((await api.login(USERS.alice, from(2))).status, 200);
  assert.equal((await api.request('/__test/reset', { method: 'POST' })).status, 204);
  assert.equal((await api.login(USERS.alice, from(2))).status, 200);
  assert.deepEqual(asked, ['normal', 'trusted', 'normal']);
});
