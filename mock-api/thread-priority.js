'use strict';

// Checking a password is throughput work; answering requests is latency work. On Linux the
// threads of libuv's pool, where scrypt runs, are given a lower priority than the event loop, so
// that a storm of logins cannot take CPU time from the requests the API is answering. Lowering a
// priority needs no privilege; where threads cannot be listed (not Linux) nothing changes.

const fs = require('node:fs');
const os = require('node:os');

const STEP = 10;
const LOWEST = 19;

// Returns how many pool threads were lowered. Call it once the pool is running (libuv starts its
// threads with the first job and names them as they start).
function lowerThreadPoolPriority() {
  let threads;
  try {
    threads = fs.readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  const target = Math.min(LOWEST, os.getPriority() + STEP);
  let lowered = 0;
  for (const tid of threads) {
    try {
      if (fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() !== 'libuv-worker')
        continue;
      os.setPriority(Number(tid), target);
      lowered++;
    } catch {
      // the thread has ended, or may not be changed: leave it as it is
    }
  }
  return lowered;
}

module.exports = { lowerThreadPoolPriority };
