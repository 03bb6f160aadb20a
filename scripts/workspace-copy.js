'use strict';
// A throwaway copy of what the Angular build reads, for tools that must build a changed project
// without touching the checkout: the bench (a copy without budgets, the guarded-route recipe) and
// scripts/i18n.test.js (a string left untranslated on purpose).

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const COPIED = ['src', 'public', 'tsconfig.json', 'tsconfig.app.json', 'package.json'];

/** Runs the project's Angular CLI in `cwd`; resolves with its exit code and output (never rejects). */
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

/**
 * A copy of what the build reads in a new temp folder, node_modules linked; the caller removes it.
 * `changeAngularJson(project)` may edit the copy's project configuration.
 */
function createWorkspace(changeAngularJson = () => undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-ws-'));
  for (const entry of COPIED) {
    const from = path.join(ROOT, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const angularJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'angular.json'), 'utf8'));
  changeAngularJson(projectOf(angularJson).project);
  fs.writeFileSync(path.join(dir, 'angular.json'), JSON.stringify(angularJson, null, 2));
  return dir;
}

module.exports = { createWorkspace, projectOf, runNg, ROOT };
