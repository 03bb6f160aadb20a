'use strict';
// Step 4: what one more guarded route costs a developer who follows docs/auth.md. The recipe is
// read from the doc itself (the first ```ts block under "## Add a guarded route"), so the check
// follows the doc as it changes. A copy of the workspace gets that line right after the
// `// guarded routes` marker in src/app/app.routes.ts and a page that imports nothing but
// @angular/core; it is built with the project's budgets beside an unmodified copy, and the
// initial brotli bytes and the CLI's budget warnings of the two are compared.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildApp, createWorkspace } = require('./build');
const { measureLanguages } = require('./bundle');

const ROOT = path.resolve(__dirname, '..');
const AUTH_DOC = path.join(ROOT, 'docs', 'auth.md');
const ROUTES = path.join('src', 'app', 'app.routes.ts');
const HEADING = '## Add a guarded route';
const MARKER = /^([ \t]*)\/\/ guarded routes[ \t]*$/m;

/** The recipe's code lines (comments left out) from docs/auth.md. */
function recipeFromDoc(markdown) {
  const start = markdown.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`docs/auth.md has no "${HEADING}" heading`);
  const section = markdown.slice(start + HEADING.length + 2).split(/\n## /)[0];
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`docs/auth.md has no \`\`\`ts block under "${HEADING}"`);
  const lines = block[1]
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  if (lines.length === 0) throw new Error(`the \`\`\`ts block under "${HEADING}" is empty`);
  return lines;
}

/** The page the recipe lazy-loads: its path from src/app and the name it is imported by. */
function pageOf(recipe) {
  const code = recipe.join('\n');
  const loaded = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/.exec(code);
  if (!loaded) throw new Error("the recipe has no import('./…') of a page to create");
  const named = /\.then\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*\1\.(\w+)\s*\)/.exec(code);
  return { file: loaded[1].replace(/\.ts$/, ''), exportName: named?.[2] ?? 'default' };
}

function pageSource(exportName) {
  const name = exportName === 'default' ? 'GuardedRoutePage' : exportName;
  return [
    "import { Component } from '@angular/core';",
    '',
    "@Component({ selector: 'app-guarded-route-page', template: '<h1>A guarded page</h1>' })",
    `export ${exportName === 'default' ? 'default ' : ''}class ${name} {}`,
    '',
  ].join('\n');
}

function findMarker(routes) {
  const marker = MARKER.exec(routes);
  if (!marker) {
    throw new Error(
      `${ROUTES} has no "// guarded routes" marker line inside the guarded parent's children, ` +
        'where docs/auth.md says a new route goes',
    );
  }
  return marker;
}

/** Puts the recipe after the marker and creates its page; says what it changed. */
function applyRecipe(workspace, recipe) {
  const routesFile = path.join(workspace, ROUTES);
  const routes = fs.readFileSync(routesFile, 'utf8');
  const marker = findMarker(routes);
  const indent = marker[1];
  const lines = recipe.map((line, i) => {
    const last = i === recipe.length - 1 && !line.trim().endsWith(',') ? `${line},` : line;
    return `${indent}${last.trim()}`;
  });
  const at = marker.index + marker[0].length;
  fs.writeFileSync(routesFile, `${routes.slice(0, at)}\n${lines.join('\n')}${routes.slice(at)}`);

  const { file, exportName } = pageOf(recipe);
  const pageFile = path.join(path.dirname(routesFile), `${file}.ts`);
  if (fs.existsSync(pageFile)) {
    throw new Error(`the recipe's page ${path.relative(workspace, pageFile)} already exists`);
  }
  fs.mkdirSync(path.dirname(pageFile), { recursive: true });
  fs.writeFileSync(pageFile, pageSource(exportName));
  return { page: path.relative(workspace, pageFile), exportName };
}

/** The CLI's budget lines ("… exceeded maximum budget …"), warnings and errors alike. */
const budgetLines = (output) =>
  output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /budget/i.test(line) && /exceed|not met/i.test(line));

async function buildVariant(name, recipe, log) {
  const workspace = createWorkspace({ keepBudgets: true });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `tokengate-bench-${name}-`));
  try {
    const change = recipe ? applyRecipe(workspace, recipe) : undefined;
    log(`Building the ${name} copy with the project's budgets...`);
    const build = await buildApp(workspace, out);
    if (build.code !== 0) {
      return { ok: false, error: `the ${name} build failed: ${build.output.slice(-1500)}`, change };
    }
    const languages = measureLanguages({ dir: path.join(out, 'browser'), statsDir: out }).map(
      ({ lang, bundle }) => ({
        lang,
        brotli: bundle.initialTotal.brotli,
        raw: bundle.initialTotal.raw,
        files: bundle.initial.length,
      }),
    );
    return { ok: true, change, languages, budget: budgetLines(build.output) };
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Resolves with { ok, recipe, page, before, after, languages } (`languages`: each language's
 * { lang, before, after, delta } in initial bytes) or { ok: false, error }. The error says what to
 * fix: a missing heading, code block or marker, a build that fails.
 */
async function measureGuardedRoute({ log = console.log } = {}) {
  const recipe = recipeFromDoc(fs.readFileSync(AUTH_DOC, 'utf8'));
  // Before two builds, not after the first one.
  findMarker(fs.readFileSync(path.join(ROOT, ROUTES), 'utf8'));
  pageOf(recipe);
  const before = await buildVariant('unmodified', undefined, log);
  if (!before.ok) return { ok: false, recipe, error: before.error };
  const after = await buildVariant('guarded-route', recipe, log);
  if (!after.ok) return { ok: false, recipe, error: after.error };
  return {
    ok: true,
    recipe,
    page: after.change.page,
    before,
    after,
    languages: before.languages.map((was, i) => {
      const now = after.languages[i];
      return { lang: was.lang, before: was, after: now, delta: now.brotli - was.brotli };
    }),
  };
}

module.exports = { measureGuardedRoute, recipeFromDoc, pageOf, applyRecipe };
