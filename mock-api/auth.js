'use strict';

// The auth endpoints (CONTRACT §4) and the access-token check every /api request passes (§6).

const { express } = require('./json-server-deps');
const { isEmail } = require('./email');
const { ServerBusyError } = require('./passwords');
const { deviceLabel, UNKNOWN_DEVICE } = require('./device');
const { REFRESH_COOKIE, refreshTokenValues, cookiePathsFor } = require('./cookies');
const { sendError, methodNotAllowed, jsonBody } = require('./errors');

const AUTH_BODY_LIMIT = 10 * 1024;
const REALM = 'Bearer realm="tokengate"';

function publicUser(user) {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
}

function createUserDirectory(db) {
  return {
    byId: (id) =>
      db
        .get('users')
        .find((user) => String(user.id) === String(id))
        .value(),
    byEmail: (email) => {
      const wanted = email.toLowerCase();
      return db
        .get('users')
        .find((user) => user.email.toLowerCase() === wanted)
        .value();
    },
    passwordHash: (userId) =>
      db
        .get('credentials')
        .find((entry) => entry.userId === userId)
        .value()?.passwordHash,
  };
}

const isLoopback = (hostname) =>
  hostname === 'localhost' ||
  hostname.endsWith('.localhost') ||
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
  hostname === '[::1]' ||
  hostname === '::1';

function cookieOptions(req, maxAgeSeconds) {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/auth',
    // Browsers drop Secure cookies sent over plain http, which local development uses.
    secure: !isLoopback(req.hostname ?? ''),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
  };
}

// The refresh cookie is SameSite=Strict, but every port of localhost is the same "site": without
// this check any other local page could spend (and so burn) the user's refresh token.
function sameOriginOnly(allowedOrigin) {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (
      origin === undefined ||
      origin === allowedOrigin ||
      origin === `${req.protocol}://${req.headers.host}`
    ) {
      return next();
    }
    sendError(res, 403, 'forbidden', 'This is accepted only from the app');
  };
}

