'use strict';

// The note rules the API checks, written once so that the app can count the same way.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const rules = require('../note-rules');

test('titleLength counts code points: an emoji or an accented letter is one', () => {
  assert.equal(rules.titleLength(''), 0);
  assert.equal(rules.titleLength('abc'), 3);
  assert.equal(rules.titleLength('🙂'), 1);
  assert.equal(rules.titleLength('é'), 1);
  assert.equal(rules.titleLength('🙂'.repeat(200)), 200);
});

test('isBlankTitle: only white space, control or invisible characters', () => {
  for (const title of ['', ' ', '\t\n', '\u200b', '\ufeff', '\u0000', '\u00ad\u2060', '\u3164']) {
    assert.equal(rules.isBlankTitle(title), true, JSON.stringify(title));
  }
  for (const title of ['a', ' a ', '\u200ba', '🙂', '.', 'é']) {
    assert.equal(rules.isBlankTitle(title), false, JSON.stringify(title));
  }
});

test('noteTitleProblem and noteBodyProblem agree with the limits', () => {
  assert.equal(rules.TITLE_MAX, 200);
  assert.equal(rules.BODY_MAX, 10_000);
  assert.equal(rules.noteTitleProblem('ok'), null);
  assert.equal(rules.noteTitleProblem('🙂'.repeat(200)), null);
  for (const bad of ['', ' ', '\u200b', 'x'.repeat(201), 42, null, undefined, ['x']]) {
    assert.equal(typeof rules.noteTitleProblem(bad), 'string', JSON.stringify(bad));
  }
  assert.equal(rules.noteBodyProblem(''), null);
  assert.equal(rules.noteBodyProblem('é'.repeat(10_000)), null);
  for (const bad of ['x'.repeat(10_001), null, 7, {}]) {
    assert.equal(typeof rules.noteBodyProblem(bad), 'string', JSON.stringify(bad));
  }
});

test('note-rules.js runs with no Node API, so a browser bundle can import it', () => {
  const source = fs.readFileSync(path.join(__dirname, '..', 'note-rules.js'), 'utf8');
  const module = { exports: {} };
  vm.runInNewContext(source, { module, exports: module.exports });
  assert.equal(module.exports.titleLength('🙂🙂'), 2);
  assert.equal(module.exports.isBlankTitle('\u200b'), true);
  assert.equal(typeof module.exports.noteTitleProblem('x'.repeat(201)), 'string');
});
