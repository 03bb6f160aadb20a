#!/usr/bin/env node
'use strict';

// `npm run test:contract [-- --base-url http://host:port]`: checks a backend against the Tokengate
// contract (CONTRACT §4-§6, docs/api/openapi.yaml) over HTTP and prints what holds. Without
// --base-url it starts the mock API on a spare loopback port with a throwaway database and stops
// it afterwards. Exit code 1 when any check fails. docs/backend.md explains the variables.

const { parseArgs } = require('node:util');
const { createChecker } = require('../test/openapi-check');
const { startApi, BENCH_JWT_SECRET } = require('../../bench/api-process');
const { createChecks, Failure } = require('./checks');

// The demo users of CONTRACT §3 unless the environment names others.
function usersFromEnv(env = process.env) {
  const user = (prefix, email, password) => ({
    email: env[`${prefix}_EMAIL`] || email,
    password: env[`${prefix}_PASSWORD`] || password,
  });
  return {
    user: user('CONTRACT_USER', 'alice@example.com', 'alice-password-1'),
    other: user('CONTRACT_OTHER_USER', 'bob@example.com', 'bob-password-1'),
    admin: user('CONTRACT_ADMIN', 'admin@example.com', 'admin-password-1'),
  };
}

function refreshCookie(response) {
  const line = response.headers.getSetCookie().find((c) => c.startsWith('refresh_token='));
  const value = line?.split(';')[0].slice('refresh_token='.length);
  return value === '' ? undefined : value;
}

/** A fetch client that holds every answer to the spec and records what does not fit. */
function createClient(base, checker, onProblems) {
  async function request(path, { method = 'GET', json, body, token, cookies, headers = {} } = {}) {
    const init = { method, headers: { ...headers }, redirect: 'manual' };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) init.body = body;
    if (token !== undefined) init.headers.authorization = `Bearer ${token}`;
    if (cookies) init.headers.cookie = cookies.map((value) => `refresh_token=${value}`).join('; ');
    const response = await fetch(new URL(path, base), init);
    const text = await response.text();
    let parsed;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = { status: response.status, headers: response.headers, text, body: parsed };
    onProblems(checker.check({ method, url: path }, result));
    return result;
  }

  async function login(user, headers = {}) {
    const response = await request('/auth/login', {
      method: 'POST',
      json: { email: user.email, password: user.password },
      headers,
    });
    return { ...response, cookie: refreshCookie(response), token: response.body?.accessToken };
  }

  return { base, request, login, refreshCookie };
}

function table(rows) {
  const header = ['check', 'result', 'reason'];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  const line = (r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: { 'base-url': { type: 'string' } },
    allowPositionals: false,
  });
  let api;
  let base = values['base-url'];
  // The signing key is known only for the mock started here, or when the caller shares it.
  let secret = process.env.CONTRACT_JWT_SECRET;
  if (!base) {
    api = await startApi();
    base = api.url;
    secret = BENCH_JWT_SECRET;
  }
  // The headers every /auth and /api answer carries have a check of their own below; held on every
  // answer too, one missing header would be the reason given for every check.
  const checker = await createChecker({ commonHeaders: false });
  let problems = [];
  const client = createClient(base, checker, (found) => problems.push(...found));
  const { checks, cleanUp } = createChecks({ client, users: usersFromEnv(), checker, secret });

  console.log(
    `Tokengate contract checks against ${base}${api ? ' (the mock API, started here)' : ''}\n`,
  );
  const rows = [];
  try {
    for (const check of checks) {
      problems = [];
      if (check.needsSecret && !secret) {
        rows.push([check.name, 'not run', 'set CONTRACT_JWT_SECRET to the backend’s HS256 key']);
        continue;
      }
      let reason;
      try {
        await check.run();
      } catch (error) {
        reason = error instanceof Failure ? error.message : `error: ${error.message}`;
      }
      if (!reason && problems.length > 0) reason = `spec: ${problems[0]}`;
      rows.push([check.name, reason ? 'FAILS' : 'holds', reason ? reason.split('\n')[0] : '']);
    }
  } finally {
    await cleanUp();
    await api?.stop();
  }
  console.log(table(rows));
  const failed = rows.filter((r) => r[1] === 'FAILS').length;
  const notRun = rows.filter((r) => r[1] === 'not run').length;
  console.log(
    `\n${rows.length - failed - notRun} hold, ${failed} fail${notRun ? `, ${notRun} not run` : ''}.`,
  );
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:contract: ${error.message}`);
    process.exit(1);
  },
);
