'use strict';

// CONTRACT §5-6: access tokens, and every way we could think of to forge one.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } = require('jose');
const { startApi, USERS, SECRET } = require('./helpers');

const key = new TextEncoder().encode(SECRET);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function sign(claims, { alg = 'HS256', secret = key, typ = 'JWT' } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    email: 'alice@example.com',
    name: 'Alice Example',
    roles: ['user'],
    ...claims,
  })
    .setProtectedHeader({ alg, typ })
    .setSubject(claims.sub ?? '1')
    .setIssuer(claims.iss ?? 'tokengate-mock-api')
    .setAudience(claims.aud ?? 'tokengate-app')
    .setIssuedAt(claims.iat ?? now)
    .setExpirationTime(claims.exp ?? now + 600)
    .setJti(crypto.randomUUID())
    .sign(secret);
}

async function assertRefused(api, token, code, label) {
  const response = await api.request('/api/notes', { token });
  assert.equal(response.status, 401, label);
  assert.equal(response.body.error, code, label);
  const challenge = response.headers.get('www-authenticate');
  assert.match(
    challenge,
    /^Bearer realm="tokengate", error="invalid_token", error_description="[^"]+"$/,
    label,
  );
}

test('the access token carries the contract claims, signed HS256', async (t) => {
  const api = await startApi(t, { ACCESS_TOKEN_TTL: '10m' });
  const { token } = await api.login(USERS.admin);
  assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' });
  const claims = decodeJwt(token);
  assert.equal(claims.sub, '3');
  assert.equal(claims.email, 'admin@example.com');
  assert.equal(claims.name, 'Ada Admin');
  assert.deepEqual(claims.roles, ['user', 'admin']);
  assert.equal(claims.iss, 'tokengate-mock-api');
  assert.equal(claims.aud, 'tokengate-app');
  assert.equal(claims.exp - claims.iat, 600);
  assert.equal(typeof claims.jti, 'string');
  const other = await api.login(USERS.admin);
  assert.notEqual(decodeJwt(other.token).jti, claims.jti);
});

test('a token signed correctly by the test for a seed user is accepted (the forgeries below differ in one thing)', async (t) => {
  const api = await startApi(t);
  const { sid } = decodeJwt((await api.login(USERS.alice)).token);
  const response = await api.request('/api/notes', { token: await sign({ sid }) });
  assert.equal(response.status, 200);
});

test('forged tokens answer 401 invalid_token', async (t) => {
  const api = await startApi(t);
  const { token } = await api.login(USERS.alice);
  const [header, payload, signature] = token.split('.');
  const claims = decodeJwt(token);
  const { sid } = claims;
  const bobsSid = decodeJwt((await api.login(USERS.bob)).token).sid;
  const { privateKey } = await generateKeyPair('RS256');

  const forgeries = {
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    'alg none with the original signature': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
    'alg NONE': `${b64({ alg: 'NONE', typ: 'JWT' })}.${payload}.`,
    'HS512 with the right secret': await sign({ sid }, { alg: 'HS512' }),
    'HS384 with the right secret': await sign({ sid }, { alg: 'HS384' }),
    'RS256 with a key of its own': await sign({ sid }, { alg: 'RS256', secret: privateKey }),
    'header switched to HS512, signature kept': `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${signature}`,
    'payload tampered to another user': `${header}.${b64({ ...claims, sub: '3', roles: ['user', 'admin'] })}.${signature}`,
    'payload tampered to a later expiry': `${header}.${b64({ ...claims, exp: claims.exp + 3600 })}.${signature}`,
    'signature removed': `${header}.${payload}.`,
    'signature of another token': `${header}.${payload}.${(await sign({ sid })).split('.')[2]}`,
    'wrong secret': await sign(
      { sid },
      { secret: new TextEncoder().encode(`${SECRET}-but-not-quite`) },
    ),
    'the public json-server-auth secret': await sign(
      { sid },
      { secret: new TextEncoder().encode('json-server-auth-123456') },
    ),
    'wrong issuer': await sign({ sid, iss: 'someone-else' }),
    'wrong audience': await sign({ sid, aud: 'another-app' }),
    'typ other than JWT': await sign({ sid }, { typ: 'at+jwt' }),
    'unknown user': await sign({ sid, sub: '999' }),
    'non-numeric user': await sign({ sid, sub: 'admin' }),
    'no login (sid) at all': await sign({}),
    'a login this API never started': await sign({ sid: crypto.randomUUID() }),
    "another user's login": await sign({ sid: bobsSid }),
    'not a JWT': 'hello',
    'two segments': `${header}.${payload}`,
    'four segments': `${token}.extra`,
    'five segments (JWE shape)': 'a.b.c.d.e',
    'header not JSON': `${Buffer.from('{alg').toString('base64url')}.${payload}.${signature}`,
    'payload not JSON': `${header}.${Buffer.from('[1,').toString('base64url')}.${signature}`,
    'not base64url': `${header}.${payload}.***`,
    'a very long token': `${header}.${'A'.repeat(8000)}.${signature}`,
  };
  for (const [label, forged] of Object.entries(forgeries)) {
    await assertRefused(api, forged, 'invalid_token', label);
  }
});

