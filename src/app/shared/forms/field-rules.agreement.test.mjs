// One test feeds the same cases to the app's field rules (field-rules.ts) and to the mock API's
// (mock-api/), so the forms can never accept what the API refuses, or the reverse.
// Run by `npm run test:node`; Node runs the TypeScript file as it is (type stripping).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as app from './field-rules.ts';

const require = createRequire(import.meta.url);
const api = require('../../../../mock-api/email.js');

const EMAILS = [
  ['alice@example.com', true],
  ['ALICE@Example.COM', true],
  ['first.last+tag@sub.example.co', true],
  ["o'brien@example.ie", true],
  ['a@b.co', true],
  ['alice.example.com', false],
  ['alice@example', false],
  ['@example.com', false],
  ['alice@', false],
  ['alice@@example.com', false],
  ['alice..x@example.com', false],
  ['.alice@example.com', false],
  ['alice@-example.com', false],
  ['alice@example-.com', false],
  ['alice @example.com', false],
  ['alice@exa mple.com', false],
  [`${'a'.repeat(64)}@example.com`, true],
  [`${'a'.repeat(65)}@example.com`, false],
  [`a@${'b'.repeat(63)}.com`, true],
  [`a@${'b'.repeat(64)}.com`, false],
  [`a@${'b.'.repeat(125)}co`, true],
  [`a@${'b.'.repeat(126)}co`, false],
  ['ålice@example.com', false],
  ['', false],
];

test('the app and the API agree on every email', () => {
  for (const [email, valid] of EMAILS) {
    assert.equal(api.isEmail(email), valid, `API on ${JSON.stringify(email)}`);
    assert.equal(app.isEmail(email), valid, `app on ${JSON.stringify(email)}`);
  }
});
