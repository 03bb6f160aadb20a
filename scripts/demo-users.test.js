'use strict';

// The demo users live in the seed (mock-api/db.seed.json, passwords as hashes) and are written out
// in a few places people and tests read: the README, the login page's development-only list, the
// e2e helpers, the screenshots script and the unit-test helpers. This test holds them together:
// a user renamed, a password changed or a role added in one place and not the others fails here.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { verifyPassword } = require('../mock-api/passwords');

const ROOT = path.resolve(__dirname, '..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const seed = JSON.parse(read('mock-api/db.seed.json'));

/** The README's "Demo users" table: name | email | password | roles. */
function readmeUsers() {
  const section = read('README.md').split('## Demo users')[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((line) => /^\|\s*[^-\s|]/.test(line) && !/\|\s*name\s*\|/i.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map(([name, email, password, roles]) => ({
      name,
      email,
      password,
      roles: roles.split(',').map((role) => role.trim()),
    }));
}

/** Object literals with `email` and `password` string properties in a source file. */
function literals(file) {
  const text = read(file);
  const found = [];
  for (const match of text.matchAll(/\{[^{}]*?email:\s*'([^']+)'[^{}]*?\}/g)) {
    const body = match[0];
    const field = (name) => new RegExp(`${name}:\\s*'([^']*)'`).exec(body)?.[1];
    const roles = /roles:\s*\[([^\]]*)\]/.exec(body)?.[1];
    found.push({
      name: field('name'),
      email: match[1],
      password: field('password'),
      roles: roles?.split(',').map((role) => role.trim().replace(/'/g, '')),
      id: /id:\s*(\d+)/.exec(body)?.[1],
    });
  }
  return found;
}

function seedUser(email) {
  const user = seed.users.find((candidate) => candidate.email === email);
  assert.ok(user, `${email} is not a seed user`);
  return user;
}

async function assertPassword(email, password, where) {
  const user = seedUser(email);
  const { passwordHash } = seed.credentials.find((c) => c.userId === user.id);
  assert.ok(await verifyPassword(password, passwordHash), `${where}: wrong password for ${email}`);
}

test('the README lists exactly the seed users, with passwords that sign them in', async () => {
  const listed = readmeUsers();
  assert.deepEqual(
    listed.map(({ name, email, roles }) => ({ name, email, roles })),
    seed.users.map(({ name, email, roles }) => ({ name, email, roles })),
  );
  for (const user of listed) await assertPassword(user.email, user.password, 'README.md');
});

test("the login page's development-only list names every seed user with the README's password", async () => {
  const listed = literals('src/app/features/login/login-page.ts');
  assert.deepEqual(
    listed.map((user) => user.email),
    seed.users.map((user) => user.email),
  );
  for (const user of listed) {
    assert.ok(user.name.startsWith(seedUser(user.email).name), `name of ${user.email}`);
    await assertPassword(user.email, user.password, 'login page');
  }
});

test('the e2e helpers and the screenshots script use the seed users as they are', async () => {
  for (const file of ['e2e/support/demo-users.ts', 'scripts/screenshots.js']) {
    const listed = literals(file);
    assert.ok(listed.length > 0, `${file} lists no demo user`);
    for (const user of listed) {
      const seeded = seedUser(user.email);
      assert.equal(user.name, seeded.name, `${file}: name of ${user.email}`);
      if (user.roles) assert.deepEqual(user.roles, seeded.roles, `${file}: roles of ${user.email}`);
      await assertPassword(user.email, user.password, file);
    }
  }
});

test('the unit-test helpers describe the seed users as the API does', () => {
  const listed = literals('src/app/core/auth/test-helpers.ts');
  assert.equal(listed.length, seed.users.length);
  for (const user of listed) {
    const seeded = seedUser(user.email);
    assert.deepEqual(
      { id: Number(user.id), name: user.name, roles: user.roles },
      { id: seeded.id, name: seeded.name, roles: seeded.roles },
    );
  }
});