test('a signature spelled non-canonically is refused: one spelling per token', async (t) => {
  const api = await startApi(t);
  const { token } = await api.login(USERS.alice);
  const [header, payload, signature] = token.split('.');
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  // An HS256 signature is 32 bytes, 43 characters: the last one carries two bits that decoders
  // drop, so four characters decode to the same bytes.
  const last = ALPHABET.indexOf(signature.at(-1));
  const spellings = [1, 2, 3].map((bits) => signature.slice(0, -1) + ALPHABET[last ^ bits]);
  spellings.push(`${signature}=`, `${signature}==`);
  for (const spelling of spellings) {
    assert.ok(
      Buffer.from(spelling, 'base64url').equals(Buffer.from(signature, 'base64url')),
      spelling,
    );
    await assertRefused(api, `${header}.${payload}.${spelling}`, 'invalid_token', spelling);
  }
  assert.equal((await api.request('/api/notes', { token })).status, 200);
});

test('a token missing exp is refused', async (t) => {
  const api = await startApi(t);
  const now = Math.floor(Date.now() / 1000);
  const noExp = await new SignJWT({ roles: ['user'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('1')
    .setIssuer('tokengate-mock-api')
    .setAudience('tokengate-app')
    .setIssuedAt(now)
    .setJti('x')
    .sign(key);
  await assertRefused(api, noExp, 'invalid_token', 'no exp');
});

test('an expired token answers 401 token_expired, with no tolerance', async (t) => {
  const api = await startApi(t);
  const { sid } = decodeJwt((await api.login(USERS.alice)).token);
  const now = Math.floor(Date.now() / 1000);
  await assertRefused(
    api,
    await sign({ sid, iat: now - 700, exp: now - 100 }),
    'token_expired',
    'past',
  );
  await assertRefused(api, await sign({ sid, iat: now - 600, exp: now }), 'token_expired', 'now');
});

test('a token issued by the API expires after ACCESS_TOKEN_TTL', async (t) => {
  const api = await startApi(t, { ACCESS_TOKEN_TTL: '3' });
  const { token } = await api.login(USERS.alice);
  // Used while valid first, so that the API has it among the tokens it already verified.
  assert.equal((await api.request('/api/notes', { token })).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 4100));
  await assertRefused(api, token, 'token_expired', 'after its TTL');
});

test('an expired token with a bad signature is invalid, not merely expired', async (t) => {
  const api = await startApi(t);
  const now = Math.floor(Date.now() / 1000);
  const forged = await sign(
    { sid: crypto.randomUUID(), exp: now - 100 },
    { secret: new TextEncoder().encode('x'.repeat(40)) },
  );
  await assertRefused(api, forged, 'invalid_token', 'expired and forged');
});

test('no token, an empty one, or another scheme answers 401 missing_token with a bare challenge', async (t) => {
  const api = await startApi(t);
  const { token } = await api.login(USERS.alice);
  const headers = [
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Bearer    ',
    `Basic ${token}`,
    token,
    `Token ${token}`,
  ];
  for (const authorization of headers) {
    const response = await api.request('/api/notes', {
      headers: authorization === undefined ? {} : { authorization },
    });
    assert.equal(response.status, 401, String(authorization));
    assert.equal(response.body.error, 'missing_token', String(authorization));
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="tokengate"');
  }
  // The scheme is case-insensitive (RFC 7235).
  assert.equal(
    (await api.request('/api/notes', { headers: { authorization: `bearer ${token}` } })).status,
    200,
  );
});

test('a token in the query string is not a token', async (t) => {
  const api = await startApi(t);
  const { token } = await api.login(USERS.alice);
  const response = await api.request(`/api/notes?access_token=${token}`);
  assert.equal(response.status, 401);
  assert.equal(response.body.error, 'missing_token');
});
