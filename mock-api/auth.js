'use strict';

// The auth endpoints (CONTRACT §4) and the access-token check every /api request passes (§6).

const cookieParser = require('cookie-parser');
const { express } = require('./json-server-deps');
const { isEmail } = require('./email');
const { verifyPassword, verifyAgainstNobody } = require('./passwords');
const { sendError, methodNotAllowed, jsonBody } = require('./errors');

const REFRESH_COOKIE = 'refresh_token';
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
    sendError(res, 403, 'forbidden', 'Requests to /auth are accepted only from the app');
  };
}

function noStore(_req, res, next) {
  res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  next();
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

// Sets req.user to the token's user, or answers 401 (CONTRACT §6).
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
      if (refreshStore.isSessionRevoked(claims.sid)) {
        return unauthorized(
          res,
          'invalid_token',
          'The session of this access token has ended',
          true,
        );
      }
      req.user = user;
    } catch (error) {
      return next(error);
    }
    next();
  };
}

function createAuthRouter({ config, db, tokens, refreshStore, limiter, requireAccessToken }) {
  const users = createUserDirectory(db);
  const router = express.Router();
  router.use(noStore, cookieParser(), jsonBody(AUTH_BODY_LIMIT));
  const fromApp = sameOriginOnly(config.corsOrigin);

  async function answerWithSession(req, res, user, session) {
    const access = await tokens.issue(user, session.sessionId);
    res.cookie(REFRESH_COOKIE, session.token, cookieOptions(req, config.refreshTokenTtl));
    res.json({ ...access, user: publicUser(user) });
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
        const user = users.byEmail(email);
        const hash = user && users.passwordHash(user.id);
        const outcome = await limiter.attempt(email, () =>
          hash ? verifyPassword(password, hash) : verifyAgainstNobody(password),
        );
        if (outcome.retryAfter) {
          res.set('Retry-After', String(outcome.retryAfter));
          return sendError(
            res,
            429,
            'too_many_attempts',
            `Too many failed sign-ins for this email: try again in ${outcome.retryAfter} s`,
          );
        }
        if (!outcome.valid) {
          return sendError(res, 401, 'invalid_credentials', 'Wrong email or password');
        }
        await answerWithSession(req, res, user, refreshStore.startSession(user.id));
      } catch (error) {
        next(error);
      }
    })
    .all(methodNotAllowed(['POST']));

  function refuseGrant(req, res, message) {
    res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
    sendError(res, 401, 'invalid_grant', message);
  }

  router
    .route('/refresh')
    .post(fromApp, async (req, res, next) => {
      const presented = req.cookies[REFRESH_COOKIE];
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
      const presented = req.cookies[REFRESH_COOKIE];
      if (typeof presented === 'string') refreshStore.endSession(presented);
      res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/me')
    .get(requireAccessToken, (req, res) => res.json(publicUser(req.user)))
    .all(methodNotAllowed(['GET']));

  return router;
}

module.exports = {
  createAuthRouter,
  createAccessCheck,
  createUserDirectory,
  publicUser,
  REFRESH_COOKIE,
};
