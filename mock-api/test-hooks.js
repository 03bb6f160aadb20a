'use strict';

// Server-side levers for end-to-end tests (TEST_HOOKS=1, docs/mock-api.md "Test hooks"): end a
// login now, make a user's access tokens expire now, move the server's clock, reset the data.
// Mounted only when config.js has checked that TEST_HOOKS=1 and that the API listens on loopback;
// otherwise these paths do not exist and answer 404 like any unknown path. The Host allow-list and
// the Origin check apply as to every request, so no other page or name can reach them either.

const fs = require('node:fs');
const { express } = require('./json-server-deps');
const { sendError, methodNotAllowed, jsonBody } = require('./errors');
const { createUserDirectory, sameOriginOnly } = require('./auth');

const HOOK_BODY_LIMIT = 10 * 1024;
// Ten years: far past any token or session lifetime, still well inside what a Date can hold.
const MAX_ADVANCE_SECONDS = 10 * 366 * 86400;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const nonEmptyString = (value) => typeof value === 'string' && value !== '';

function createTestHooks({ config, db, clock, tokens, refreshStore, limiter, clientLimiter }) {
  const users = createUserDirectory(db);
  const router = express.Router({ caseSensitive: true });
  router.use(sameOriginOnly(config.corsOrigin), jsonBody(HOOK_BODY_LIMIT));

  const hook = (path, handle) =>
    router
      .route(path)
      .post((req, res, next) => {
        try {
          handle(req, res);
        } catch (error) {
          next(error);
        }
      })
      .all(methodNotAllowed(['POST']));

  const badRequest = (res, message) => sendError(res, 400, 'invalid_request', message);

  // The user named by {"email"}, or undefined once an answer has been sent.
  function userFrom(req, res) {
    if (!isObject(req.body) || !nonEmptyString(req.body.email)) {
      badRequest(res, 'Send {"email": "<a user\'s email>"}');
      return undefined;
    }
    const user = users.byEmail(req.body.email);
    if (!user) sendError(res, 404, 'not_found', 'No user has that email');
    return user;
  }

  hook('/reset', (_req, res) => {
    db.setState(JSON.parse(fs.readFileSync(config.seedFile, 'utf8'))).write();
    refreshStore.clear();
    tokens.forgetExpiries();
    limiter.clear();
    clientLimiter.clear();
    clock.reset();
    res.status(204).end();
  });

  hook('/logins/end', (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    const hasEmail = body.email !== undefined;
    const hasSid = body.sid !== undefined;
    if (hasEmail === hasSid || (hasSid && !nonEmptyString(body.sid))) {
      return badRequest(res, 'Send {"email": "<a user\'s email>"} or {"sid": "<a login id>"}');
    }
    if (hasSid) {
      if (!refreshStore.endSessionById(body.sid)) {
        return sendError(res, 404, 'not_found', 'No live login has that sid');
      }
      return res.status(204).end();
    }
    const user = userFrom(req, res);
    if (!user) return undefined;
    refreshStore.endUserSessions(user.id);
    res.status(204).end();
  });

  hook('/tokens/expire', (req, res) => {
    const user = userFrom(req, res);
    if (!user) return;
    tokens.expireIssuedTo(user.id);
    res.status(204).end();
  });

  hook('/clock', (req, res) => {
    const seconds = isObject(req.body) ? req.body.advanceSeconds : undefined;
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      return badRequest(
        res,
        `Send {"advanceSeconds": <a whole number from 0 to ${MAX_ADVANCE_SECONDS}>}`,
      );
    }
    clock.advance(seconds);
    const now = new Date(clock.now());
    // This answer's Date header was set before the clock moved.
    res.set('Date', now.toUTCString());
    res.json({ now: now.toISOString() });
  });

  return router;
}

module.exports = { createTestHooks };
