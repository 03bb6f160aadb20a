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

function createClientLimiter({ maxAttempts, windowSeconds, now = Date.now }) {
  const log = createFailureLog({ windowSeconds, now });
  const inFlight = new Map();

  function release(client) {
    const left = inFlight.get(client) - 1;
    if (left > 0) inFlight.set(client, left);
    else inFlight.delete(client);
  }

  // Takes one attempt for `client`. Returns {retryAfter} (seconds) when none is left; otherwise
  // {suspect, failed(), done()}: `suspect` tells whether the address has failed in the window,
  // `failed()` counts the attempt as a failure, `done()` gives it back. Call exactly one of them.
  function reserve(client) {
    const recent = log.recent(client);
    const checking = inFlight.get(client) ?? 0;
    if (recent.length + checking >= maxAttempts) {
      // With checks still running, their outcome decides: ask again shortly.
      const retryAfter = recent.length >= maxAttempts ? log.retryAfter(recent, maxAttempts) : 1;
      return { retryAfter };
    }
    inFlight.set(client, checking + 1);
    return {
      suspect: recent.length > 0,
      failed: () => {
        release(client);
        log.add(client);
      },
      done: () => release(client),
    };
  }

  return { reserve, clear: log.clear, stop: log.stop };
}

module.exports = { createLoginLimiter, createClientLimiter };
