'use strict';

// scripts/e2e-build.js skips the e2e suite's build when dist/e2e holds a build of the same
// inputs. A skip on changed sources would test an old app, so these check that every kind of
// change is seen, on a small fake workspace.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fingerprint, isCurrent, STAMP } = require('./e2e-build');

function fakeWorkspace(t) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-build-test-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('src/main.ts', 'bootstrap();');
  write('src/app/app.ts', 'export class App {}');
  write('src/locale/messages.es.xlf', '<xliff/>');
  write('public/favicon.ico', 'icon');
  write('angular.json', '{}');
  write('tsconfig.json', '{}');
  write('tsconfig.app.json', '{}');
  write('package-lock.json', '{"lockfileVersion": 3}');
  write('README.md', 'not an input');
  return { root, write };
}

test('the same inputs and configuration give the same fingerprint', (t) => {
  const { root } = fakeWorkspace(t);
  const first = fingerprint({ root, configuration: 'production' });
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.equal(fingerprint({ root, configuration: 'production' }), first);
});

test('a change to any input, a new file or another configuration changes the fingerprint', (t) => {
  const { root, write } = fakeWorkspace(t);
  const seen = new Set([fingerprint({ root, configuration: 'production' })]);
  const changes = [
    () => write('src/app/app.ts', 'export class App { x = 1; }'),
    () => write('src/app/new-page.ts', 'export class NewPage {}'),
    () => write('src/locale/messages.es.xlf', '<xliff version="2"/>'),
    () => write('public/favicon.ico', 'another icon'),
    () => write('angular.json', '{"projects": {}}'),
    () => write('tsconfig.app.json', '{"files": []}'),
    () => write('package-lock.json', '{"lockfileVersion": 3, "packages": {}}'),
    () => fs.renameSync(path.join(root, 'src/main.ts'), path.join(root, 'src/main2.ts')),
  ];
  for (const change of changes) {
    change();
    const next = fingerprint({ root, configuration: 'production' });
    assert.ok(!seen.has(next), `unchanged fingerprint after: ${change.toString()}`);
    seen.add(next);
  }
  assert.ok(!seen.has(fingerprint({ root, configuration: 'development' })));
});

test('files that ng build does not read leave the fingerprint alone', (t) => {
  const { root, write } = fakeWorkspace(t);
  const before = fingerprint({ root, configuration: 'production' });
  write('README.md', 'edited');
  write('e2e/notes.spec.ts', 'test()');
  assert.equal(fingerprint({ root, configuration: 'production' }), before);
});

test('a build counts as current only when it is complete and stamped with the same fingerprint', (t) => {
  const { root, write } = fakeWorkspace(t);
  const output = path.join(root, 'dist', 'e2e');
  assert.equal(isCurrent(output, 'abc'), false, 'no build at all');
  write('dist/e2e/browser/index.html', '<html></html>');
  assert.equal(isCurrent(output, 'abc'), false, 'a build without its stamp (failed or unfinished)');
  write(`dist/e2e/${STAMP}`, 'abc\n');
  assert.equal(isCurrent(output, 'abc'), true);
  assert.equal(isCurrent(output, 'abd'), false, 'stamped with other inputs');
  fs.rmSync(path.join(output, 'browser', 'index.html'));
  assert.equal(isCurrent(output, 'abc'), false, 'a stamp without the build');
});
