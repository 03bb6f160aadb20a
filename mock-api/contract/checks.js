'use strict';

// The checks of the conformance suite: behaviour any Tokengate backend must show (CONTRACT §4-§6),
// seen from outside, over HTTP only. Each check throws a one-line reason when the behaviour does
// not hold. Every answer is also held to docs/api/openapi.yaml by the runner (run.js).

const crypto = require('node:crypto');
const http = require('node:http');

const ISSUER = 'tokengate-mock-api';
const AUDIENCE = 'tokengate-app';

class Failure extends Error {}

function expect(condition, reason) {
  if (!condition) throw new Failure(reason);
}

function expectStatus(response, status, what) {
  const code = response.body?.error ? ` ${response.body.error}` : '';
  expect(
    [].concat(status).includes(response.status),
    `${what}: expected ${[].concat(status).join(' or ')}, got ${response.status}${code}`,
  );
}

function expectError(response, status, error, what) {
  expectStatus(response, status, what);
  expect(
    response.body?.error === error,
    `${what}: expected error "${error}", got ${JSON.stringify(response.body?.error)}`,
  );
}

const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function decodeJwt(token) {
  const parts = String(token).split('.');
  expect(parts.length === 3, 'the access token is not a three-part JWT');
  try {
    return { header: decodePart(parts[0]), claims: decodePart(parts[1]), parts };
  } catch {
    throw new Failure('the access token is not base64url JSON');
  }
}

const uniqueEmail = () => `contract-${crypto.randomUUID()}@example.invalid`;
const tag = () => `contract-${crypto.randomBytes(6).toString('hex')}`;