// The address the connection comes from: never X-Forwarded-For or the like, which any client can
// write. IPv4 clients of a dual-stack socket appear as `::ffff:a.b.c.d`; they count as a.b.c.d.
function clientAddress(req) {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function bearerToken(header) {
  if (typeof header !== 'string') return undefined;
  const text = header.trim();
  const space = text.search(/[ \t]/);
  if (space < 0 || text.slice(0, space).toLowerCase() !== 'bearer') return undefined;
  return text.slice(space + 1).trim() || undefined;
}

function unauthorized(res, code, message, tokenSent) {
  const challenge = tokenSent
    ? `${REALM}, error="invalid_token", error_description="${message}"`
    : REALM;
  res.set('WWW-Authenticate', challenge);
  sendError(res, 401, code, message);
}

// Sets req.user to the token's user and req.sessionId to its login, or answers 401 (CONTRACT §6).
function createAccessCheck({ tokens, users, refreshStore }) {
  return async function requireAccessToken(req, res, next) {
    const token = bearerToken(req.headers.authorization);
    if (!token)
      return unauthorized(res, 'missing_token', 'Sign in: this needs a Bearer access token', false);
    let claims;
    try {
      claims = await tokens.verify(token);
    } catch (error) {
      return unauthorized(res, error.code, error.message, true);
    }
    try {
      const user = users.byId(claims.sub);
      if (!user)
        return unauthorized(res, 'invalid_token', 'The access token names an unknown user', true);
      if (!refreshStore.acceptsAccessTokens(claims.sid, user.id)) {
        return unauthorized(
          res,
          'invalid_token',
          'The session of this access token has ended',
          true,
        );
      }
      refreshStore.touch(claims.sid);
      req.user = user;
      req.sessionId = claims.sid;
    } catch (error) {
      return next(error);
    }
    next();
  };
}

function tooManyAttempts(res, retryAfter, whose) {
  res.set('Retry-After', String(retryAfter));
  sendError(
    res,
    429,
    'too_many_attempts',
    `Too many failed sign-ins ${whose}: try again in ${retryAfter} s`,
  );
}

function serverBusy(res) {
  // The queue drains within moments; a second is the smallest wait Retry-After can say.
  res.set('Retry-After', '1');
  sendError(res, 503, 'server_busy', 'Too many sign-ins at once: try again in a moment');
}

function createAuthRouter({
  config,
  db,
  tokens,
  refreshStore,
  limiter,
  clientLimiter,
  passwords,
  requireAccessToken,
}) {
  const users = createUserDirectory(db);
  const router = express.Router({ caseSensitive: true });
  router.use(jsonBody(AUTH_BODY_LIMIT));
  const fromApp = sameOriginOnly(config.corsOrigin);

  async function answerWithSession(req, res, user, session) {
    const access = await tokens.issue(user, session.sessionId);
    res.cookie(REFRESH_COOKIE, session.token, cookieOptions(req, config.refreshTokenTtl));
    res.json({ ...access, user: publicUser(user) });
  }

  async function login(req, res, email, password) {
    const ticket = clientLimiter.reserve(clientAddress(req));
    if (ticket.retryAfter) return tooManyAttempts(res, ticket.retryAfter, 'from this address');
    const user = users.byEmail(email);
    const hash = (user && users.passwordHash(user.id)) || undefined;
    let outcome;
    try {
      outcome = await limiter.attempt(email, () =>
        passwords.check(password, hash, { lane: ticket.lane }),
      );
    } catch (error) {
      ticket.done();
      if (error instanceof ServerBusyError) return serverBusy(res);
      throw error;
    }
    if (outcome.retryAfter) {
      ticket.done();
      return tooManyAttempts(res, outcome.retryAfter, 'for this email');
    }
    if (!outcome.valid) {
      ticket.failed();
      return sendError(res, 401, 'invalid_credentials', 'Wrong email or password');
    }
    ticket.succeeded();
    const device = deviceLabel(req.headers['user-agent']);
    await answerWithSession(req, res, user, refreshStore.startSession(user.id, { device }));
  }

  router
    .route('/login')
    .post(fromApp, async (req, res, next) => {
      const { email, password } = req.body ?? {};
      if (typeof email !== 'string' || typeof password !== 'string' || password === '') {
        return sendError(res, 400, 'invalid_request', 'Send {"email", "password"} as strings');
      }
      if (!isEmail(email)) {
        return sendError(res, 400, 'invalid_request', 'The email is not an email address');
      }
      try {
        await login(req, res, email, password);
      } catch (error) {
        next(error);
      }
    })
    .all(methodNotAllowed(['POST']));

  // The refresh cookie(s) the request carries. With more than one, a page on another localhost
  // port has planted its own beside ours, and which one is the caller's cannot be known. Every
  // login they belong to is ended (so the planted one cannot sign the caller in later, and the
  // caller's own does not live on unseen), and the cookie is cleared on every path it could have
  // been planted on, so the caller's next sign-in starts clean.
  function presentedTokens(req, res) {
    const values = refreshTokenValues(req.headers.cookie);
    if (values.length <= 1) return { token: values[0], tossed: false };
    for (const value of values) refreshStore.endSession(value);
    for (const path of cookiePathsFor(req.baseUrl + req.path)) {
      res.clearCookie(REFRESH_COOKIE, { ...cookieOptions(req), path });
    }
    return { token: undefined, tossed: true };
  }

  function refuseGrant(req, res, message) {
    res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
    sendError(res, 401, 'invalid_grant', message);
  }

  router
    .route('/refresh')
    .post(fromApp, async (req, res, next) => {
      const { token: presented, tossed } = presentedTokens(req, res);
      if (tossed) {
        return sendError(res, 401, 'invalid_grant', 'More than one refresh cookie: sign in again');
      }
      if (typeof presented !== 'string' || presented === '') {
        return refuseGrant(req, res, 'No refresh token: sign in');
      }
      const session = refreshStore.rotate(presented);
      if (!session) return refuseGrant(req, res, 'The session has ended: sign in again');
      const user = users.byId(session.userId);
      if (!user) {
        refreshStore.endSession(session.token);
        return refuseGrant(req, res, 'The session has ended: sign in again');
      }
      try {
        await answerWithSession(req, res, user, session);
      } catch (error) {
        next(error);
      }
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/logout')
    .post(fromApp, (req, res) => {
      const { token: presented, tossed } = presentedTokens(req, res);
      if (!tossed) {
        if (typeof presented === 'string') refreshStore.endSession(presented);
        res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
      }
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/me')
    .get(requireAccessToken, (req, res) => res.json(publicUser(req.user)))
    .all(methodNotAllowed(['GET']));

  const iso = (time) => new Date(time).toISOString();

  router
    .route('/sessions')
    .get(requireAccessToken, (req, res) => {
      res.json(
        refreshStore.listSessions(req.user.id).map((session) => ({
          id: session.id,
          createdAt: iso(session.createdAt),
          lastUsedAt: iso(session.lastUsedAt),
          device: session.device ?? UNKNOWN_DEVICE,
          current: session.id === req.sessionId,
        })),
      );
    })
    .delete(requireAccessToken, (req, res) => {
      refreshStore.endUserSessions(req.user.id, req.sessionId);
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'DELETE']));

  router
    .route('/sessions/:id')
    .delete(requireAccessToken, (req, res) => {
      // Another user's login answers exactly like one that does not exist.
      if (!refreshStore.endSessionById(req.params.id, req.user.id)) {
        return sendError(res, 404, 'not_found', 'No such login');
      }
      res.status(204).end();
    })
    .all(methodNotAllowed(['DELETE']));

  return router;
}

module.exports = {
  createAuthRouter,
  createAccessCheck,
  createUserDirectory,
  sameOriginOnly,
  publicUser,
};
