'use strict';

// The gate in front of json-server's router under /api (CONTRACT §6). It lets through only what
// the contract allows, rewritten so that json-server cannot overstep it: a user's list is filtered
// to their own notes, bodies carry only fields the client may set, and query parameters that
// would reach json-server's unsafe corners (`_like` as a raw regex, `_delay`, `_embed`,
// `_expand`, JSONP `callback`) are refused or defused. Everything else answers JSON 404.

const { express } = require('./json-server-deps');
const { sendError, notFound, methodNotAllowed, jsonBody } = require('./errors');
const { noteTitleProblem, noteBodyProblem } = require('./note-rules');

const API_BODY_LIMIT = 64 * 1024;
const NOTE_FIELDS = ['id', 'ownerId', 'title', 'body', 'createdAt', 'updatedAt'];
const USER_FIELDS = ['id', 'email', 'name', 'roles'];
const LIST_PARAMETERS = new Set(['_page', '_limit', '_sort', '_order', 'q', '_start', '_end']);
const FILTER_SUFFIX = /_(?:gte|lte|ne|like)$/;
// Cross-origin callers may read these; json-server overwrites the list on some answers, so the
// render step sets it again.
const EXPOSED_HEADERS = 'Location, Link, X-Total-Count, Retry-After, WWW-Authenticate';

const escapeRegExp = (text) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function checkQuery(fields) {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(req.query)) {
      const isFilter = fields.includes(name.replace(FILTER_SUFFIX, ''));
      if (!isFilter && !LIST_PARAMETERS.has(name)) {
        return sendError(res, 400, 'invalid_request', `Unknown query parameter: ${name}`);
      }
      const values = [].concat(value);
      const wellFormed = isFilter
        ? values.every((item) => typeof item === 'string')
        : typeof value === 'string';
      if (!wellFormed) {
        return sendError(
          res,
          400,
          'invalid_request',
          `Query parameter ${name} must be given once, as plain text`,
        );
      }
      // json-server builds `new RegExp(value)` from `_like`: escaped, it is a plain substring
      // match and no pattern can make it backtrack for seconds.
      if (name.endsWith('_like')) {
        req.query[name] = Array.isArray(value) ? value.map(escapeRegExp) : escapeRegExp(value);
      }
    }
    if (typeof req.query._sort === 'string') {
      const unknown = req.query._sort.split(',').find((field) => !fields.includes(field));
      if (unknown !== undefined) {
        return sendError(res, 400, 'invalid_request', `Cannot sort by: ${unknown}`);
      }
    }
    next();
  };
}

function noteInput(body, { partial }) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { error: 'The body must be a JSON object' };
  }
  const input = {};
  if (body.title !== undefined || !partial) {
    const error = noteTitleProblem(body.title);
    if (error) return { error };
    input.title = body.title;
  }
  // A missing body is an empty one; `null` is not text and is refused, not taken for "".
  if (body.body !== undefined || !partial) {
    const text = body.body === undefined ? '' : body.body;
    const error = noteBodyProblem(text);
    if (error) return { error };
    input.body = text;
  }
  return { input };
}

function createApiGate({ db, requireAccessToken, clock }) {
  const notes = () => db.get('notes');
  // json-server's router matches paths without regard to case; this gate, which decides what is
  // allowed, must not: `/USERS` would otherwise slip past the `/users` rules into the router.
  const gate = express.Router({ caseSensitive: true });
  const pass = (_req, _res, next) => next('router');

  gate.use(requireAccessToken, jsonBody(API_BODY_LIMIT), (req, _res, next) => {
    // json-server's router honours X-HTTP-Method-Override, which would turn a POST this gate
    // checked into, say, an unscoped GET of every note.
    delete req.headers['x-http-method-override'];
    next();
  });

  function ownNote(req, res, next) {
    const note = notes()
      .find((candidate) => String(candidate.id) === req.params.id)
      .value();
    if (!note || String(note.ownerId) !== String(req.user.id)) {
      return sendError(res, 404, 'not_found', 'No such note');
    }
    res.locals.note = note;
    next();
  }

  function withInput(partial, complete) {
    return (req, res, next) => {
      const { input, error } = noteInput(req.body, { partial });
      if (error) return sendError(res, 400, 'invalid_request', error);
      req.body = complete(input, req, res);
      next('router');
    };
  }

  const now = () => new Date(clock.now()).toISOString();
  const checkNoteQuery = checkQuery(NOTE_FIELDS);

  gate
    .route('/notes')
    .all(checkNoteQuery)
    .get((req, _res, next) => {
      req.query.ownerId = String(req.user.id);
      next('router');
    })
    .post(
      withInput(false, (input, req) => {
        const time = now();
        return { ...input, ownerId: req.user.id, createdAt: time, updatedAt: time };
      }),
    )
    .all(methodNotAllowed(['GET', 'POST']));

  gate
    .route('/notes/:id')
    .all(checkNoteQuery)
    .get(ownNote, pass)
    .put(
      ownNote,
      withInput(false, (input, req, res) => ({
        ...input,
        ownerId: req.user.id,
        createdAt: res.locals.note.createdAt,
        updatedAt: now(),
      })),
    )
    .patch(
      ownNote,
      withInput(true, (input) => ({ ...input, updatedAt: now() })),
    )
    .delete(ownNote, pass)
    .all(methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']));

  function adminOnly(req, res, next) {
    if (req.user.roles.includes('admin')) return next();
    res.set('WWW-Authenticate', 'Bearer realm="tokengate", error="insufficient_scope"');
    sendError(res, 403, 'forbidden', 'Only admins may see the users');
  }

  const checkUserQuery = checkQuery(USER_FIELDS);
  gate
    .route('/users')
    .all(adminOnly, checkUserQuery)
    .get(pass)
    .all(methodNotAllowed(['GET']));
  gate
    .route('/users/:id')
    .all(adminOnly, checkUserQuery)
    .get(pass)
    .all(methodNotAllowed(['GET']));

  gate.use(notFound);
  return gate;
}

const pick = (record, fields) =>
  Object.fromEntries(
    fields.filter((field) => field in record).map((field) => [field, record[field]]),
  );

// json-server writes `Location` and `Link` as absolute URLs built from the Host the client sent;
// they become paths, which the client resolves against the URL it asked, so no header echoes a
// Host.
const pathOnly = (url) => {
  const { pathname, search } = new URL(url, 'http://base.invalid');
  return pathname + search;
};

function relativeLinks(res) {
  const location = res.get('Location');
  if (location) res.set('Location', pathOnly(location));
  const link = res.get('Link');
  if (link)
    res.set(
      'Link',
      link.replace(/<([^>]*)>/g, (_match, url) => `<${pathOnly(url)}>`),
    );
}

// json-server's render step, restricted to the fields each collection may show.
function renderSafely(req, res) {
  const data = res.locals.data;
  if (data === undefined || res.statusCode === 404) return notFound(req, res);
  const fields = req.path.split('/')[1] === 'users' ? USER_FIELDS : NOTE_FIELDS;
  relativeLinks(res);
  res.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  res.json(Array.isArray(data) ? data.map((record) => pick(record, fields)) : pick(data, fields));
}

module.exports = { createApiGate, renderSafely, EXPOSED_HEADERS };
