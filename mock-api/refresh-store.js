'use strict';

// Refresh tokens (CONTRACT §4): opaque random strings, stored only as SHA-256 hashes. Every login
// starts a family (the session); each refresh spends one token and issues its successor in the same
// family. Presenting a spent token means two parties hold the family's tokens, so the whole
// family is revoked, and with it (through the access tokens' `sid`) every access token it issued.
//
// With a file (JWT_SECRET set) the store is written atomically after every change and read back at
// start-up, so sessions survive a restart. Without one it lives in memory only.

const crypto = require('node:crypto');
const fs = require('node:fs');
const { writeFileAtomic, removeStaleTempFiles, readJsonFile } = require('./storage');

// A user's oldest sessions are ended beyond this many, so that a login loop cannot grow the store
// without bound.
const MAX_SESSIONS_PER_USER = 20;

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
  const state = file ? load(file, warn) : emptyState();
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
    family.keepUntil = Math.max(family.keepUntil, expiresAt, time + accessTtl * 1000);
    return token;
  }

  function revokeFamily(family) {
    if (family.revokedAt) return;
    family.revokedAt = now();
    family.keepUntil = Math.max(family.keepUntil, now() + accessTtl * 1000);
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

  // Starts a session for a user who just proved their password.
  function startSession(userId) {
    endOldestSessions(userId);
    const family = { id: crypto.randomUUID(), userId, createdAt: now(), keepUntil: 0 };
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

  function isSessionRevoked(sessionId) {
    return typeof sessionId === 'string' && Boolean(state.families[sessionId]?.revokedAt);
  }

  return { startSession, rotate, endSession, isSessionRevoked };
}

module.exports = { createRefreshStore, hashToken, MAX_SESSIONS_PER_USER };
