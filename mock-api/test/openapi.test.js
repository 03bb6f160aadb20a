'use strict';

// docs/api/openapi.yaml itself: valid OpenAPI 3.1, and a checker (openapi-check.js) that really
// refuses answers the spec does not describe. Every other test in this folder validates the answers
// it receives through helpers.js.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { SPEC_FILE, readSpec, createChecker } = require('./openapi-check');

const json = (status, body, headers = {}) => ({
  status,
  headers: new Headers({ 'content-type': 'application/json; charset=utf-8', ...headers }),
  text: JSON.stringify(body),
});
const SAFE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

test('the spec is valid OpenAPI 3.1', async () => {
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  const validator = new Validator();
  const result = await validator.validate(SPEC_FILE);
  assert.deepEqual(result.errors ?? [], [], 'docs/api/openapi.yaml does not fit OpenAPI 3.1');
  assert.equal(result.valid, true);
  assert.equal(validator.version, '3.1');
});

test('every operation has an operationId and every error answer the error shape', () => {
  const spec = readSpec();
  for (const [pathName, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue;
      assert.ok(operation.operationId, `${method.toUpperCase()} ${pathName} has no operationId`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const ref = response.$ref ?? response.content?.['application/json']?.schema?.$ref;
        assert.ok(ref, `${method.toUpperCase()} ${pathName} ${status} names no shared error`);
      }
    }
  }
});

test('an answer the spec describes fits', async () => {
  const checker = await createChecker();
  const problems = checker.check(
    { method: 'GET', url: '/api/notes/7' },
    json(404, { error: 'not_found', message: 'No such note' }, SAFE),
  );
  assert.deepEqual(problems, []);
});

test('a status the spec does not list for the operation fails, saying what it lists', async () => {
  const checker = await createChecker();
  const [problem] = checker.check(
    { method: 'GET', url: '/auth/me' },
    json(500, { error: 'server_error', message: 'oops' }, SAFE),
  );
  assert.match(problem, /GET \/auth\/me → 500: the spec lists no 500 for me .*200, 401/);
});

test('a path no operation matches may only answer what x-unmatched-requests lists', async () => {
  const checker = await createChecker();
  const [problem] = checker.check(
    { method: 'GET', url: '/api/secrets' },
    json(200, [{ id: 1 }], SAFE),
  );
  assert.match(problem, /no operation of the spec is GET \/api\/secrets/);
  assert.deepEqual(
    checker.check(
      { method: 'GET', url: '/api/USERS' },
      json(404, { error: 'not_found', message: 'Nothing here' }, SAFE),
    ),
    [],
  );
});

test('a body, an error code or a header that does not fit fails, without printing tokens', async () => {
  const checker = await createChecker();
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  const problems = checker.check(
    { method: 'POST', url: '/auth/login' },
    json(
      200,
      { accessToken: token, tokenType: 'Bearer', expiresIn: 900, user: { id: 1 } },
      { 'set-cookie': 'refresh_token=secret-value; Path=/; HttpOnly' },
    ),
  );
  const text = problems.join('\n');
  assert.match(text, /header Cache-Control is missing/);
  assert.match(text, /header X-Content-Type-Options is missing/);
  assert.match(text, /header Set-Cookie .* does not fit/);
  assert.match(text, /the body does not fit the spec \(\/user must have required property/);
  assert.doesNotMatch(text, /secret-value|c2lnbmF0dXJl/);

  const [wrongCode] = checker.check(
    { method: 'GET', url: '/api/notes' },
    json(401, { error: 'invalid_credentials', message: 'no' }, SAFE),
  );
  assert.match(wrongCode, /header WWW-Authenticate is missing/);
});

test('the access-token claims schema holds a token payload to the contract', async () => {
  const checker = await createChecker();
  const claims = {
    sub: '1',
    email: 'alice@example.com',
    name: 'Alice Example',
    roles: ['user'],
    sid: 's1',
    iat: 1,
    exp: 901,
    jti: 'j1',
    iss: 'tokengate-mock-api',
    aud: 'tokengate-app',
  };
  assert.deepEqual(checker.checkSchema('AccessTokenClaims', claims), []);
  const { sid: _sid, ...withoutSid } = claims;
  assert.match(checker.checkSchema('AccessTokenClaims', withoutSid)[0], /sid/);
  assert.notDeepEqual(checker.checkSchema('AccessTokenClaims', { ...claims, aud: 'other' }), []);
});
