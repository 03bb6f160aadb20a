'use strict';

// Preloaded (`node --require`) into the API process by the kill -9 test. A real disk takes a few
// MB in one write(2), and a kill only lands between system calls, so a naive in-place write
// would look safe by luck. Here every file write goes out in small, slow chunks, as on a slow or
// busy disk, so that the kill lands in the middle of one; only a write that never touches the
// target file until it is complete can survive that.

const fs = require('node:fs');

const CHUNK = 4096;
const pause = new Int32Array(new SharedArrayBuffer(4));
const { openSync, closeSync, writeSync } = fs;

function writeSlowly(fd, data) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    writeSync(fd, bytes, offset, Math.min(CHUNK, bytes.length - offset));
    Atomics.wait(pause, 0, 0, 1);
  }
}

fs.writeFileSync = (target, data, options) => {
  if (typeof target === 'number') return writeSlowly(target, data);
  const fd = openSync(target, typeof options === 'object' && options?.flag ? options.flag : 'w');
  try {
    writeSlowly(fd, data);
  } finally {
    closeSync(fd);
  }
};
