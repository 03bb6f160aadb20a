'use strict';

// Refresh tokens (CONTRACT §4): opaque random strings, stored only as SHA-256 hashes. Every login
// starts a family (the session, or "login" in the contract's words: its id is the access tokens'
// `sid`); each refresh spends one token and issues its successor in the same family. Presenting a
// spent token means two parties hold the family's tokens, so the whole family is revoked, and with
// it (through `sid`) every access token it issued. A family also keeps what GET /auth/sessions
// shows: when it started, when it was last used, and the device it started on.
//
// With a file (JWT_SECRET set) the store is written atomically after every change and read back at
// start-up, so sessions survive a restart. Without one it lives in memory only.

const crypto = require('node:crypto');
const fs = require('node:fs');
const { writeFileAtomic, removeStaleTempFiles, readJsonFile } = require('./storage');

// A user's oldest sessions are ended beyond this many, so that a login loop cannot grow the store
// without bound.
const MAX_SESSIONS_PER_USER = 20;
// A family outlives its last access token by this margin, so that a token checked just before its
// `exp` still finds its family (an unknown `sid` is refused).
const KEEP_MARGIN_MS = 60_000;

function hashToken(token) {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

const emptyState = () => ({ families: {}, tokens: {} });

// An unreadable store is started afresh (everyone signs in again) rather than refused: it holds
// nothing that cannot be recreated, and refusing would leave the API down until someone deletes it.
function load(file, warn) {
  if (!fs.existsSync(file)) return emptyState();
  try {
    const data = readJsonFile(file, 'refresh-token store');
    const valid =
      data &&
      typeof data.families === 'object' &&
      data.families &&
      typeof data.tokens === 'object' &&
      data.tokens;
    if (valid) return data;
    warn(`refresh-token store "${file}" has an unknown shape: starting without sessions`);
  } catch (error) {
    warn(`${error.message}: starting without sessions`);
  }
  return emptyState();
}

function createRefreshStore({ file, refreshTtl, accessTtl, now = Date.now, warn = console.warn }) {
  let state = file ? load(file, warn) : emptyState();
  if (file) removeStaleTempFiles(file);

  function save() {
    prune();
    if (file) writeFileAtomic(file, JSON.stringify(state));
  }

  // A revoked family is remembered while access tokens it issued may still be presented.
  function prune() {
    const time = now();
    for (const [hash, token] of Object.entries(state.tokens)) {
      if (token.expiresAt <= time) delete state.tokens[hash];
    }
    for (const [id, family] of Object.entries(state.families)) {
      if (family.keepUntil <= time) delete state.families[id];
    }
  }

  function newToken(family) {
    const token = crypto.randomBytes(32).toString('base64url');
    const time = now();
    const expiresAt = time + refreshTtl * 1000;
    state.tokens[hashToken(token)] = {
      familyId: family.id,
      userId: family.userId,
      expiresAt,
      used: false,
      revoked: false,
    };
    family.expiresAt = expiresAt;
    family.keepUntil = Math.max(
      family.keepUntil,
      expiresAt,
      time + accessTtl * 1000 + KEEP_MARGIN_MS,
    );
    return token;
  }

  function revokeFamily(family) {
    if (family.revokedAt) return;
    family.revokedAt = now();
    family.keepUntil = Math.max(family.keepUntil, now() + accessTtl * 1000 + KEEP_MARGIN_MS);
    for (const token of Object.values(state.tokens)) {
      if (token.familyId === family.id) token.revoked = true;
    }
  }

  function endOldestSessions(userId) {
    const live = Object.values(state.families)
      .filter((family) => family.userId === userId && !family.revokedAt)
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const family of live.slice(0, Math.max(0, live.length - MAX_SESSIONS_PER_USER + 1))) {
      revokeFamily(family);
    }
  }

  // Starts a session for a user who just proved their password. Its id is random (a v4 UUID), so
  // no one can guess another login's id from their own.
  function startSession(userId, { device }) {
    endOldestSessions(userId);
    const time = now();
    const family = {
      id: crypto.randomUUID(),
      userId,
      device,
      createdAt: time,
      lastUsedAt: time,
      keepUntil: 0,
    };
    state.families[family.id] = family;
    const token = newToken(family);
    save();
    return { token, sessionId: family.id };
  }

  // Spends a refresh token. Resolves to {userId, sessionId, token} for the successor, or null
  // for anything that must be answered `invalid_grant`.
  function rotate(token) {
    const record = typeof token === 'string' ? state.tokens[hashToken(token)] : undefined;
    const family = record && state.families[record.familyId];
    if (!record || !family || record.revoked || family.revokedAt || record.expiresAt <= now()) {
      return null;
    }
    if (record.used) {
      revokeFamily(family);
      save();
      return null;
    }
    record.used = true;
    family.lastUsedAt = now();
    const successor = newToken(family);
    save();
    return { userId: family.userId, sessionId: family.id, token: successor };
  }

  // Ends the session a refresh token belongs to, whatever state the token is in.
  function endSession(token) {
    const record = typeof token === 'string' ? state.tokens[hashToken(token)] : undefined;
    const family = record && state.families[record.familyId];
    if (!family) return;
    revokeFamily(family);
    save();
  }

  const familyOf = (sessionId) =>
    typeof sessionId === 'string' && Object.hasOwn(state.families, sessionId)
      ? state.families[sessionId]
      : undefined;

  // Whether an access token of this session, naming this user, may be used: the session exists,
  // is the user's and has not ended. A session this store does not know (forgotten by a reset, or
  // never started) accepts nothing.
  function acceptsAccessTokens(sessionId, userId) {
    const family = familyOf(sessionId);
    return Boolean(family && !family.revokedAt && String(family.userId) === String(userId));
  }

  // Marks a session used by an access token. Kept in memory and written with the next change: a
  // disk write per API request would cost far more than the time is worth.
  function touch(sessionId) {
    const family = familyOf(sessionId);
    if (family) family.lastUsedAt = Math.max(family.lastUsedAt ?? 0, now());
  }

  const isLive = (family) => !family.revokedAt && (family.expiresAt ?? family.keepUntil) > now();

  // The user's live sessions, newest first.
  function listSessions(userId) {
    return Object.values(state.families)
      .filter((family) => family.userId === userId && isLive(family))
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((family) => ({
        id: family.id,
        createdAt: family.createdAt,
        lastUsedAt: family.lastUsedAt ?? family.createdAt,
        device: family.device,
      }));
  }

  // Ends one live session; `userId`, when given, must own it. Returns whether one was ended.
  function endSessionById(sessionId, userId) {
    const family = familyOf(sessionId);
    if (!family || !isLive(family) || (userId !== undefined && family.userId !== userId)) {
      return false;
    }
    revokeFamily(family);
    save();
    return true;
  }

  // Ends every live session of the user but `exceptId`.
  function endUserSessions(userId, exceptId) {
    for (const family of Object.values(state.families)) {
      if (family.userId === userId && family.id !== exceptId && isLive(family)) {
        revokeFamily(family);
      }
    }
    save();
  }

  // Forgets every session: each refresh token and access token issued so far is refused.
  function clear() {
    state = emptyState();
    save();
  }

  return {
    startSession,
    rotate,
    endSession,
    acceptsAccessTokens,
    touch,
    listSessions,
    endSessionById,
    endUserSessions,
    clear,
  };
}

module.exports = { createRefreshStore, hashToken, MAX_SESSIONS_PER_USER };
