'use strict';

// Every setting of the mock API, read and checked in one place (CONTRACT §2). A bad value is
// refused here, before anything listens, with a message that names the variable.

const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { parseHost } = require('./hosts');

const SEED_FILE = path.join(__dirname, 'db.seed.json');
const DEFAULT_DB_FILE = path.join(__dirname, 'data', 'db.json');
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
// A year: beyond that a typo (`7000d`) is far likelier than intent, and dates stay representable.
const MAX_DURATION_SECONDS = 365 * 86400;

class ConfigError extends Error {}

// Empty counts as unset: `PORT= npm run api` and compose files with blank values mean "default".
function read(env, name) {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function parsePort(raw) {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be a port number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function parseDuration(name, raw) {
  const match = /^(\d{1,9})([smhd]?)$/.exec(raw);
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's'] : NaN;
  if (!(seconds > 0 && seconds <= MAX_DURATION_SECONDS)) {
    throw new ConfigError(
      `${name} must be a duration like 45, 45s, 15m, 2h or 7d (at most 365d, more than 0), got "${raw}"`,
    );
  }
  return seconds;
}

function parsePositiveInteger(name, raw) {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(`${name} must be a whole number from 1 to 999999, got "${raw}"`);
  }
  return Number(raw);
}

function parseSecret(raw) {
  if (raw === undefined) return { secret: crypto.randomBytes(32), generated: true };
  if (Buffer.byteLength(raw, 'utf8') < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 bytes long');
  }
  return { secret: Buffer.from(raw, 'utf8'), generated: false };
}

function parseOrigin(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const isOrigin = url && ['http:', 'https:'].includes(url.protocol) && url.origin === raw;
  if (!isOrigin) {
    throw new ConfigError(
      `CORS_ORIGIN must be one origin like http://localhost:4200 (scheme, host, optional port, no path), got "${raw}"`,
    );
  }
  return raw;
}

function parseDbFile(raw) {
  const file = path.resolve(raw ?? DEFAULT_DB_FILE);
  if (file === SEED_FILE) {
    throw new ConfigError(
      'DB_FILE must not be the seed file (mock-api/db.seed.json is never written)',
    );
  }
  if (fs.existsSync(file) && !fs.statSync(file).isFile()) {
    throw new ConfigError(`DB_FILE must be a file, "${file}" is not`);
  }
  return file;
}

// `name`, `name:port`, `[v6]` or `[v6]:port`, comma-separated; blanks between commas are skipped.
function parseAllowedHosts(raw) {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const host = parseHost(entry);
    if (!host) {
      throw new ConfigError(
        `ALLOWED_HOSTS must be comma-separated host names, each optionally with :port (api.example, tunnel.example:8443, [fd00::1]:9000), got "${entry}"`,
      );
    }
    return host;
  });
}

const isLoopbackAddress = (host) =>
  host === 'localhost' || host === '::1' || (net.isIPv4(host) && host.startsWith('127.'));

// The hooks change data and end sessions without a password: only for an API nobody else can
// reach.
function parseTestHooks(raw, host) {
  if (raw === undefined || raw === '0') return false;
  if (raw !== '1') throw new ConfigError(`TEST_HOOKS must be 1 (on) or 0 (off), got "${raw}"`);
  if (!isLoopbackAddress(host)) {
    throw new ConfigError(
      `TEST_HOOKS=1 needs the API to listen on loopback only (HOST 127.0.0.1, another 127.x.x.x, ::1 or localhost), got HOST=${host}`,
    );
  }
  return true;
}

function loadConfig(env = process.env) {
  const { secret, generated } = parseSecret(read(env, 'JWT_SECRET'));
  const dbFile = parseDbFile(read(env, 'DB_FILE'));
  const host = read(env, 'HOST') ?? '127.0.0.1';
  return {
    port: parsePort(read(env, 'PORT') ?? '3000'),
    host,
    jwtSecret: secret,
    jwtSecretGenerated: generated,
    accessTokenTtl: parseDuration('ACCESS_TOKEN_TTL', read(env, 'ACCESS_TOKEN_TTL') ?? '15m'),
    refreshTokenTtl: parseDuration('REFRESH_TOKEN_TTL', read(env, 'REFRESH_TOKEN_TTL') ?? '7d'),
    loginMaxAttempts: parsePositiveInteger(
      'LOGIN_MAX_ATTEMPTS',
      read(env, 'LOGIN_MAX_ATTEMPTS') ?? '5',
    ),
    loginWindow: parseDuration('LOGIN_WINDOW', read(env, 'LOGIN_WINDOW') ?? '15m'),
    // Far above what a person mistypes in a window, far below what a spray sends in one.
    loginClientMaxAttempts: parsePositiveInteger(
      'LOGIN_CLIENT_MAX_ATTEMPTS',
      read(env, 'LOGIN_CLIENT_MAX_ATTEMPTS') ?? '50',
    ),
    // Enough for every tab of a busy demo to sign in at once; beyond it waiting only grows.
    loginQueueSize: parsePositiveInteger('LOGIN_QUEUE_SIZE', read(env, 'LOGIN_QUEUE_SIZE') ?? '16'),
    allowedHosts: parseAllowedHosts(read(env, 'ALLOWED_HOSTS')),
    testHooks: parseTestHooks(read(env, 'TEST_HOOKS'), host),
    dbFile,
    seedFile: SEED_FILE,
    // Refresh tokens outlive a restart only when access tokens do: with a random secret every
    // session ends at restart anyway, so persisting them would only keep dead state around.
    refreshStoreFile: generated ? null : refreshStorePath(dbFile),
    corsOrigin: parseOrigin(read(env, 'CORS_ORIGIN') ?? 'http://localhost:4200'),
    // json-server's own convention: NODE_ENV=test silences the request log.
    logRequests: env.NODE_ENV !== 'test',
  };
}

function refreshStorePath(dbFile) {
  const { dir, name } = path.parse(dbFile);
  return path.join(dir, `${name}.refresh-tokens.json`);
}

module.exports = {
  loadConfig,
  ConfigError,
  parseDuration,
  refreshStorePath,
  SEED_FILE,
  DEFAULT_DB_FILE,
};
