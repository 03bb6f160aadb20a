'use strict';

// Failed logins over a sliding window, counted two ways (CONTRACT §4, docs/mock-api.md):
// - per email (any case): attempts for one email are taken one at a time, each checked against
//   the failures of those before it, so a burst of parallel guesses gets exactly the allowed
//   number of tries, and a correct password is never refused before the email has really failed
//   that often. Unknown emails are counted exactly like known ones, so a 429 says nothing about
//   who has an account;
// - per client address, across emails: a spray of many emails from one address is cut off, and
//   its later attempts cost no password check. Attempts still being checked count as failures
//   until they turn out otherwise, so a parallel burst cannot get past the limit either. A
//   successful login does not clear an address's count: the demo passwords are public, so one
//   good login would otherwise buy a sprayer a fresh allowance.
// The client limiter also picks each login's lane in the password-check queue (passwords.js):
// `suspect` for an address with a failure in the window, `trusted` for one with a successful
// login within the refresh-token lifetime, `normal` otherwise. So a spray from many addresses,
// each under the limit, slows new and failing clients rather than people who signed in from
// there recently. The refresh-token lifetime rather than the login window, because it is how long
// the server lets a login go on without a password anyway: someone signed out (for inactivity, or
// from another device) who signs in again within it is a returning user, whereas the login window
// would cover hardly anyone but a person who signed in moments ago. Trust comes only from the
// address's own successes, which take the right password, never from whether an email exists,
// so the lane tells nothing about who has an account.

// At most this many addresses are trusted at once: the demo passwords are public, so anyone can
// make an address trusted, and many addresses must not grow the map without end.
const TRUSTED_MAX = 10_000;

// Timestamps of failures per key, each forgotten once it leaves the window.
function createFailureLog({ windowSeconds, now }) {
  const windowMs = windowSeconds * 1000;
  const failures = new Map();

  function recent(key) {
    const kept = (failures.get(key) ?? []).filter((time) => time > now() - windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  // Keys whose failures have all aged out are dropped, so guessing many emails (or coming from
  // many addresses) cannot grow the map for longer than one window.
  const sweeper = setInterval(
    () => {
      for (const key of failures.keys()) recent(key);
    },
    Math.min(windowMs, 60_000),
  );
  sweeper.unref();

  return {
    recent,
    add: (key) => failures.set(key, [...recent(key), now()]),
    forget: (key) => failures.delete(key),
    // Seconds until the failure that keeps `key` at `max` leaves the window.
    retryAfter: (list, max) =>
      Math.max(1, Math.ceil((list[list.length - max] + windowMs - now()) / 1000)),
    clear: () => failures.clear(),
    stop: () => clearInterval(sweeper),
  };
}

// Keys with a successful login, each forgotten `windowSeconds` after its latest one; beyond
// `max`, the key whose latest success is oldest is forgotten first.
function createSuccessLog({ windowSeconds, max, now }) {
  const windowMs = windowSeconds * 1000;
  // Key → time of its latest success, oldest first.
  const latest = new Map();
  const isRecent = (time) => time > now() - windowMs;

  const sweeper = setInterval(
    () => {
      for (const [key, time] of latest) if (!isRecent(time)) latest.delete(key);
    },
    Math.min(windowMs, 60_000),
  );
  sweeper.unref();

  return {
    has: (key) => latest.has(key) && isRecent(latest.get(key)),
    add: (key) => {
      latest.delete(key);
      latest.set(key, now());
      if (latest.size > max) latest.delete(latest.keys().next().value);
    },
    clear: () => latest.clear(),
    stop: () => clearInterval(sweeper),
  };
}

function createLoginLimiter({ maxAttempts, windowSeconds, now = Date.now }) {
  const log = createFailureLog({ windowSeconds, now });
  const queues = new Map();

  // Runs `check` (resolving to true for a correct password) as the email's next attempt.
  // Resolves to {retryAfter} (seconds) when the email has used up its attempts, otherwise to
  // {valid}. A check that throws counts as no attempt.
  function attempt(email, check) {
    const key = email.toLowerCase();
    const previous = queues.get(key) ?? Promise.resolve();
    const result = previous.then(async () => {
      const recent = log.recent(key);
      if (recent.length >= maxAttempts) return { retryAfter: log.retryAfter(recent, maxAttempts) };
      const valid = await check();
      if (valid) log.forget(key);
      else log.add(key);
      return { valid };
    });
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return result;
  }

  return { attempt, clear: log.clear, stop: log.stop };
}

function createClientLimiter({ maxAttempts, windowSeconds, trustSeconds, now = Date.now }) {
  const log = createFailureLog({ windowSeconds, now });
  const successes = createSuccessLog({ windowSeconds: trustSeconds, max: TRUSTED_MAX, now });
  const inFlight = new Map();

  function release(client) {
    const left = inFlight.get(client) - 1;
    if (left > 0) inFlight.set(client, left);
    else inFlight.delete(client);
  }

  // A failure in the window outweighs a success: one good login with a public demo password must
  // not let the guesses that follow it jump the queue. A check still running may turn out a
  // failure, so an address gets the trusted lane for one check at a time.
  function laneFor(client, failures, checking) {
    if (failures > 0) return 'suspect';
    return checking === 0 && successes.has(client) ? 'trusted' : 'normal';
  }

  // Takes one attempt for `client`. Returns {retryAfter} (seconds) when none is left; otherwise
  // {lane, failed(), succeeded(), done()}: `lane` is the attempt's lane in the password-check
  // queue, `failed()` counts the attempt as a failure, `succeeded()` gives it back and trusts the
  // address, `done()` just gives it back. Call exactly one of them.
  function reserve(client) {
    const recent = log.recent(client);
    const checking = inFlight.get(client) ?? 0;
    if (recent.length + checking >= maxAttempts) {
      // With checks still running, their outcome decides: ask again shortly.
      const retryAfter = recent.length >= maxAttempts ? log.retryAfter(recent, maxAttempts) : 1;
      return { retryAfter };
    }
    const lane = laneFor(client, recent.length, checking);
    inFlight.set(client, checking + 1);
    return {
      lane,
      failed: () => {
        release(client);
        log.add(client);
      },
      succeeded: () => {
        release(client);
        successes.add(client);
      },
      done: () => release(client),
    };
  }

  return {
    reserve,
    clear: () => {
      log.clear();
      successes.clear();
    },
    stop: () => {
      log.stop();
      successes.stop();
    },
  };
}

module.exports = { createLoginLimiter, createClientLimiter, TRUSTED_MAX };
