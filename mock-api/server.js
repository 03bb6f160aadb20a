'use strict';

// The mock API: json-server 0.17 (create(), defaults(), router()) with the auth layer in front.
// Custom routes and middleware come before json-server's router, as its README prescribes.

// Before anything that needs the newer Node is loaded: on an older one, say so in one line.
if (require.main === module) {
  const problem = require('./node-version').nodeVersionProblem();
  if (problem) {
    console.error(`mock-api: ${problem}`);
    process.exit(1);
  }
}

const cors = require('cors');
const jsonServer = require('json-server');
const { loadConfig, ConfigError } = require('./config');
const { openDatabase, StorageError } = require('./storage');
const { createClock } = require('./clock');
const { createTokenService } = require('./tokens');
const { createRefreshStore } = require('./refresh-store');
const { createLoginLimiter, createClientLimiter } = require('./login-limiter');
const { createPasswordChecker, prepareDummyHash } = require('./passwords');
const { createHostCheck } = require('./hosts');
const { createAuthRouter, createAccessCheck, createUserDirectory } = require('./auth');
const { createApiGate, renderSafely, EXPOSED_HEADERS } = require('./api');
const { createTestHooks } = require('./test-hooks');
const { notFound, errorHandler, answerClientError } = require('./errors');

function createServices(config) {
  const db = openDatabase(config.dbFile, config.seedFile);
  const clock = createClock();
  // Made now, so that the first login for an unknown email does not pay for it.
  prepareDummyHash();
  return {
    db,
    clock,
    tokens: createTokenService({
      secret: config.jwtSecret,
      ttlSeconds: config.accessTokenTtl,
      now: clock.now,
      trackIssued: config.testHooks,
    }),
    refreshStore: createRefreshStore({
      file: config.refreshStoreFile,
      refreshTtl: config.refreshTokenTtl,
      accessTtl: config.accessTokenTtl,
      now: clock.now,
    }),
    limiter: createLoginLimiter({
      maxAttempts: config.loginMaxAttempts,
      windowSeconds: config.loginWindow,
      now: clock.now,
    }),
    clientLimiter: createClientLimiter({
      maxAttempts: config.loginClientMaxAttempts,
      windowSeconds: config.loginWindow,
      trustSeconds: config.refreshTokenTtl,
      now: clock.now,
    }),
    passwords: createPasswordChecker({ maxWaiting: config.loginQueueSize }),
  };
}

// Long opaque path segments are shortened in the log: whatever a client puts in a URL, a token
// must never end up in a log line.
function requestLog(req, res, next) {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const path = req.originalUrl.split('?')[0].replace(/[^/]{33,}/g, '…');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)} ms`);
  });
  next();
}

function jsonServerDefaults() {
  // json-server always adds a static file server (here it would serve the Angular app's public/
  // folder) that touches the disk on every GET; the API serves no files. Its permissive CORS
  // (any origin, with credentials), logger and body parser are replaced by the auth layer's own.
  return jsonServer
    .defaults({ noCors: true, logger: false, bodyParser: false })
    .filter((middleware) => middleware.name !== 'serveStatic');
}

// CONTRACT §6, on every answer, refusals included. After json-server's defaults, which set
// `Cache-Control: no-cache`, which would let a cache store answers that carry tokens and notes.
function securityHeaders(_req, res, next) {
  res.set({
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  next();
}

// The app measures its clock's skew from the Date header: when the test hooks move the server's
// clock, the header moves with it.
function dateFrom(clock) {
  return (_req, res, next) => {
    if (clock.isMoved()) res.set('Date', new Date(clock.now()).toUTCString());
    next();
  };
}

function createJsonServerRouter(db) {
  const router = jsonServer.router(db);
  router.render = renderSafely;
  // The router ends with a handler that sends `err.stack` as the body; without it, errors reach
  // the app's JSON error handler instead.
  router.stack = router.stack.filter((layer) => layer.handle.length !== 4);
  return router;
}

function createApp(config, services) {
  const { db, clock, tokens, refreshStore } = services;
  const requireAccessToken = createAccessCheck({
    tokens,
    users: createUserDirectory(db),
    refreshStore,
  });

  const app = jsonServer.create();
  app.disable('x-powered-by');
  // `/API/notes` is not `/api/notes`: the gate's rules are written for exact paths.
  app.enable('case sensitive routing');
  if (config.logRequests) app.use(requestLog);
  app.use(jsonServerDefaults(), securityHeaders, dateFrom(clock));
  app.use(createHostCheck({ allowedHosts: config.allowedHosts, corsOrigin: config.corsOrigin }));
  app.use(
    cors({
      origin: config.corsOrigin,
      credentials: true,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    }),
  );

  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.use('/auth', createAuthRouter({ config, db, requireAccessToken, ...services }));
  app.use('/api', createApiGate({ db, clock, requireAccessToken }), createJsonServerRouter(db));
  if (config.testHooks) app.use('/__test', createTestHooks({ config, ...services }));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

// Resolves to the listening http.Server; `close()` it to stop.
function start(config, services = createServices(config)) {
  const app = createApp(config, services);
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host);
    server.on('clientError', answerClientError);
    const stopTimers = () => {
      services.limiter.stop();
      services.clientLimiter.stop();
    };
    server.once('listening', () => {
      server.on('close', stopTimers);
      resolve(server);
    });
    server.once('error', (error) => {
      stopTimers();
      reject(error);
    });
  });
}

function listenErrorMessage(error, config) {
  switch (error.code) {
    case 'EADDRINUSE':
      return `PORT: ${config.port} is already in use on ${config.host}`;
    case 'EACCES':
      return `PORT: no permission to listen on port ${config.port}`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST: cannot listen on "${config.host}" (${error.code})`;
    default:
      return `PORT/HOST: cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`;
  }
}

