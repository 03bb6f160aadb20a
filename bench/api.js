'use strict';

// `npm run bench:api`: what the auth layer costs, measured with autocannon on this machine.
//
// 1. Throughput, alternating A A' B A A' B … in one run so that drift of a shared machine hits all
//    (median req/s of 4 rounds each):
//    A  = plain json-server 0.17 on a copy of the seed, GET /notes/<id>;
//    A' = the same without the static-file middleware of defaults(), which the mock API leaves out;
//    B  = the mock API on another copy, GET /api/notes/<id> of a note the token's user owns, with
//         a valid token, checked on every request. Goal: B/A >= 0.90.
// 2. Latency under a login storm: GET /api/notes/<id> at a fixed rate, p99 without and with 10
//    concurrent logins running the whole time (quiet, storm, quiet, storm). Goal: ratio <= 2.
//    A fixed rate, not a flat-out load, so that p99 shows requests being held up, not CPU share.
// 3. Sign-in during a spray of wrong logins (issue 13, finding 3): valid logins one at a time, p99
//    without and with 20 req/s of logins for unknown emails, sent from other loopback addresses
//    than the valid ones, because the API limits failed logins per client address: once
//    from one address, once spread over many (which only a bounded password-check queue
//    withstands). Goal for each: p99 with / p99 without <= 2, and every valid login succeeds.

const autocannon = require('autocannon');
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { sparePort, sleep } = require('./api-process');
const { mean, median, percentile } = require('./lib/stats');

const ROOT = path.resolve(__dirname, '..');
const SEED = path.join(ROOT, 'mock-api', 'db.seed.json');
const SECRET = 'bench-secret-only-for-this-run-0123456789abcdef';
const USER = { email: 'alice@example.com', password: 'alice-password-1' };
const STORM_USER = { email: 'bob@example.com', password: 'bob-password-1' };

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
// Many short alternating rounds rather than two long ones: on a shared machine, bursts of other
// work then fall on every server alike, and the median leaves out the rounds they hit hardest.
const THROUGHPUT_ROUNDS = 4;
const CONNECTIONS = 10;
const FIXED_RATE = 200;
const STORM_LOGINS = 10;
const SPRAY_RATE = 20;
// Valid sign-ins from the address the app's users share here; the spray comes from others (the
// whole of 127.0.0.0/8 is loopback on Linux).
const PROBE_PAUSE_MS = 100;
const VALID_ADDRESS = '127.0.0.1';
const ONE_SPRAYER = ['127.0.0.2'];
const MANY_SPRAYERS = Array.from({ length: 51 }, (_, i) => `127.0.0.${10 + i}`);
// Bound what the spray may leave in flight and how long any login may take, so that a server that
// queues without limit still lets the bench end; a valid login that runs out of time misses the goal.
const SPRAY_MAX_IN_FLIGHT = 200;
const LOGIN_TIMEOUT_MS = 15_000;

// The machine may be shared (other builds, browsers): the bench and both servers run at a higher
// priority, the same for all three, so that their figures are not mostly other processes' load.
// `nice` starts each server so that all of its threads get it. Without root or CAP_SYS_NICE
// everything runs at normal priority, and the bench says so.
const NICE = -10;

function raiseOwnPriority() {
  try {
    os.setPriority(NICE);
  } catch {
    // reported in the header line
  }
}

