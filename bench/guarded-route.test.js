'use strict';

// The guarded-route check reads its recipe from docs/auth.md and edits a copy of app.routes.ts;
// these hold the parsing and the insertion to what the bench promises, without building anything.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { recipeFromDoc, pageOf, applyRecipe } = require('./guarded-route');

const DOC = [
  '# Auth',
  '',
  '## Add a guarded route',
  '',
  'One line:',
  '',
  '```ts',
  '// a comment the bench leaves out',
  "{ path: 'reports', loadComponent: () => import('./features/reports/reports-page').then((m) => m.ReportsPage) }",
  '```',
  '',
  '```ts',
  "{ path: 'audit', loadComponent: () => import('./features/audit/audit-page').then((m) => m.AuditPage) },",
  '```',
  '',
  '## Next section',
  '',
].join('\n');

function workspace(t, routes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-route-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'src', 'app'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'app', 'app.routes.ts'), routes);
  return dir;
}

test('the recipe is the first ts block under the heading, comments left out', () => {
  const recipe = recipeFromDoc(DOC);
  assert.equal(recipe.length, 1);
  assert.match(recipe[0], /^\{ path: 'reports'/);
  assert.deepEqual(pageOf(recipe), {
    file: './features/reports/reports-page',
    exportName: 'ReportsPage',
  });
});

test('a doc without the heading or the block says which is missing', () => {
  assert.throws(() => recipeFromDoc('# Auth\n'), /no "## Add a guarded route" heading/);
  assert.throws(
    () => recipeFromDoc('# Auth\n\n## Add a guarded route\n\ntext\n\n## Next\n\n```ts\nx\n```\n'),
    /no ```ts block/,
  );
});

test('the line goes right after the marker, with its indentation and a comma, and the page is created', (t) => {
  const routes = [
    'export const routes = [',
    '  {',
    "    path: '',",
    '    children: [',
    '      // guarded routes',
    "      { path: 'notes', loadComponent: () => import('./notes') },",
    '    ],',
    '  },',
    '];',
    '',
  ].join('\n');
  const dir = workspace(t, routes);
  const { page } = applyRecipe(dir, recipeFromDoc(DOC));
  const lines = fs.readFileSync(path.join(dir, 'src', 'app', 'app.routes.ts'), 'utf8').split('\n');
  assert.equal(lines[4], '      // guarded routes');
  assert.match(lines[5], /^ {6}\{ path: 'reports'.*\},$/);
  assert.match(lines[6], /path: 'notes'/);
  assert.equal(page, path.join('src', 'app', 'features', 'reports', 'reports-page.ts'));
  const source = fs.readFileSync(path.join(dir, page), 'utf8');
  assert.deepEqual(
    [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]),
    ['@angular/core'],
  );
  assert.match(source, /export class ReportsPage \{\}/);
});

test('without the marker the check fails with a message that names it', (t) => {
  const dir = workspace(t, "export const routes = [{ path: '', children: [] }];\n");
  assert.throws(() => applyRecipe(dir, recipeFromDoc(DOC)), /no "\/\/ guarded routes" marker/);
});
