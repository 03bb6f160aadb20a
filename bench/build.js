'use strict';
// Builds what the bench measures: the production app, in a throwaway copy of the workspace.
//
// The main build's copy has the project's angular.json minus the size budgets: with them the CLI
// writes nothing when the raw error budget is exceeded, and then there would be no bytes to
// explain; the bench checks the budgets itself. The guarded-route check keeps them, because the
// CLI's own budget warnings are what it compares.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'bench');
const APP_OUT = path.join(OUT, 'app');
const COPIED = ['src', 'public', 'tsconfig.json', 'tsconfig.app.json', 'package.json'];

function runNg(args, cwd) {
  const ng = require.resolve('@angular/cli/bin/ng.js', { paths: [ROOT] });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ng, ...args], {
      cwd,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output: output.trim() }));
  });
}

function projectOf(angularJson) {
  const [name, project] = Object.entries(angularJson.projects)[0];
  return { name, project };
}

/** The project's initial-bundle budget, as `npm run build` enforces it. */
function initialBudget() {
  const { project } = projectOf(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'angular.json'), 'utf8')),
  );
  const budgets = project.architect.build.configurations?.production?.budgets ?? [];
  return budgets.find((b) => b.type === 'initial') ?? {};
}

/** A copy of what the build reads, with node_modules linked; removed when the process exits. */
function createWorkspace({ keepBudgets = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-bench-ws-'));
  for (const entry of COPIED) {
    const from = path.join(ROOT, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const angularJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'angular.json'), 'utf8'));
  const { project } = projectOf(angularJson);
  if (!keepBudgets) delete project.architect.build.configurations?.production?.budgets;
  fs.writeFileSync(path.join(dir, 'angular.json'), JSON.stringify(angularJson, null, 2));
  return dir;
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
