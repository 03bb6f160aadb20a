'use strict';

// `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs over src/. These tests run
// the same command on a copy of src/ with a rule broken on purpose, so a config that stopped
// catching cycles or reaching past the auth core's public face would fail here.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');

const ROOT = path.resolve(__dirname, '..');
const CRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');

function copyProject(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-imports-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json', 'tsconfig.app.json']) {
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function cruise(dir) {
  const result = spawnSync(CRUISE, ['src', '--config', '.dependency-cruiser.cjs'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('the tree as it is passes', (t) => {
  const { status, output } = cruise(copyProject(t));
  assert.equal(status, 0, output);
});

test('a cycle made only of `import type` and `import()` fails', (t) => {
  const dir = copyProject(t);
  const auth = path.join(dir, 'src/app/core/auth');
  fs.writeFileSync(
    path.join(auth, 'cycle-a.ts'),
    "import type { B } from './cycle-b';\nexport interface A { b?: B }\n",
  );
  fs.writeFileSync(
    path.join(auth, 'cycle-b.ts'),
    "export interface B { n: number }\nexport const loadA = () => import('./cycle-a');\n",
  );
  const { status, output } = cruise(dir);
  assert.notEqual(status, 0);
  assert.match(output, /no-circular/);
  assert.match(output, /cycle-a\.ts/);
});

test('a page importing the auth core past its index.ts fails', (t) => {
  const dir = copyProject(t);
  const page = path.join(dir, 'src/app/features/forbidden/forbidden-page.ts');
  fs.appendFileSync(page, "\nexport { AuthApi } from '../../core/auth/auth-api';\n");
  const { status, output } = cruise(dir);
  assert.notEqual(status, 0);
  assert.match(output, /auth-core-public-face/);
});

test('app code importing the testing face fails; a spec may', (t) => {
  const dir = copyProject(t);
  const page = path.join(dir, 'src/app/features/forbidden/forbidden-page.ts');
  fs.appendFileSync(page, "\nexport { provideAuthTesting } from '../../core/auth/testing';\n");
  const { status, output } = cruise(dir);
  assert.notEqual(status, 0);
  assert.match(output, /auth-testing-in-specs-only/);
});
