'use strict';

// Access tokens (CONTRACT §5): HS256 JWTs signed and verified by jose. The algorithm is pinned on
// both sides, so `none`, HS512 or an RS256 token signed with the secret as a "public key" are all
// refused before any claim is read.

const crypto = require('node:crypto');
const { SignJWT, jwtVerify, errors } = require('jose');

const ALG = 'HS256';
const ISSUER = 'tokengate-mock-api';
const AUDIENCE = 'tokengate-app';
const VERIFIED_CACHE_SIZE = 1000;

class TokenError extends Error {
  constructor(code, description) {
    super(description);
    this.code = code;
  }
}

// base64url decoders drop the spare low bits of the last character and ignore `=` padding, so one
// signature has several spellings that all verify. Only the canonical one (what re-encoding the
// decoded bytes gives) is accepted, so that a token has exactly one text.
function hasCanonicalSignature(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const signature = parts[2];
  return Buffer.from(signature, 'base64url').toString('base64url') === signature;
}

// `now` is the server clock (mock-api/clock.js). With `trackIssued`, which only the test hooks
// turn on, the service remembers which user each live token was issued to, so that
// `expireIssuedTo` can make them all answer `token_expired` at once.
function createTokenService({ secret, ttlSeconds, now = Date.now, trackIssued = false }) {
  // jose works through WebCrypto; handing it a ready CryptoKey spares a key import per request.
  const key = crypto
    .createSecretKey(secret)
    .toCryptoKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const nowSeconds = () => Math.floor(now() / 1000);
  const issued = new Map();
  const forcedExpired = new Map();

  function forgetPast(map) {
    for (const [jti, record] of map) if (record.exp <= nowSeconds()) map.delete(jti);
  }

  async function issue(user, sessionId) {
    const iat = nowSeconds();
    const jti = crypto.randomUUID();
    const accessToken = await new SignJWT({
      email: user.email,
      name: user.name,
      roles: user.roles,
      sid: sessionId,
    })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .setJti(jti)
      .sign(key);
    if (trackIssued) {
      forgetPast(issued);
      issued.set(jti, { userId: String(user.id), exp: iat + ttlSeconds });
    }
    return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds };
  }

  // Every token issued to the user so far answers `token_expired` from now on.
  function expireIssuedTo(userId) {
    forgetPast(forcedExpired);
    for (const [jti, record] of issued) {
      if (record.userId !== String(userId)) continue;
      forcedExpired.set(jti, record);
      issued.delete(jti);
    }
  }

  function forgetExpiries() {
    issued.clear();
    forcedExpired.clear();
  }

  // Tokens jose has already proven good, until their `exp`. A client sends the same token with
  // every request for its whole life, and each verification is a WebCrypto job on libuv's thread
  // pool; without this the API misses its throughput goal (docs/mock-api.md, "Performance"). Only verified
  // tokens get in (forgeries cannot fill it), the key is the exact token text (so another
  // spelling is verified, and refused, afresh), and everything else (forced expiry here, the
  // user and the login in the access check) is still checked on every request.
  const verified = new Map();

  function remembered(token) {
    const payload = verified.get(token);
    if (payload && payload.exp > nowSeconds()) return payload;
    verified.delete(token);
    return undefined;
  }

  function remember(token, payload) {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value);
    verified.set(token, Object.freeze(payload));
  }

  // Resolves to the payload, or rejects with a TokenError whose code is a CONTRACT §6 401 code.
  async function verify(token) {
    let payload = remembered(token);
    if (!payload) payload = await verifyWithJose(token);
    if (forcedExpired.has(payload.jti)) {
      throw new TokenError('token_expired', 'The access token expired');
    }
    return payload;
  }

  async function verifyWithJose(token) {
    let payload;
    try {
      if (!hasCanonicalSignature(token)) throw new Error('non-canonical signature');
      ({ payload } = await jwtVerify(token, key, {
        algorithms: [ALG],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: 'JWT',
        requiredClaims: ['sub', 'sid', 'iat', 'exp', 'jti'],
        // The API is the only issuer, so clocks cannot disagree: no tolerance.
        clockTolerance: 0,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new TokenError('token_expired', 'The access token expired');
      }
      // Whatever else went wrong, the token was not proven good: refuse it, never answer 500.
      throw new TokenError('invalid_token', 'The access token is invalid');
    }
    remember(token, payload);
    return payload;
  }

  return { issue, verify, expireIssuedTo, forgetExpiries };
}

module.exports = { createTokenService, TokenError, ISSUER, AUDIENCE };