async function launch(name, args, env, probeUrl, children) {
  const child = spawn('nice', ['-n', String(NICE), process.execPath, ...args], {
    cwd: os.tmpdir(),
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(probeUrl)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${name} did not start`);
}

function load(url, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

// CPU seconds (all threads) a process has used so far; Linux only, NaN elsewhere.
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

// A run of autocannon, with the server's CPU time per answered request: unlike req/s, that cost
// hardly moves when other processes compete for the CPUs.
async function measure(url, options, pid) {
  const before = cpuSeconds(pid);
  const result = await load(url, options);
  const cpu = cpuSeconds(pid) - before;
  return { result, cpuMicros: (cpu / result.requests.total) * 1e6 };
}

function checked(result, label) {
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(`${label}: ${failed} of ${result.requests.total} requests failed`);
  return result;
}

async function login(base, user) {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return (await response.json()).accessToken;
}

// Ten logins in flight at every moment until stopped.
function storm(base) {
  let running = true;
  let count = 0;
  const worker = async () => {
    while (running) {
      await login(base, STORM_USER);
      count++;
    }
  };
  // allSettled at once, so that a failed login cannot go unhandled while the load still runs.
  const workers = Promise.allSettled(Array.from({ length: STORM_LOGINS }, worker));
  return {
    stop: async () => {
      running = false;
      const failure = (await workers).find((outcome) => outcome.status === 'rejected');
      if (failure) throw failure.reason;
      return count;
    },
  };
}

/** POST /auth/login from a given local address; resolves with the status and the time taken. */
function loginFrom(base, localAddress, credentials) {
  const body = JSON.stringify(credentials);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const request = http.request(
      `${base}/auth/login`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
      },
    );
    request.setTimeout(LOGIN_TIMEOUT_MS, () => request.destroy(new Error('timeout')));
    request.on('error', (error) =>
      resolve({
        status: error.message === 'timeout' ? 'timeout' : (error.code ?? 'error'),
        ms: NaN,
      }),
    );
    request.end(body);
  });
}

const count = (statuses) =>
  Object.entries(
    statuses.reduce((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {}),
  )
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');

/**
 * Valid logins one after another with a pause between them, for `seconds`: one at a time, so
 * that without a spray they never queue behind each other and p99 is the server's own time.
 */
async function probeValidLogins(base, seconds) {
  const results = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    results.push(await loginFrom(base, VALID_ADDRESS, USER));
    await sleep(PROBE_PAUSE_MS);
  }
  return {
    ms: results.filter((r) => r.status === 200).map((r) => r.ms),
    statuses: results.map((r) => r.status),
  };
}

/**
 * Waits until the password checks a spray left queued in the server are done (a valid login then
 * answers within twice the quiet p50), so that they do not fall into the next round. Bounded.
 */
async function drain(base, quietP50) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const { status, ms } = await loginFrom(base, VALID_ADDRESS, USER);
    if (status === 200 && ms <= 2 * quietP50) return;
    await sleep(1000);
  }
}

/** SPRAY_RATE logins a second for unknown emails, round-robin over `addresses`, until stopped. */
function spray(base, addresses) {
  const results = [];
  let inFlight = 0;
  let sent = 0;
  const timer = setInterval(() => {
    if (inFlight >= SPRAY_MAX_IN_FLIGHT) return results.push('skipped');
    inFlight++;
    const address = addresses[sent++ % addresses.length];
    const credentials = {
      email: `spray-${crypto.randomUUID()}@example.invalid`,
      password: 'wrong',
    };
    loginFrom(base, address, credentials).then((r) => {
      inFlight--;
      results.push(r.status);
    });
  }, 1000 / SPRAY_RATE);
  return {
    stop: async () => {
      clearInterval(timer);
      while (inFlight > 0) await sleep(20);
      return results;
    },
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-bench-api-'));
  const children = [];
  const cleanUp = () => {
    for (const child of children) child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // However the bench ends, the two servers it started end with it.
  process.once('exit', cleanUp);
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  try {
    fs.copyFileSync(SEED, path.join(dir, 'plain.json'));
    fs.copyFileSync(SEED, path.join(dir, 'plain-no-static.json'));
    const [portA, portA2, portB] = [await sparePort(), await sparePort(), await sparePort()];
    const baseA = `http://127.0.0.1:${portA}`;
    const baseA2 = `http://127.0.0.1:${portA2}`;
    const baseB = `http://127.0.0.1:${portB}`;
    const plain = path.join(__dirname, 'lib', 'plain-json-server.js');
    await launch(
      'plain json-server',
      [plain, path.join(dir, 'plain.json'), String(portA)],
      {},
      `${baseA}/notes/1`,
      children,
    );
    await launch(
      'plain json-server without static files',
      [plain, path.join(dir, 'plain-no-static.json'), String(portA2), '--no-static'],
      {},
      `${baseA2}/notes/1`,
      children,
    );
    await launch(
      'mock API',
      [path.join(ROOT, 'mock-api', 'server.js')],
      {
        PORT: String(portB),
        DB_FILE: path.join(dir, 'api.json'),
        JWT_SECRET: SECRET,
        ACCESS_TOKEN_TTL: '1h',
      },
      `${baseB}/health`,
      children,
    );

    const token = await login(baseB, USER);
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const notes = await (await fetch(`${baseB}/api/notes`, auth)).json();
    const id = notes[0].id;
    const urlA = `${baseA}/notes/${id}`;
    const urlA2 = `${baseA2}/notes/${id}`;
    const urlB = `${baseB}/api/notes/${id}`;
    const [bodyA, bodyB] = await Promise.all([
      fetch(urlA).then((r) => r.json()),
      fetch(urlB, auth).then((r) => r.json()),
    ]);
    if (JSON.stringify(bodyA) !== JSON.stringify(bodyB))
      throw new Error('A and B serve different notes');

    raiseOwnPriority();
    const raised = [process.pid, ...children.map((child) => child.pid)].every(
      (pid) => os.getPriority(pid) === NICE,
    );
    console.log(
      `bench:api — ${SECONDS} s per run, ${CONNECTIONS} connections, note ${id}, ${os.cpus().length} CPUs,` +
        ` priority ${raised ? `nice ${NICE}` : 'normal (no permission to raise it)'}`,
    );
    await load(urlA, { duration: 2 });
    await load(urlA2, { duration: 2 });
    await load(urlB, { duration: 2, ...auth });

    const rows = [];
    const throughput = { A: [], "A'": [], B: [] };
    const cpu = { A: [], "A'": [], B: [] };
    const [pidA, pidA2, pidB] = children.map((child) => child.pid);
    for (let round = 1; round <= THROUGHPUT_ROUNDS; round++) {
      for (const [name, url, options, pid, what] of [
        ['A', urlA, {}, pidA, 'plain json-server, GET /notes/:id'],
        ["A'", urlA2, {}, pidA2, "same, without defaults()' static files"],
        ['B', urlB, auth, pidB, 'mock API, GET /api/notes/:id + token'],
      ]) {
        const { result, cpuMicros } = await measure(url, options, pid);
        checked(result, `${name}${round}`);
        throughput[name].push(result.requests.average);
        cpu[name].push(cpuMicros);
        rows.push({
          run: `${name}${round}`,
          what,
          'req/s': Math.round(result.requests.average),
          'p50 ms': result.latency.p50,
          'p99 ms': result.latency.p99,
          'server CPU µs/req': Math.round(cpuMicros),
        });
      }
    }

    const p99 = { quiet: [], storm: [] };
    const fixed = { overallRate: FIXED_RATE, ...auth };
    let logins = 0;
    for (const round of [1, 2]) {
      const quiet = checked(await load(urlB, fixed), `quiet${round}`);
      p99.quiet.push(quiet.latency.p99);
      rows.push({
        run: `Q${round}`,
        what: `mock API at ${FIXED_RATE} req/s, no logins`,
        'req/s': Math.round(quiet.requests.average),
        'p50 ms': quiet.latency.p50,
        'p99 ms': quiet.latency.p99,
      });
      const logging = storm(baseB);
      const busy = checked(await load(urlB, fixed), `storm${round}`);
      const done = await logging.stop();
      logins += done;
      p99.storm.push(busy.latency.p99);
      rows.push({
        run: `S${round}`,
        what: `same, ${STORM_LOGINS} concurrent logins (${Math.round(done / SECONDS)}/s)`,
        'req/s': Math.round(busy.requests.average),
        'p50 ms': busy.latency.p50,
        'p99 ms': busy.latency.p99,
      });
    }

    const valid = { quiet: [], one: [], many: [] };
    const validStatuses = [];
    const sprayStatuses = { one: [], many: [] };
    for (const [round, key, addresses] of [
      [1, 'one', ONE_SPRAYER],
      [2, 'many', MANY_SPRAYERS],
    ]) {
      const quiet = await probeValidLogins(baseB, SECONDS);
      valid.quiet.push(percentile(quiet.ms, 99));
      validStatuses.push(...quiet.statuses);
      rows.push({
        run: `VQ${round}`,
        what: `mock API, valid logins one at a time, no spray`,
        'p50 ms': Math.round(percentile(quiet.ms, 50)),
        'p99 ms': Math.round(percentile(quiet.ms, 99)),
      });
      const spraying = spray(baseB, addresses);
      const busy = await probeValidLogins(baseB, SECONDS);
      const sprayed = await spraying.stop();
      await drain(baseB, percentile(quiet.ms, 50));
      sprayStatuses[key] = sprayed;
      valid[key].push(percentile(busy.ms, 99));
      validStatuses.push(...busy.statuses);
      rows.push({
        run: `VS${round}`,
        what: `same, ${SPRAY_RATE} req/s unknown emails from ${addresses.length} address(es)`,
        'p50 ms': Math.round(percentile(busy.ms, 50)),
        'p99 ms': Math.round(percentile(busy.ms, 99)),
      });
    }

    console.table(rows);
    const throughputRatio = median(throughput.B) / median(throughput.A);
    const strictRatio = median(throughput.B) / median(throughput["A'"]);
    const latencyRatio = mean(p99.storm) / mean(p99.quiet);
    const verdict = (ok) => (ok ? 'meets the goal' : 'MISSES the goal');
    console.log(
      `throughput B/A = ${throughputRatio.toFixed(2)} (goal >= 0.90: ${verdict(throughputRatio >= 0.9)})`,
    );
    console.log(
      `throughput B/A' = ${strictRatio.toFixed(2)} (the auth layer alone; server CPU per request A'/B = ${(median(cpu["A'"]) / median(cpu.B)).toFixed(2)})`,
    );
    console.log(
      `GET p99 with/without ${STORM_LOGINS} concurrent logins = ${latencyRatio.toFixed(2)}` +
        ` (${mean(p99.storm).toFixed(1)} / ${mean(p99.quiet).toFixed(1)} ms, ${logins} logins; goal <= 2: ${verdict(latencyRatio <= 2)})`,
    );
    const quietP99 = mean(valid.quiet);
    const failedValid = validStatuses.filter((status) => status !== 200);
    for (const [key, label] of [
      ['one', `from ${ONE_SPRAYER.length} address`],
      ['many', `from ${MANY_SPRAYERS.length} addresses`],
    ]) {
      const ratio = valid[key][0] / quietP99;
      console.log(
        `valid-login p99 during a ${SPRAY_RATE} req/s spray of unknown emails ${label} = ${ratio.toFixed(2)}` +
          ` (${valid[key][0].toFixed(1)} / ${quietP99.toFixed(1)} ms; spray answers ${count(sprayStatuses[key])};` +
          ` goal <= 2: ${verdict(ratio <= 2 && failedValid.length === 0)})`,
      );
    }
    if (failedValid.length > 0) {
      console.log(
        `valid logins that did not succeed: ${count(failedValid)} (each one misses the goal)`,
      );
    }
  } finally {
    cleanUp();
  }
}

main().catch((error) => {
  console.error(`bench:api: ${error.message}`);
  process.exit(1);
});
