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
const { createTokenService } = require('./tokens');
const { createRefreshStore } = require('./refresh-store');
const { createLoginLimiter } = require('./login-limiter');
const { prepareDummyHash } = require('./passwords');
const { lowerThreadPoolPriority } = require('./thread-priority');
const { createAuthRouter, createAccessCheck, createUserDirectory } = require('./auth');
const { createApiGate, renderSafely, EXPOSED_HEADERS } = require('./api');
const { notFound, errorHandler, answerClientError } = require('./errors');

function createServices(config) {
  const db = openDatabase(config.dbFile, config.seedFile);
  // The first hash starts libuv's pool, whose threads are then moved below the event loop.
  prepareDummyHash().then(lowerThreadPoolPriority);
  return {
    db,
    tokens: createTokenService({ secret: config.jwtSecret, ttlSeconds: config.accessTokenTtl }),
    refreshStore: createRefreshStore({
      file: config.refreshStoreFile,
      refreshTtl: config.refreshTokenTtl,
      accessTtl: config.accessTokenTtl,
    }),
    limiter: createLoginLimiter({
      maxAttempts: config.loginMaxAttempts,
      windowSeconds: config.loginWindow,
    }),
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

function createJsonServerRouter(db) {
  const router = jsonServer.router(db);
  router.render = renderSafely;
  // The router ends with a handler that sends `err.stack` as the body; without it, errors reach
  // the app's JSON error handler instead.
  router.stack = router.stack.filter((layer) => layer.handle.length !== 4);
  return router;
}

function createApp(config, services) {
  const { db, tokens, refreshStore, limiter } = services;
  const requireAccessToken = createAccessCheck({
    tokens,
    users: createUserDirectory(db),
    refreshStore,
  });

  const app = jsonServer.create();
  app.disable('x-powered-by');
  if (config.logRequests) app.use(requestLog);
  app.use(
    cors({
      origin: config.corsOrigin,
      credentials: true,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    }),
  );
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(jsonServerDefaults());

  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.use(
    '/auth',
    createAuthRouter({ config, db, tokens, refreshStore, limiter, requireAccessToken }),
  );
  app.use('/api', createApiGate({ db, requireAccessToken }), createJsonServerRouter(db));
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
    server.once('listening', () => {
      server.on('close', () => services.limiter.stop());
      resolve(server);
    });
    server.once('error', (error) => {
      services.limiter.stop();
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
      ` ${config.loginMaxAttempts} failed sign-ins per email per ${formatDuration(config.loginWindow)}, then 429`,
    `  data: ${config.dbFile} (npm run api:reset restores it from mock-api/db.seed.json)`,
    `  CORS origin: ${config.corsOrigin}`,
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
