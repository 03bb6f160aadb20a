#!/usr/bin/env node
// Runs the whole Playwright suite several times in a row while a child process keeps one core
// busy, as a CI machine shared with other jobs would be, and reports every test that failed in any
// run. A suite that passes here has no race a busy machine can expose.
//
//   npm run e2e:soak -- --runs 5                      five runs, one core kept busy
//   npm run e2e:soak -- --runs 3 --busy 0             no extra load
//   npm run e2e:soak -- --runs 10 e2e/tabs.spec.ts    arguments it does not know go to Playwright
//
// Exit code 0 only when every run ran and no test failed in any of them.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PLAYWRIGHT_CLI = require.resolve('@playwright/test/cli', { paths: [ROOT] });

class UsageError extends Error {}

/** `--runs N` (default 5), `--busy N` cores to keep busy (default 1); the rest is Playwright's. */
function parseArgs(argv) {
  const options = { runs: 5, busy: 1, playwrightArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name === '--runs' || name === '--busy') {
      const raw = inline ?? argv[++i];
      const value = Number(raw);
      const min = name === '--runs' ? 1 : 0;
      if (raw === undefined || !Number.isInteger(value) || value < min) {
        throw new UsageError(
          `${name} needs a whole number of at least ${min}, got ${raw ?? 'nothing'}`,
        );
      }
      options[name.slice(2)] = value;
    } else {
      options.playwrightArgs.push(arg);
    }
  }
  return options;
}

function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/\u001b\[[0-9;]*m/g, '');
}

/** The first line of an error that says something (Playwright's messages start with "Error: …"). */
function firstLine(text) {
  return (
    stripAnsi(text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? '(no error message)'
  );
}

/**
 * Every test of a Playwright JSON report that did not end as expected (failed, timed out, flaky,
 * interrupted), with its first error line and the traces it left.
 */
function failuresOf(report) {
  const failures = [];
  const visit = (suite, titles) => {
    const here =
      suite.title && !suite.file?.endsWith(suite.title) ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'skipped') continue;
        const results = test.results ?? [];
        const failed =
          results.find((r) => r.status !== 'passed' && r.status !== 'skipped') ?? results[0];
        const error = failed?.errors?.[0]?.message ?? failed?.error?.message;
        failures.push({
          name: `[${test.projectName}] › ${spec.file}:${spec.line} › ${[...here, spec.title].join(' › ')}`,
          status: failed?.status ?? test.status,
          error: firstLine(error),
          traces: results.flatMap((r) =>
            (r.attachments ?? []).filter((a) => a.name === 'trace' && a.path).map((a) => a.path),
          ),
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, here);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  for (const error of report.errors ?? []) {
    failures.push({
      name: '(outside any test)',
      status: 'error',
      error: firstLine(error.message),
      traces: [],
    });
  }
  return failures;
}

/** Folds the runs' failures by test: which runs it failed in, its first error line. */
function summarize(runs) {
  const byName = new Map();
  for (const run of runs) {
    for (const failure of run.failures) {
      const entry = byName.get(failure.name) ?? { ...failure, runs: [], traces: [] };
      entry.runs.push(run.number);
      entry.traces.push(...failure.traces);
      byName.set(failure.name, entry);
    }
  }
  return [...byName.values()].sort(
    (a, b) => b.runs.length - a.runs.length || a.name.localeCompare(b.name),
  );
}

function formatReport(runs, { busy }) {
  const lines = ['', `Soak: ${runs.length} run(s) of the e2e suite, ${busy} core(s) kept busy`];
  for (const run of runs) {
    const counts = run.stats
      ? `${run.stats.expected} passed, ${run.stats.unexpected} failed, ${run.stats.flaky} flaky, ${run.stats.skipped} skipped`
      : 'no report (the run did not finish)';
    lines.push(
      `  run ${run.number}: ${counts} in ${(run.durationMs / 1000).toFixed(1)} s (exit ${run.exitCode})`,
    );
  }
  const failed = summarize(runs);
  const broken = runs.filter((run) => !run.stats);
  if (failed.length === 0 && broken.length === 0) {
    lines.push('', `No test failed in any of the ${runs.length} run(s).`);
    return lines.join('\n');
  }
  if (failed.length > 0) {
    lines.push('', 'Failed in some run:');
    for (const test of failed) {
      lines.push(`  ✘ ${test.name}`);
      lines.push(`      runs ${test.runs.join(', ')} of ${runs.length}: ${test.error}`);
      for (const trace of test.traces) lines.push(`      trace: ${trace}`);
    }
  }
  lines.push(
    '',
    `${failed.length} test(s) failed in at least one run` +
      (broken.length
        ? `; run(s) ${broken.map((r) => r.number).join(', ')} ended without a report`
        : '') +
      '.',
  );
  return lines.join('\n');
}

/** A child process that spins one core until killed. */
function spinCore() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

function runSuite(number, playwrightArgs) {
  const outputDir = path.join('test-results', 'soak', `run-${number}`);
  const reportFile = path.join(ROOT, outputDir, 'report.json');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [PLAYWRIGHT_CLI, 'test', '--reporter=dot,json', `--output=${outputDir}`, ...playwrightArgs],
      {
        cwd: ROOT,
        stdio: 'inherit',
        // Each run picks its own ports, secret and data file (playwright.config.ts).
        env: { ...withoutSuiteState(process.env), PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
      },
    );
    child.on('exit', (code, signal) => {
      let report;
      try {
        report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
      } catch {
        report = undefined;
      }
      resolve({
        number,
        exitCode: code ?? signal,
        durationMs: Date.now() - started,
        stats: report?.stats,
        failures: report ? failuresOf(report) : [],
      });
    });
  });
}

function withoutSuiteState(env) {
  const copy = { ...env };
  for (const name of [
    'E2E_API_PORT',
    'E2E_APP_PORT',
    'E2E_WHOLE_API_PORT',
    'E2E_WHOLE_APP_PORT',
    'E2E_DATA_DIR',
    'E2E_JWT_SECRET',
  ])
    delete copy[name];
  return copy;
}

async function main(argv) {
  const options = parseArgs(argv);
  const spinners = Array.from({ length: options.busy }, spinCore);
  const stop = () => spinners.forEach((child) => child.kill());
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const runs = [];
  try {
    for (let number = 1; number <= options.runs; number++) {
      console.log(`\n=== e2e soak: run ${number} of ${options.runs} ===`);
      runs.push(await runSuite(number, options.playwrightArgs));
    }
  } finally {
    stop();
  }
  console.log(formatReport(runs, options));
  const clean = runs.every((run) => run.stats && run.failures.length === 0);
  return clean ? 0 : 1;
}

module.exports = { parseArgs, failuresOf, summarize, formatReport, firstLine, UsageError };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof UsageError ? `e2e:soak: ${error.message}` : error);
      process.exit(2);
    },
  );
}
