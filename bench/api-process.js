'use strict';
// Starts the project's mock API (`npm run api`'s entry) on a spare loopback port with a throwaway
// copy of the seed data, so benchmark runs never touch the developer's data and start from the same state.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SEED = path.join(ROOT, 'mock-api', 'db.seed.json');
// Fixed so that tokens stay verifiable across the bench's own restarts; never used outside the bench.
const BENCH_JWT_SECRET = 'tokengate-bench-secret-not-for-production-0123456789';

function sparePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url, child, output) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) {
      throw new Error(`The mock API exited with code ${child.exitCode}: ${output().trim()}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`The mock API did not answer ${url}/health within 15 s: ${output().trim()}`);
}

/**
 * Starts the API and resolves once /health answers. `env` adds to the fixed bench settings
 * (e.g. ACCESS_TOKEN_TTL). The returned stop() is safe to call more than once.
 */
async function startApi({ env = {}, corsOrigin = 'http://127.0.0.1' } = {}) {
  if (!fs.existsSync(path.join(ROOT, 'mock-api', 'server.js'))) {
    throw new Error('mock-api/server.js is missing');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-bench-api-'));
  const dbFile = path.join(dir, 'db.json');
  if (fs.existsSync(SEED)) fs.copyFileSync(SEED, dbFile);
  const port = await sparePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'mock-api', 'server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: BENCH_JWT_SECRET,
      DB_FILE: dbFile,
      CORS_ORIGIN: corsOrigin,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Ctrl-C or a crash ends the bench without its finally blocks: the API must not outlive it.
  const killOnExit = () => {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let stopped;
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      const cleanUp = () => {
        fs.rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return cleanUp();
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(killer);
        cleanUp();
      });
      child.kill('SIGTERM');
    });
    return stopped;
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, host: '127.0.0.1', port, stop };
}

module.exports = { startApi, sparePort, sleep, BENCH_JWT_SECRET };
