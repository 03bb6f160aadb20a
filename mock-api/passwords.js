'use strict';

// Salted scrypt hashes from node:crypto. The async scrypt runs on libuv's thread pool, never on the
// event loop; a queue lets only one run at a time so that a login storm leaves the other pool
// threads (which also sign and verify every JWT) and the second CPU core to the rest of the API.
//
// Stored form: scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>, so the cost can be raised
// later without invalidating existing hashes.

const crypto = require('node:crypto');

const DEFAULTS = { log2N: 14, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_CONCURRENT = 1;

let running = 0;
const waiting = [];

async function withSlot(task) {
  if (running >= MAX_CONCURRENT) await new Promise((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scrypt(password, salt, { log2N, r, p }) {
  const N = 2 ** log2N;
  return withSlot(
    () =>
      new Promise((resolve, reject) => {
        crypto.scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
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

module.exports = { hashPassword, verifyPassword, verifyAgainstNobody, prepareDummyHash };

// `node mock-api/passwords.js <password>` prints a hash for a new seed user.
if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error('usage: node mock-api/passwords.js <password>');
    process.exit(1);
  }
  hashPassword(process.argv[2]).then((hash) => console.log(hash));
}
