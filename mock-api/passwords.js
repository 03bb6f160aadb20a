'use strict';

// Salted scrypt hashes from node:crypto. The async scrypt runs on libuv's thread pool, never on the
// event loop. Checks at login wait in a queue that runs one at a time, so that a login storm leaves
// the other pool threads (which also sign and verify every JWT) and the second CPU core to the rest
// of the API; the queue is bounded, so that a flood is refused at once (503) rather than making
// every later login wait behind it.
//
// Stored form: scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>, so the cost can be raised
// later without invalidating existing hashes.

const crypto = require('node:crypto');

const DEFAULTS = { log2N: 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

class ServerBusyError extends Error {
  constructor() {
    super('Too many sign-ins are waiting');
  }
}

// The lanes of the queue, in the order they are served. A check's lane comes from its client
// address's own history (login-limiter.js), never from the email it is for: `trusted` after a
// successful login from the address (which took the right password), `suspect` after a failed
// one, `normal` otherwise. An unknown email and a wrong password wait in the same lane, so the
// lane cannot tell who has an account.
const LANES = ['trusted', 'normal', 'suspect'];

// Runs tasks one at a time, with at most `maxWaiting` waiting. A task waits behind those of the
// lanes before its own, first come first served within its lane. When the queue is full, a
// newcomer takes the place of the newest task of the last lane waiting, if that lane comes after
// its own: a spray from many new addresses slows new and failing clients, not people who signed
// in from their address recently. Refused tasks reject with ServerBusyError.
function createCheckQueue({ maxWaiting }) {
  let running = false;
  // In the order they will run: by lane, then by arrival.
  const waiting = [];

  function startNext() {
    const next = waiting.shift();
    if (next) next.start();
    else running = false;
  }

  function admit(entry) {
    if (waiting.length >= maxWaiting) {
      if (waiting.at(-1).rank <= entry.rank) return entry.refuse();
      waiting.pop().refuse();
    }
    const behind = waiting.findIndex((other) => other.rank > entry.rank);
    waiting.splice(behind < 0 ? waiting.length : behind, 0, entry);
  }

  function run(task, { lane = 'normal' } = {}) {
    const rank = LANES.indexOf(lane);
    if (rank < 0) throw new TypeError(`No such lane: ${lane}`);
    return new Promise((resolve, reject) => {
      const entry = {
        rank,
        start: () => {
          running = true;
          Promise.resolve().then(task).then(resolve, reject).finally(startNext);
        },
        refuse: () => reject(new ServerBusyError()),
      };
      if (running) admit(entry);
      else entry.start();
    });
  }

  return { run };
}

function scrypt(password, salt, { log2N, r, p }) {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

async function hashPassword(password, params = DEFAULTS) {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, params);
  const { log2N, r, p } = params;
  return ['scrypt', log2N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parseHash(stored) {
  const parts = typeof stored === 'string' ? stored.split('$') : [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  const valid =
    [log2N, r, p].every(Number.isInteger) &&
    log2N >= 10 &&
    log2N <= 20 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 4;
  if (!valid) return null;
  return {
    params: { log2N, r, p },
    salt: Buffer.from(parts[4], 'base64url'),
    key: Buffer.from(parts[5], 'base64url'),
  };
}

async function verifyPassword(password, stored) {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && crypto.timingSafeEqual(key, parsed.key);
}

// Checked when the email is unknown, so that an unknown email costs the same time as a wrong
// password and the two cannot be told apart. Made up front so that no login pays for making it.
let dummyHash;
function prepareDummyHash() {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return dummyHash;
}

async function verifyAgainstNobody(password) {
  await verifyPassword(password, await prepareDummyHash());
  return false;
}

// Password checks for logins, through one bounded queue. `stored` undefined means an unknown
// email, checked against the throwaway hash; `lane` is one of LANES. Resolves to true for a
// correct password; rejects with ServerBusyError when the queue is full.
function createPasswordChecker({ maxWaiting }) {
  const queue = createCheckQueue({ maxWaiting });
  return {
    check: (password, stored, { lane }) =>
      queue.run(
        () =>
          stored === undefined ? verifyAgainstNobody(password) : verifyPassword(password, stored),
        { lane },
      ),
  };
}

module.exports = {
  hashPassword,
  verifyPassword,
  prepareDummyHash,
  createCheckQueue,
  createPasswordChecker,
  ServerBusyError,
};

// `node mock-api/passwords.js <password>` prints a hash for a new seed user.
if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error('usage: node mock-api/passwords.js <password>');
    process.exit(1);
  }
  hashPassword(process.argv[2]).then((hash) => console.log(hash));
}