function formatDuration(seconds) {
  const [unit, size] = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ].find(([, step]) => seconds % step === 0);
  return `${seconds / size}${unit}`;
}

const formatHost = ({ hostname, port }) => (port === undefined ? hostname : `${hostname}:${port}`);

function banner(config, server, users) {
  const { port } = server.address();
  const host =
    config.host === '127.0.0.1'
      ? 'localhost'
      : config.host.includes(':')
        ? `[${config.host}]`
        : config.host;
  const lines = [
    `Tokengate mock API ready on http://${host}:${port}`,
    `  access tokens live ${formatDuration(config.accessTokenTtl)}, refresh tokens ${formatDuration(config.refreshTokenTtl)};` +
      ` ${config.loginMaxAttempts} failed sign-ins per email and ${config.loginClientMaxAttempts} per address` +
      ` per ${formatDuration(config.loginWindow)}, then 429`,
    `  data: ${config.dbFile} (npm run api:reset restores it from mock-api/db.seed.json)`,
    `  CORS origin: ${config.corsOrigin}` +
      (config.allowedHosts.length
        ? `; also answers as ${config.allowedHosts.map(formatHost).join(', ')}`
        : ''),
    ...(config.testHooks
      ? [
          '  warning: TEST_HOOKS=1: POST /__test/* can reset the data, end logins and move the clock without a password (for tests only)',
        ]
      : []),
    'Demo users (their passwords are in README.md, "Demo users"):',
    ...users.map(
      (user) => `  ${user.name.padEnd(16)}${user.email.padEnd(22)}${user.roles.join(', ')}`,
    ),
  ];
  return lines.join('\n');
}

function fail(message) {
  console.error(`mock-api: ${message}`);
  process.exit(1);
}

async function main() {
  let config;
  let services;
  let server;
  try {
    config = loadConfig();
    services = createServices(config);
    server = await start(config, services);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StorageError) return fail(error.message);
    if (error.syscall === 'listen' || error.syscall === 'getaddrinfo') {
      return fail(listenErrorMessage(error, config));
    }
    throw error;
  }
  if (config.jwtSecretGenerated) {
    console.warn(
      'mock-api: JWT_SECRET is not set: signing with a random secret, so every session ends when the API stops',
    );
  }
  console.log(banner(config, server, services.db.get('users').value()));
  // Every write is on disk before it is answered, so stopping needs no flushing: just stop.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

module.exports = { createApp, createServices, start };

if (require.main === module) main();
