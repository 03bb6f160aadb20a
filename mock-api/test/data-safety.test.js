'use strict';

// The seed in git is never written; the working copy survives `kill -9` in the middle of a burst
// of writes with every answered write in it; `npm run api:reset` restores it.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { tempDir, testEnv, createClient, USERS } = require('./helpers');

const SERVER = path.join(__dirname, '..', 'server.js');
const RESET = path.join(__dirname, '..', 'reset.js');
const SEED = path.join(__dirname, '..', 'db.seed.json');
const SLOW_DISK = path.join(__dirname, 'slow-disk.js');
const seedDigest = () => crypto.createHash('sha256').update(fs.readFileSync(SEED)).digest('hex');

function startChild(env, nodeOptions = []) {
  const child = spawn(process.execPath, [...nodeOptions, SERVER], {
    env: { PATH: process.env.PATH, ...env },
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /ready on http:\/\/localhost:(\d+)/.exec(stdout);
      if (match) resolve({ child, api: createClient(`http://127.0.0.1:${match[1]}`) });
    });
    child.on('exit', (code) => reject(new Error(`API exited (${code}): ${stderr}`)));
  });
}

// A bigger working copy makes every write take many chunks on the slow disk.
function bigWorkingCopy(file) {
  const data = JSON.parse(fs.readFileSync(SEED, 'utf8'));
  for (let i = 0; i < 300; i++) {
    data.notes.push({
      id: 1000 + i,
      ownerId: 2,
      title: `Filler ${i}`,
      body: 'x'.repeat(1000),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  fs.writeFileSync(file, JSON.stringify(data));
}

test('kill -9 during a burst of writes leaves a file that parses and holds every answered write', async (t) => {
  const before = seedDigest();
  const dir = tempDir(t);
  const env = testEnv(dir);
  bigWorkingCopy(env.DB_FILE);

  const { child, api } = await startChild(env, ['--require', SLOW_DISK]);
  t.after(() => child.kill('SIGKILL'));
  const { token } = await api.login(USERS.alice);
  const acknowledged = [];
  let sent = 0;
  let killed = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));

  async function writer() {
    while (!killed) {
      const title = `Burst ${sent++}`;
      try {
        const response = await api.request('/api/notes', {
          method: 'POST',
          token,
          json: { title },
        });
        if (response.status === 201) acknowledged.push(title);
      } catch {
        return; // the connection died with the process: this write was never answered
      }
      if (acknowledged.length >= 25 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, writer));
  await exited;

  const text = fs.readFileSync(env.DB_FILE, 'utf8');
  const data = JSON.parse(text);
  const titles = new Set(data.notes.map((note) => note.title));
  for (const title of acknowledged)
    assert.ok(titles.has(title), `${title} was answered 201 but is lost`);
  assert.equal(data.notes.filter((note) => note.title.startsWith('Filler')).length, 300);

  // The API starts again on that file, serves the answered writes and clears dead temp files.
  const again = await startChild(env);
  t.after(() => again.child.kill('SIGKILL'));
  const relogin = await again.api.login(USERS.alice);
  const served = (await again.api.request('/api/notes', { token: relogin.token })).body.map(
    (n) => n.title,
  );
  for (const title of acknowledged) assert.ok(served.includes(title));
  assert.deepEqual(
    fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
    [],
  );
  assert.equal(seedDigest(), before, 'the seed file was written');
});

test('npm run api:reset restores the working copy from the seed and ends every session', async (t) => {
  const before = seedDigest();
  const dir = tempDir(t);
  const env = testEnv(dir);
  const { child, api } = await startChild(env);
  const login = await api.login(USERS.alice);
  await api.request('/api/notes', {
    method: 'POST',
    token: login.token,
    json: { title: 'Doomed' },
  });
  child.kill();
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(fs.readFileSync(env.DB_FILE, 'utf8').includes('Doomed'));
  assert.ok(fs.existsSync(path.join(dir, 'db.refresh-tokens.json')));

  const result = spawnSync(process.execPath, [RESET], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(
    JSON.parse(fs.readFileSync(env.DB_FILE, 'utf8')),
    JSON.parse(fs.readFileSync(SEED, 'utf8')),
  );
  assert.ok(!fs.existsSync(path.join(dir, 'db.refresh-tokens.json')));

  const again = await startChild(env);
  t.after(() => again.child.kill('SIGKILL'));
  const refresh = await again.api.request('/auth/refresh', {
    method: 'POST',
    cookie: login.cookie,
  });
  assert.equal(refresh.status, 401);
  assert.equal(seedDigest(), before, 'the seed file was written');
});

test('a missing working copy is created from the seed, which stays untouched', async (t) => {
  const before = seedDigest();
  const dir = tempDir(t);
  const env = testEnv(dir, { DB_FILE: path.join(dir, 'nested', 'folder', 'db.json') });
  const { child, api } = await startChild(env);
  t.after(() => child.kill('SIGKILL'));
  const { token } = await api.login(USERS.bob);
  await api.request('/api/notes', { method: 'POST', token, json: { title: 'Into the copy' } });
  assert.ok(fs.readFileSync(env.DB_FILE, 'utf8').includes('Into the copy'));
  assert.equal(seedDigest(), before);
});
