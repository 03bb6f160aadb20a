'use strict';

// The server's idea of "now". Everything time-based (token iat/exp and their checks, refresh
// lifetimes, login windows, session times, the Date header) reads it, so that the test hooks can
// move time forward for all of them at once. Without the hooks it is the system clock.

function createClock(systemNow = Date.now) {
  let offsetMs = 0;
  return {
    now: () => systemNow() + offsetMs,
    isMoved: () => offsetMs !== 0,
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
    reset() {
      offsetMs = 0;
    },
  };
}

module.exports = { createClock };
