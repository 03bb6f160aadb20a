'use strict';

// Failed logins per email over a sliding window (CONTRACT §4). Attempts in flight count too:
// otherwise a burst of parallel guesses would all pass the check before the first one failed.
// Unknown emails are counted exactly like known ones, so a 429 says nothing about who exists.

function createLoginLimiter({ maxAttempts, windowSeconds, now = Date.now }) {
  const windowMs = windowSeconds * 1000;
  const entries = new Map();

  function entryFor(key) {
    let entry = entries.get(key);
    if (!entry) {
      entry = { failures: [], pending: 0 };
      entries.set(key, entry);
    }
    entry.failures = entry.failures.filter((time) => time > now() - windowMs);
    return entry;
  }

  function forget(key, entry) {
    if (entry.failures.length === 0 && entry.pending === 0) entries.delete(key);
  }

  // Emails whose failures have all aged out are dropped, so guessing many emails cannot grow
  // the map for longer than one window.
  function sweep() {
    for (const [key, entry] of entries) {
      entry.failures = entry.failures.filter((time) => time > now() - windowMs);
      forget(key, entry);
    }
  }
  const sweeper = setInterval(sweep, Math.min(windowMs, 60_000));
  sweeper.unref();

  // Returns {retryAfter} (seconds) when the email has used up its attempts, otherwise an attempt
  // to settle with succeeded(), failed() or, when the check itself broke, cancelled().
  function begin(email) {
    const key = email.toLowerCase();
    const entry = entryFor(key);
    if (entry.failures.length + entry.pending >= maxAttempts) {
      const freedBy = entry.failures[entry.failures.length - maxAttempts + entry.pending];
      const waitMs = freedBy === undefined ? 1000 : freedBy + windowMs - now();
      forget(key, entry);
      return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    entry.pending++;
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      const current = entryFor(key);
      current.pending = Math.max(0, current.pending - 1);
      if (outcome === 'failed') current.failures.push(now());
      if (outcome === 'succeeded') current.failures = [];
      forget(key, current);
    };
    return {
      succeeded: () => settle('succeeded'),
      failed: () => settle('failed'),
      cancelled: () => settle('cancelled'),
    };
  }

  return { begin, stop: () => clearInterval(sweeper) };
}

module.exports = { createLoginLimiter };
