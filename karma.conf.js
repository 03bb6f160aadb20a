// Karma configuration for `ng test` (runnerConfig in angular.json).
// https://karma-runner.github.io/6.4/config/configuration-file.html
const path = require('node:path');
const { findTestBrowser, BROWSER_FLAGS } = require('./scripts/browser');

// `npm test` runs scripts/browser.js first (it may install chromium); here we only look it up.
process.env.CHROME_BIN = findTestBrowser();

// The auth core must stay at or above this line coverage; the run fails below it.
const AUTH_DIR = path.join(__dirname, 'src', 'app', 'core', 'auth') + path.sep;
const AUTH_MIN_LINE_COVERAGE = 95;

/**
 * Lines of the Closure-only branch the Angular compiler emits beside every i18n message of a template:
 * `if (typeof ngI18nClosureMode !== "undefined" && ngI18nClosureMode) { …goog.getMsg… } else
 * { …$localize… }`. No build of ours is Closure-compiled, so no test can run it; istanbul sees the
 * generated code, and the guard shows as an `&&` of exactly those two operands (40 and 17 characters)
 * at the start of an `if`.
 */
function closureI18nLines(fileCoverage) {
  const { branchMap, statementMap } = fileCoverage.data;
  const width = ({ start, end }) => (start.line === end.line ? end.column - start.column : -1);
  const guards = Object.values(branchMap).filter(
    (b) =>
      b.type === 'binary-expr' &&
      b.locations.length === 2 &&
      width(b.locations[0]) === 'typeof ngI18nClosureMode !== "undefined"'.length &&
      width(b.locations[1]) === 'ngI18nClosureMode'.length,
  );
  const before = (a, b) => a.line < b.line || (a.line === b.line && a.column < b.column);
  const skipped = new Set();
  for (const guard of guards) {
    const branch = Object.values(branchMap).find(
      (b) =>
        b.type === 'if' &&
        b.locations[1] &&
        !before(guard.locations[0].start, b.locations[0].start) &&
        before(guard.locations[1].end, b.locations[1].start),
    );
    if (!branch) continue;
    for (const statement of Object.values(statementMap)) {
      if (
        before(guard.locations[1].end, statement.start) &&
        before(statement.start, branch.locations[1].start)
      ) {
        skipped.add(statement.start.line);
      }
    }
  }
  return skipped;
}

/**
 * Prints the line coverage of src/app/core/auth (karma-coverage only prints the whole app) and
 * fails the run when it is under AUTH_MIN_LINE_COVERAGE; specs and the testing.ts helper do not
 * count. Reads the istanbul data the browser reports, so it only speaks with --coverage.
 */
function AuthCoverageReporter() {
  const { createCoverageMap } = require('istanbul-lib-coverage');
  let coverageMap = createCoverageMap({});
  let failed = false;

  this.onRunStart = () => {
    coverageMap = createCoverageMap({});
    failed = false;
  };
  this.onBrowserComplete = (_browser, result) => {
    if (result && result.coverage) {
      coverageMap.merge(result.coverage);
    }
  };
  this.onRunComplete = () => {
    const files = coverageMap
      .files()
      .filter((file) => path.resolve(__dirname, file).startsWith(AUTH_DIR))
      .filter((file) => !file.endsWith('.spec.ts') && path.basename(file) !== 'testing.ts');
    if (files.length === 0) {
      return;
    }
    let covered = 0;
    let total = 0;
    const uncovered = [];
    for (const file of files) {
      const fileCoverage = coverageMap.fileCoverageFor(file);
      const generated = closureI18nLines(fileCoverage);
      for (const [line, hits] of Object.entries(fileCoverage.getLineCoverage())) {
        if (generated.has(Number(line))) continue;
        total++;
        if (hits > 0) {
          covered++;
        } else {
          uncovered.push(`${path.relative(__dirname, path.resolve(__dirname, file))}:${line}`);
        }
      }
    }
    const pct = total === 0 ? 100 : (covered / total) * 100;
    failed = pct < AUTH_MIN_LINE_COVERAGE;
    process.stdout.write(
      `Line coverage of src/app/core/auth: ${pct.toFixed(2)}% (${covered}/${total} lines, ` +
        `${files.length} files; minimum ${AUTH_MIN_LINE_COVERAGE}%)\n`,
    );
    if (failed) {
      process.stdout.write(`Uncovered auth lines: ${uncovered.join(', ')}\n`);
    }
  };
  this.onExit = (done) => done(failed ? 1 : 0);
}

/**
 * For logs that are not a terminal (CI): the failures as they happen, each with its messages, then
 * one line per browser and the total. Karma's progress reporter redraws one line in a terminal, but
 * in a log every redraw is a line of its own ("Executed 1 of 186" … "Executed 186 of 186").
 */
function SummaryReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  this.onBrowserComplete = (browser) => this.write(`${this.renderBrowser(browser)}\n`);
}
SummaryReporter.$inject = ['baseReporterDecorator'];

// A terminal gets the live progress line and colours; a log gets SummaryReporter, without escapes.
const interactive = Boolean(process.stdout.isTTY);

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-jasmine-html-reporter'),
      require('karma-coverage'),
      { 'reporter:auth-coverage': ['type', AuthCoverageReporter] },
      { 'reporter:summary': ['type', SummaryReporter] },
    ],
    client: {
      jasmine: {
        random: true,
      },
    },
    jasmineHtmlReporter: {
      suppressAll: true,
    },
    coverageReporter: {
      dir: path.join(__dirname, 'coverage/tokengate'),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }],
    },
    reporters: interactive ? ['progress', 'kjhtml', 'auth-coverage'] : ['summary', 'auth-coverage'],
    colors: interactive,
    customLaunchers: {
      // Tests run as root in CI and on developer machines here: Chromium refuses its sandbox as root.
      ChromeHeadlessNoSandbox: {
        base: 'ChromeHeadless',
        flags: [...BROWSER_FLAGS],
      },
    },
    browsers: ['ChromeHeadlessNoSandbox'],
    restartOnFileChange: true,
  });
};
