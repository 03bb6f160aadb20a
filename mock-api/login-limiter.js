'use strict';

// Failed logins per email over a sliding window (CONTRACT §4). Attempts for one email are taken
// one at a time, each checked against the failures of those before it: a burst of parallel
// guesses therefore gets exactly the allowed number of tries, and a correct password is never
// refused before the email has really failed that often. Unknown emails are counted exactly like
// known ones, so a 429 says nothing about who has an account.

function createLoginLimiter({ maxAttempts, windowSeconds, now = Date.now }) {
  const windowMs = windowSeconds * 1000;
  const failures = new Map();
  const queues = new Map();

  function recentFailures(key) {
    const recent = (failures.get(key) ?? []).filter((time) => time > now() - windowMs);
    if (recent.length === 0) failures.delete(key);
    else failures.set(key, recent);
    return recent;
  }

  // Emails whose failures have all aged out are dropped, so guessing many emails cannot grow
  // the map for longer than one window.
  const sweeper = setInterval(
    () => {
      for (const key of failures.keys()) recentFailures(key);
    },
    Math.min(windowMs, 60_000),
  );
  sweeper.unref();

  // Runs `check` (resolving to true for a correct password) as the email's next attempt.
  // Resolves to {retryAfter} (seconds) when the email has used up its attempts, otherwise to
  // {valid}. A check that throws counts as no attempt.
  function attempt(email, check) {
    const key = email.toLowerCase();
    const previous = queues.get(key) ?? Promise.resolve();
    const result = previous.then(async () => {
      const recent = recentFailures(key);
      if (recent.length >= maxAttempts) {
        const freedAt = recent[recent.length - maxAttempts] + windowMs;
        return { retryAfter: Math.max(1, Math.ceil((freedAt - now()) / 1000)) };
      }
      const valid = await check();
      if (valid) failures.delete(key);
      else failures.set(key, [...recent, now()]);
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

  return { attempt, stop: () => clearInterval(sweeper) };
}

module.exports = { createLoginLimiter };
