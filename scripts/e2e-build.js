'use strict';
// The e2e suite's build: `ng build --localize` (English and Spanish) into dist/e2e, unless
// dist/e2e already holds a build of exactly these sources in this configuration. Re-running one
// spec file, or the whole suite after a failure, then starts at once instead of rebuilding the
// same app. What the build reads is fingerprinted (its sources, assets, configuration files and
// package-lock.json, which pins node_modules); the fingerprint is written beside the build only
// once the build has succeeded. Delete dist/e2e to force a build.
//
//   node scripts/e2e-build.js --configuration production --output-path dist/e2e

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
/** Everything `ng build` reads apart from node_modules, relative to the workspace. */
const INPUTS = Object.freeze([
  'src',
  'public',
  'angular.json',
  'tsconfig.json',
  'tsconfig.app.json',
  'package-lock.json',
]);
const STAMP = 'build-inputs.sha256';

/** The files of `entry` (a file or a folder, walked in a stable order), relative to `root`. */
function filesOf(root, entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((dirent) => filesOf(root, path.join(entry, dirent.name)));
}

/** A hash of the configuration's name and of every input file's path and content. */
function fingerprint({ root = ROOT, configuration }) {
  const hash = crypto.createHash('sha256').update(`configuration ${configuration}\n`);
  for (const file of INPUTS.flatMap((entry) => filesOf(root, entry))) {
    hash.update(`${file.split(path.sep).join('/')}\n`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** Whether `outputPath` holds a finished build whose inputs hashed to `expected`. */
function isCurrent(outputPath, expected) {
  const stamp = path.join(outputPath, STAMP);
  return (
    fs.existsSync(path.join(outputPath, 'browser', 'index.html')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8').trim() === expected
  );
}

function parseArgs(argv) {
  const options = { configuration: 'production', outputPath: path.join('dist', 'e2e') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--configuration') options.configuration = argv[++i];
    else if (argv[i] === '--output-path') options.outputPath = argv[++i];
    else throw new Error(`e2e-build: unknown argument ${argv[i]}`);
  }
  return options;
}

function main(argv) {
  const { configuration, outputPath } = parseArgs(argv);
  const output = path.resolve(ROOT, outputPath);
  const expected = fingerprint({ configuration });
  if (isCurrent(output, expected)) {
    // On stderr: Playwright shows a web server's stderr (prefixed [app]), not its stdout.
    console.error(
      `${outputPath} already holds this build (${configuration}, same sources): not rebuilt. ` +
        `Delete ${outputPath} to force a build.`,
    );
    return 0;
  }
  fs.rmSync(path.join(output, STAMP), { force: true });
  const ng = require.resolve('@angular/cli/bin/ng.js', { paths: [ROOT] });
  const build = spawnSync(
    process.execPath,
    [ng, 'build', '--configuration', configuration, '--localize', '--output-path', outputPath],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) return build.status ?? 1;
  fs.writeFileSync(path.join(output, STAMP), `${expected}\n`);
  return 0;
}

module.exports = { fingerprint, isCurrent, INPUTS, STAMP };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
