'use strict';
// Builds what the bench measures: the production app, in a throwaway copy of the workspace.
//
// The main build's copy has the project's angular.json minus the size budgets: with them the CLI
// writes nothing when the raw error budget is exceeded, and then there would be no bytes to
// explain; the bench checks the budgets itself. The guarded-route check keeps them, because the
// CLI's own budget warnings are what it compares.

const fs = require('node:fs');
const path = require('node:path');
const { createWorkspace: copyWorkspace, projectOf, runNg } = require('../scripts/workspace-copy');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'bench');
const APP_OUT = path.join(OUT, 'app');

/** The project's initial-bundle budget, as `npm run build` enforces it. */
function initialBudget() {
  const { project } = projectOf(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'angular.json'), 'utf8')),
  );
  const budgets = project.architect.build.configurations?.production?.budgets ?? [];
  return budgets.find((b) => b.type === 'initial') ?? {};
}

/** A copy of what the build reads (scripts/workspace-copy.js), without the budgets unless asked. */
function createWorkspace({ keepBudgets = false } = {}) {
  return copyWorkspace((project) => {
    if (!keepBudgets) delete project.architect.build.configurations?.production?.budgets;
  });
}

/** A production build of `workspace` with the esbuild metafile, into `outputPath`. */
function buildApp(workspace, outputPath) {
  return runNg(
    ['build', '--configuration', 'production', '--stats-json', '--output-path', outputPath],
    workspace,
  );
}

/** Resolves with the app's build result ({ code, output, dir, statsDir }) and the budget. */
async function buildAll({ log = console.log } = {}) {
  const workspace = createWorkspace();
  const removeWorkspace = () => fs.rmSync(workspace, { recursive: true, force: true });
  // An interrupted build skips the finally below; the copy must not stay behind in the temp dir.
  process.once('exit', removeWorkspace);
  try {
    fs.rmSync(OUT, { recursive: true, force: true });
    log('Building the production app (ng build --stats-json)...');
    const app = await buildApp(workspace, APP_OUT);
    return {
      app: { ...app, dir: path.join(APP_OUT, 'browser'), statsDir: APP_OUT },
      budget: initialBudget(),
    };
  } finally {
    process.off('exit', removeWorkspace);
    removeWorkspace();
  }
}

module.exports = { buildAll, buildApp, createWorkspace, initialBudget, OUT };