/** Every check, in the order they run. Those that need the backend's signing key say so. */
function createChecks({ client, users, checker, secret }) {
  const { request, login } = client;
  const createdNotes = [];

  async function signIn(user, what, headers) {
    const response = await login(user, headers);
    expectStatus(response, 200, `${what}: sign-in of ${user.email}`);
    expect(response.cookie, `${what}: sign-in of ${user.email} set no refresh_token cookie`);
    return response;
  }

  async function createNote(session, fields, what) {
    const response = await request('/api/notes', {
      method: 'POST',
      token: session.token,
      json: fields,
    });
    expectStatus(response, 201, `${what}: creating a note`);
    createdNotes.push({ id: response.body.id, token: session.token });
    return response.body;
  }

  async function sign(claims, { alg = 'HS256', key = secret } = {}) {
    const { SignJWT } = await import('jose');
    return new SignJWT(claims)
      .setProtectedHeader({ alg, typ: 'JWT' })
      .sign(new TextEncoder().encode(key));
  }

  const checks = [
    {
      name: 'health answers 200 {"status":"ok"}',
      run: async () => {
        const response = await request('/health');
        expectStatus(response, 200, 'GET /health');
        expect(response.body?.status === 'ok', 'GET /health: body is not {"status":"ok"}');
      },
    },
    {
      name: 'login: HS256 JWT with the contract claims, refresh cookie',
      run: async () => {
        const response = await signIn(users.user, 'login');
        const { header, claims } = decodeJwt(response.token);
        expect(header.alg === 'HS256', `the token's alg is ${header.alg}, not HS256`);
        const problems = checker.checkSchema('AccessTokenClaims', claims);
        expect(problems.length === 0, `claims do not fit AccessTokenClaims: ${problems[0]}`);
        expect(claims.iss === ISSUER && claims.aud === AUDIENCE, 'wrong iss or aud');
        expect(claims.sub === String(response.body.user.id), 'sub is not the user id as a string');
        expect(claims.exp - claims.iat === response.body.expiresIn, 'exp - iat is not expiresIn');
        expect(
          Math.abs(claims.iat - Date.now() / 1000) < 300,
          'iat is more than 5 minutes away from now',
        );
        expect(
          claims.email.toLowerCase() === users.user.email.toLowerCase(),
          'the email claim is not the signed-in user',
        );
        const cookie = response.headers.getSetCookie().find((c) => c.startsWith('refresh_token='));
        for (const attribute of [
          /;\s*HttpOnly/i,
          /;\s*SameSite=Strict/i,
          /;\s*Path=\/auth(;|$)/i,
        ]) {
          expect(attribute.test(cookie), `the refresh cookie lacks ${attribute.source}`);
        }
        const me = await request('/auth/me', { token: response.token });
        expectStatus(me, 200, 'GET /auth/me with the new token');
        expect(
          JSON.stringify(me.body) === JSON.stringify(response.body.user),
          '/auth/me is not the user the login answered',
        );
      },
    },
    {
      name: 'login: the email matches case-insensitively',
      run: async () => {
        await signIn({ ...users.user, email: users.user.email.toUpperCase() }, 'login');
      },
    },
    {
      name: 'login: malformed requests answer 400 invalid_request',
      run: async () => {
        for (const [what, options] of [
          ['no password', { json: { email: users.user.email } }],
          ['password not a string', { json: { email: users.user.email, password: 1 } }],
          ['email not an email', { json: { email: 'not-an-email', password: 'x' } }],
          ['not JSON', { body: '{"email":', headers: { 'content-type': 'application/json' } }],
        ]) {
          const response = await request('/auth/login', { method: 'POST', ...options });
          expectError(response, 400, 'invalid_request', `login with ${what}`);
        }
      },
    },
    {
      name: 'login: unknown email and wrong password answer byte-identically (401)',
      run: async () => {
        const wrong = await login({ email: users.user.email, password: `${tag()}-wrong` });
        const unknown = await login({ email: uniqueEmail(), password: `${tag()}-wrong` });
        expectError(wrong, 401, 'invalid_credentials', 'wrong password');
        expectError(unknown, 401, 'invalid_credentials', 'unknown email');
        expect(wrong.text === unknown.text, 'the two 401 bodies differ');
        for (const name of ['content-type', 'www-authenticate', 'set-cookie', 'retry-after']) {
          expect(
            wrong.headers.get(name) === unknown.headers.get(name),
            `the two 401s differ in ${name}`,
          );
        }
        // A success clears the count, so the wrong password above never adds up to a lockout.
        await signIn(users.user, 'login after a wrong password');
      },
    },
    {
      name: 'login: a body over 10 KiB answers 413',
      run: async () => {
        const response = await request('/auth/login', {
          method: 'POST',
          json: { email: uniqueEmail(), password: 'x'.repeat(11 * 1024) },
        });
        expectError(response, 413, 'payload_too_large', 'login with an 11 KiB body');
      },
    },
    {
      name: 'refresh: rotates the cookie, same login (sid)',
      run: async () => {
        const first = await signIn(users.user, 'refresh');
        const refreshed = await request('/auth/refresh', {
          method: 'POST',
          cookies: [first.cookie],
        });
        expectStatus(refreshed, 200, 'POST /auth/refresh');
        const next = client.refreshCookie(refreshed);
        expect(next && next !== first.cookie, 'the refresh answered no NEW refresh cookie');
        const before = decodeJwt(first.token).claims;
        const after = decodeJwt(refreshed.body.accessToken).claims;
        expect(after.sid === before.sid, 'the refreshed token belongs to another sid');
        expect(after.jti !== before.jti, 'the refreshed token has the same jti');
        const me = await request('/auth/me', { token: refreshed.body.accessToken });
        expectStatus(me, 200, 'GET /auth/me with the refreshed token');
      },
    },
    {
      name: 'refresh: reusing a used cookie answers 401 invalid_grant and revokes the family',
      run: async () => {
        const first = await signIn(users.user, 'reuse');
        const rotated = await request('/auth/refresh', { method: 'POST', cookies: [first.cookie] });
        expectStatus(rotated, 200, 'first refresh');
        const second = client.refreshCookie(rotated);
        const reuse = await request('/auth/refresh', { method: 'POST', cookies: [first.cookie] });
        expectError(reuse, 401, 'invalid_grant', 'refresh with the used cookie');
        const descendant = await request('/auth/refresh', { method: 'POST', cookies: [second] });
        expectError(descendant, 401, 'invalid_grant', 'refresh with the cookie issued after it');
      },
    },
    {
      name: 'refresh: missing or unknown cookie answers 401 invalid_grant',
      run: async () => {
        const none = await request('/auth/refresh', { method: 'POST' });
        expectError(none, 401, 'invalid_grant', 'refresh without a cookie');
        const unknown = await request('/auth/refresh', {
          method: 'POST',
          cookies: [crypto.randomBytes(32).toString('base64url')],
        });
        expectError(unknown, 401, 'invalid_grant', 'refresh with a made-up cookie');
      },
    },
    {
      name: 'refresh: two refresh_token cookies answer 401 invalid_grant',
      run: async () => {
        const victim = await signIn(users.user, 'two cookies');
        const planted = await signIn(users.other, 'two cookies');
        const both = await request('/auth/refresh', {
          method: 'POST',
          cookies: [planted.cookie, victim.cookie],
        });
        expectError(both, 401, 'invalid_grant', 'refresh with two refresh_token cookies');
        const logout = await request('/auth/logout', {
          method: 'POST',
          cookies: [planted.cookie, victim.cookie],
        });
        expectStatus(logout, 204, 'logout with two refresh_token cookies');
        const after = await request('/auth/refresh', { method: 'POST', cookies: [victim.cookie] });
        expectError(after, 401, 'invalid_grant', "the caller's real login after that logout");
      },
    },
    {
      name: 'logout: 204, cookie cleared, login ended, idempotent',
      run: async () => {
        const session = await signIn(users.user, 'logout');
        const out = await request('/auth/logout', { method: 'POST', cookies: [session.cookie] });
        expectStatus(out, 204, 'POST /auth/logout');
        const cleared = out.headers
          .getSetCookie()
          .find((c) => /^refresh_token=;/.test(c) || /^refresh_token=[^;]*;.*Max-Age=0/i.test(c));
        expect(cleared, 'the logout did not clear the refresh cookie');
        const refresh = await request('/auth/refresh', {
          method: 'POST',
          cookies: [session.cookie],
        });
        expectError(refresh, 401, 'invalid_grant', 'refresh after logout');
        const again = await request('/auth/logout', { method: 'POST', cookies: [session.cookie] });
        expectStatus(again, 204, 'a second logout with the same cookie');
        const bare = await request('/auth/logout', { method: 'POST' });
        expectStatus(bare, 204, 'logout without a cookie');
      },
    },
    {
      name: '401s: codes and WWW-Authenticate (RFC 6750)',
      run: async () => {
        const session = await signIn(users.user, '401s');
        const [h, p, s] = session.token.split('.');
        const flipped = (s[5] === 'A' ? 'B' : 'A') + s.slice(1);
        const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
        const cases = [
          ['no Authorization', {}, 'missing_token', false],
          [
            'Basic credentials',
            { headers: { authorization: 'Basic YTpi' } },
            'missing_token',
            false,
          ],
          ['an empty Bearer', { headers: { authorization: 'Bearer ' } }, 'missing_token', false],
          ['a garbage token', { token: 'not.a.jwt' }, 'invalid_token', true],
          [
            'a bad signature',
            { token: `${h}.${p}.${s.slice(0, 5)}${flipped}` },
            'invalid_token',
            true,
          ],
          ['alg none', { token: none }, 'invalid_token', true],
        ];
        for (const [what, options, code, sent] of cases) {
          for (const path of ['/api/notes', '/auth/me']) {
            const response = await request(path, options);
            expectError(response, 401, code, `${path} with ${what}`);
            const challenge = response.headers.get('www-authenticate') ?? '';
            expect(
              challenge.startsWith('Bearer realm="tokengate"'),
              `${path} with ${what}: WWW-Authenticate is ${JSON.stringify(challenge)}`,
            );
            expect(
              /error="invalid_token"/.test(challenge) === sent,
              `${path} with ${what}: WWW-Authenticate ${sent ? 'lacks' : 'has'} error="invalid_token"`,
            );
          }
        }
      },
    },
    {
      name: '401s: expired, wrong iss/aud, other algorithm (signed with the key)',
      needsSecret: true,
      run: async () => {
        const session = await signIn(users.user, 'forged tokens');
        const { claims } = decodeJwt(session.token);
        const now = Math.floor(Date.now() / 1000);
        const cases = [
          [
            'an expired token',
            await sign({ ...claims, iat: now - 120, exp: now - 60 }),
            'token_expired',
          ],
          ['another issuer', await sign({ ...claims, iss: 'someone-else' }), 'invalid_token'],
          ['another audience', await sign({ ...claims, aud: 'someone-else' }), 'invalid_token'],
          ['HS512', await sign(claims, { alg: 'HS512' }), 'invalid_token'],
        ];
        for (const [what, token, code] of cases) {
          const response = await request('/api/notes', { token });
          expectError(response, 401, code, `/api/notes with ${what}`);
        }
      },
    },
    {
      name: 'sessions: listed newest first, this one current, never a token',
      run: async () => {
        const older = await signIn(users.user, 'sessions', {
          'user-agent': 'contract-suite older',
        });
        const newer = await signIn(users.user, 'sessions', {
          'user-agent': 'contract-suite newer',
        });
        const list = await request('/auth/sessions', { token: newer.token });
        expectStatus(list, 200, 'GET /auth/sessions');
        const sessions = list.body;
        const sid = (s) => decodeJwt(s.token).claims.sid;
        const current = sessions.filter((entry) => entry.current);
        expect(current.length === 1, `${current.length} sessions are marked current, not 1`);
        expect(current[0].id === sid(newer), "the current session is not the caller's sid");
        expect(
          sessions.some((entry) => entry.id === sid(older)),
          'the older login of the same user is not listed',
        );
        const times = sessions.map((entry) => Date.parse(entry.createdAt));
        expect(
          times.every((time, i) => i === 0 || times[i - 1] >= time),
          'the sessions are not newest first',
        );
        expect(
          !list.text.includes(newer.token) && !list.text.includes(newer.cookie),
          'the list contains a token',
        );
      },
    },
    {
      name: "sessions: end one (its tokens refused), another user's id 404",
      run: async () => {
        const doomed = await signIn(users.user, 'end a session');
        const keeper = await signIn(users.user, 'end a session');
        const stranger = await signIn(users.other, 'end a session');
        const doomedSid = decodeJwt(doomed.token).claims.sid;
        const foreign = await request(`/auth/sessions/${encodeURIComponent(doomedSid)}`, {
          method: 'DELETE',
          token: stranger.token,
        });
        expectError(foreign, 404, 'not_found', "DELETE of another user's session");
        const unknown = await request(`/auth/sessions/${tag()}`, {
          method: 'DELETE',
          token: keeper.token,
        });
        expectError(unknown, 404, 'not_found', 'DELETE of an unknown session id');
        const end = await request(`/auth/sessions/${encodeURIComponent(doomedSid)}`, {
          method: 'DELETE',
          token: keeper.token,
        });
        expectStatus(end, 204, 'DELETE /auth/sessions/:id of an own session');
        const refresh = await request('/auth/refresh', {
          method: 'POST',
          cookies: [doomed.cookie],
        });
        expectError(refresh, 401, 'invalid_grant', 'refresh of the ended session');
        const access = await request('/auth/me', { token: doomed.token });
        expectError(access, 401, 'invalid_token', 'an access token of the ended session');
        const mine = await request('/auth/me', { token: keeper.token });
        expectStatus(mine, 200, 'the session that ended the other one');
      },
    },
    {
      name: 'sessions: "everywhere else" ends all but the current one',
      run: async () => {
        const elsewhere = await signIn(users.user, 'everywhere else');
        const here = await signIn(users.user, 'everywhere else');
        const end = await request('/auth/sessions', { method: 'DELETE', token: here.token });
        expectStatus(end, 204, 'DELETE /auth/sessions');
        const refresh = await request('/auth/refresh', {
          method: 'POST',
          cookies: [elsewhere.cookie],
        });
        expectError(refresh, 401, 'invalid_grant', 'refresh of a session ended elsewhere');
        const list = await request('/auth/sessions', { token: here.token });
        expectStatus(list, 200, 'GET /auth/sessions afterwards');
        expect(
          list.body.length === 1 && list.body[0].current,
          `${list.body.length} sessions left, not only the current one`,
        );
      },
    },
    {
      name: "notes: create ignores owner fields; another user's note answers 404",
      run: async () => {
        const owner = await signIn(users.user, 'ownership');
        const other = await signIn(users.other, 'ownership');
        const otherId = (await request('/auth/me', { token: other.token })).body.id;
        const title = tag();
        const note = await createNote(
          owner,
          { title, body: 'owned', ownerId: otherId, id: 987654, createdAt: '2000-01-01T00:00:00Z' },
          'ownership',
        );
        expect(String(note.ownerId) !== String(otherId), 'ownerId sent by the client was kept');
        expect(String(note.id) !== '987654', 'id sent by the client was kept');
        expect(!note.createdAt.startsWith('2000'), 'createdAt sent by the client was kept');
        const path = `/api/notes/${encodeURIComponent(note.id)}`;
        for (const [method, json] of [
          ['GET'],
          ['PATCH', { title: 'taken' }],
          ['PUT', { title: 'taken', body: '' }],
          ['DELETE'],
        ]) {
          const response = await request(path, { method, json, token: other.token });
          expectError(response, 404, 'not_found', `${method} of another user's note`);
        }
        const list = await request(`/api/notes?q=${title}`, { token: other.token });
        expectStatus(list, 200, "the other user's list");
        expect(list.body.length === 0, "the note shows in another user's list");
        const mine = await request(path, { token: owner.token });
        expectStatus(mine, 200, 'the owner reading the note');
        expect(mine.body.title === title, 'the owner reads another title');
      },
    },
    {
      name: 'notes: invalid titles and bodies answer 400 invalid_request',
      run: async () => {
        const session = await signIn(users.user, 'note validation');
        for (const [what, json] of [
          ['an empty title', { title: '', body: '' }],
          ['a title of spaces', { title: '   ', body: '' }],
          ['a 201-character title', { title: 'x'.repeat(201), body: '' }],
          ['a body of null', { title: 'ok', body: null }],
          ['a 10,001-character body', { title: 'ok', body: 'x'.repeat(10_001) }],
        ]) {
          const response = await request('/api/notes', {
            method: 'POST',
            json,
            token: session.token,
          });
          expectError(response, 400, 'invalid_request', `creating a note with ${what}`);
        }
      },
    },
    {
      name: 'notes: _page/_limit with X-Total-Count, q, _sort/_order',
      run: async () => {
        const session = await signIn(users.user, 'paging');
        const label = tag();
        for (const title of ['b', 'c', 'a']) {
          await createNote(session, { title: `${label} ${title}`, body: '' }, 'paging');
        }
        const all = await request('/api/notes', { token: session.token });
        expectStatus(all, 200, 'GET /api/notes');
        const page = await request('/api/notes?_page=1&_limit=2', { token: session.token });
        expectStatus(page, 200, 'GET /api/notes?_page=1&_limit=2');
        expect(page.body.length === 2, `the page has ${page.body.length} notes, not 2`);
        expect(
          page.headers.get('x-total-count') === String(all.body.length),
          `X-Total-Count is ${page.headers.get('x-total-count')}, the list has ${all.body.length}`,
        );
        const found = await request(
          `/api/notes?q=${encodeURIComponent(label)}&_sort=title&_order=desc`,
          { token: session.token },
        );
        expectStatus(found, 200, 'GET /api/notes?q=…&_sort=title&_order=desc');
        expect(
          found.body.map((n) => n.title.slice(-1)).join('') === 'cba',
          `search and sort gave ${found.body.map((n) => n.title).join(', ')}`,
        );
      },
    },
    {
      name: 'notes: patch, put and delete own note',
      run: async () => {
        const session = await signIn(users.user, 'edit');
        const note = await createNote(session, { title: tag(), body: 'v1' }, 'edit');
        const path = `/api/notes/${encodeURIComponent(note.id)}`;
        const patched = await request(path, {
          method: 'PATCH',
          json: { body: 'v2' },
          token: session.token,
        });
        expectStatus(patched, 200, 'PATCH');
        expect(
          patched.body.body === 'v2' && patched.body.title === note.title,
          'PATCH lost fields',
        );
        const put = await request(path, {
          method: 'PUT',
          json: { title: 'replaced', body: 'v3' },
          token: session.token,
        });
        expectStatus(put, 200, 'PUT');
        expect(put.body.createdAt === note.createdAt, 'PUT changed createdAt');
        const removed = await request(path, { method: 'DELETE', token: session.token });
        expectStatus(removed, [200, 204], 'DELETE');
        const gone = await request(path, { token: session.token });
        expectError(gone, 404, 'not_found', 'GET after DELETE');
      },
    },
    {
      name: 'users: admin only (403 forbidden otherwise), no password hashes',
      run: async () => {
        const user = await signIn(users.user, 'users');
        const admin = await signIn(users.admin, 'users');
        const refused = await request('/api/users', { token: user.token });
        expectError(refused, 403, 'forbidden', 'GET /api/users as a user');
        const list = await request('/api/users', { token: admin.token });
        expectStatus(list, 200, 'GET /api/users as an admin');
        expect(
          !/hash|password|salt/i.test(list.text),
          'the users list mentions a password, hash or salt',
        );
      },
    },
    {
      name: 'unknown and differently cased paths answer 404',
      run: async () => {
        const admin = await signIn(users.admin, 'paths');
        for (const path of ['/api/USERS', '/api/Notes', '/api/credentials', '/api/notes/1/x']) {
          const response = await request(path, { token: admin.token });
          expectError(response, 404, 'not_found', `GET ${path}`);
        }
      },
    },
    {
      name: 'no-store and nosniff on /auth and /api answers, errors included',
      run: async () => {
        const session = await signIn(users.user, 'headers');
        const answers = [
          ['login 200', session],
          ['login 400', await request('/auth/login', { method: 'POST', json: {} })],
          ['refresh 401', await request('/auth/refresh', { method: 'POST' })],
          ['/auth/me 200', await request('/auth/me', { token: session.token })],
          ['/api/notes 200', await request('/api/notes', { token: session.token })],
          ['/api/notes 401', await request('/api/notes')],
          ['/api 404', await request('/api/nothing', { token: session.token })],
        ];
        for (const [what, response] of answers) {
          const cache = response.headers.get('cache-control') ?? '';
          expect(/(^|,)\s*no-store\s*(,|$)/.test(cache), `${what}: Cache-Control is "${cache}"`);
          const sniff = response.headers.get('x-content-type-options');
          expect(sniff === 'nosniff', `${what}: X-Content-Type-Options is "${sniff}"`);
        }
      },
    },
    {
      name: 'a foreign Host header is refused with invalid_host',
      run: async () => {
        const response = await rawRequest(client.base, '/auth/login', {
          method: 'POST',
          headers: { host: 'rebound.example', 'content-type': 'application/json' },
          body: JSON.stringify({ email: users.user.email, password: users.user.password }),
        });
        expectError(response, [421, 403], 'invalid_host', 'login with Host: rebound.example');
        expect(
          !response.rawHeaders.includes('rebound.example'),
          'a response header echoes the client-sent Host',
        );
      },
    },
    {
      name: 'lockout: 429 too_many_attempts with Retry-After (throwaway email)',
      run: async () => {
        const email = uniqueEmail();
        let response;
        for (let attempt = 0; attempt < 30; attempt++) {
          response = await login({ email, password: `${tag()}-wrong` });
          if (response.status !== 401) break;
        }
        expectError(response, 429, 'too_many_attempts', 'repeated failed logins for one email');
        const wait = response.headers.get('retry-after');
        expect(/^[0-9]+$/.test(wait ?? ''), `Retry-After is ${JSON.stringify(wait)}`);
      },
    },
  ];

  async function cleanUp() {
    for (const { id, token } of createdNotes) {
      await request(`/api/notes/${encodeURIComponent(id)}`, { method: 'DELETE', token }).catch(
        () => undefined,
      );
    }
  }

  return { checks, cleanUp };
}

// fetch sets Host itself; a request with another Host goes through node:http.
function rawRequest(base, path, { method, headers, body }) {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, base), { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({
          status: res.statusCode,
          body: parsed,
          text,
          rawHeaders: res.rawHeaders.join('\n'),
        });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

module.exports = { createChecks, Failure };
