// One test feeds the same cases to the app's field rules (field-rules.ts) and to the mock API's
// (mock-api/), so the forms can never accept what the API refuses, or the reverse.
// Run by `npm run test:node`; Node runs the TypeScript file as it is (type stripping).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as app from './field-rules.ts';

const require = createRequire(import.meta.url);
const api = {
  ...require('../../../../mock-api/email.js'),
  ...require('../../../../mock-api/note-rules.js'),
};

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

const TITLES = [
  ['Groceries', true],
  ['  Groceries  ', true],
  ['x'.repeat(200), true],
  ['x'.repeat(201), false],
  ['🙂'.repeat(200), true],
  ['🙂'.repeat(201), false],
  ['é'.repeat(200), true],
  ['', false],
  ['   ', false],
  ['\t\n', false],
  ['\u00a0\u3000', false],
  ['\u200b\u200c\u200d', false],
  ['\u00ad\u2060\ufeff', false],
  ['\u0007\u001b', false],
  ['\u3164\u115f', false],
  ['\ufe0f\u200e', false],
  ['a\u200b', true],
  ['\u200b.', true],
];

test('the app and the API agree on every title', () => {
  for (const [title, valid] of TITLES) {
    assert.equal(api.noteTitleProblem(title) === null, valid, `API on ${JSON.stringify(title)}`);
    const appValid = !app.isBlank(title) && app.textLength(title) <= app.TITLE_MAX_LENGTH;
    assert.equal(appValid, valid, `app on ${JSON.stringify(title)}`);
  }
});

test('the app and the API agree on body lengths and the limits themselves', () => {
  assert.equal(app.TITLE_MAX_LENGTH, api.TITLE_MAX);
  assert.equal(app.BODY_MAX_LENGTH, api.BODY_MAX);
  for (const [body, valid] of [
    ['', true],
    ['y'.repeat(10_000), true],
    ['y'.repeat(10_001), false],
    ['🙂'.repeat(10_000), true],
  ]) {
    assert.equal(api.noteBodyProblem(body) === null, valid, `API on a body of ${body.length}`);
    assert.equal(app.textLength(body) <= app.BODY_MAX_LENGTH, valid, `app on ${body.length}`);
  }
});
