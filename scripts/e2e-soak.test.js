'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { parseArgs, failuresOf, summarize, formatReport, UsageError } = require('./e2e-soak');

/** A Playwright JSON report (the parts the soak reads), one file with a describe block. */
function report(tests, errors = []) {
  const stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  for (const t of tests) stats[t.status]++;
  return {
    stats,
    errors,
    suites: [
      {
        title: 'tabs.spec.ts',
        file: 'tabs.spec.ts',
        specs: [],
        suites: [
          {
            title: 'two tabs',
            file: 'tabs.spec.ts',
            specs: tests.map((t, i) => ({
              title: t.title,
              file: 'tabs.spec.ts',
              line: 10 + i,
              tests: [
                {
                  projectName: 'chromium',
                  status: t.status,
                  results: t.results ?? [{ status: t.status === 'expected' ? 'passed' : 'failed' }],
                },
              ],
            })),
          },
        ],
      },
    ],
  };
}

const RED = '\u001b[31m';
const RESET = '\u001b[39m';

describe('e2e-soak', () => {
  it('reads --runs and --busy (both spellings) and hands everything else to Playwright', () => {
    assert.deepEqual(parseArgs([]), { runs: 5, busy: 1, playwrightArgs: [] });
    assert.deepEqual(parseArgs(['--runs', '3', '--busy=0', 'e2e/tabs.spec.ts', '--grep', 'x']), {
      runs: 3,
      busy: 0,
      playwrightArgs: ['e2e/tabs.spec.ts', '--grep', 'x'],
    });
  });

  it('refuses a run count that is not a whole number of at least one', () => {
    for (const bad of [
      ['--runs', '0'],
      ['--runs', 'many'],
      ['--runs'],
      ['--busy', '-1'],
      ['--runs=1.5'],
    ]) {
      assert.throws(() => parseArgs(bad), UsageError, bad.join(' '));
    }
  });

  it('finds failed, timed-out and flaky tests with their full name, first error line and trace', () => {
    const found = failuresOf(
      report([
        { title: 'passes', status: 'expected' },
        {
          title: 'refreshes once',
          status: 'unexpected',
          results: [
            {
              status: 'failed',
              error: {
                message: `${RED}Error: expect(received).toBe(expected)${RESET}\n\nExpected: 1`,
              },
              attachments: [
                { name: 'screenshot', path: '/r/shot.png' },
                { name: 'trace', path: '/r/trace.zip' },
              ],
            },
          ],
        },
        {
          title: 'waits',
          status: 'unexpected',
          results: [
            { status: 'timedOut', errors: [{ message: '\n  Test timeout of 45000ms exceeded.' }] },
          ],
        },
        { title: 'skipped on purpose', status: 'skipped' },
      ]),
    );
    assert.deepEqual(found, [
      {
        name: '[chromium] › tabs.spec.ts:11 › two tabs › refreshes once',
        status: 'failed',
        error: 'Error: expect(received).toBe(expected)',
        traces: ['/r/trace.zip'],
      },
      {
        name: '[chromium] › tabs.spec.ts:12 › two tabs › waits',
        status: 'timedOut',
        error: 'Test timeout of 45000ms exceeded.',
        traces: [],
      },
    ]);
  });

  it('counts an error outside any test (a web server that did not start) as a failure', () => {
    const found = failuresOf(
      report([], [{ message: 'Error: Process from config.webServer exited early.' }]),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].error, 'Error: Process from config.webServer exited early.');
  });

  it('folds failures by test across runs, most often failed first, and says which runs', () => {
    const failure = (name) => ({ name, status: 'failed', error: `${name} broke`, traces: [] });
    const summary = summarize([
      { number: 1, failures: [failure('b')] },
      { number: 2, failures: [] },
      { number: 3, failures: [failure('a'), failure('b')] },
    ]);
    assert.deepEqual(
      summary.map((t) => [t.name, t.runs]),
      [
        ['b', [1, 3]],
        ['a', [3]],
      ],
    );
    assert.equal(summary[0].error, 'b broke');
  });

  it('prints each failed test once with its runs and a summary line, or says nothing failed', () => {
    const stats = { expected: 9, unexpected: 0, flaky: 0, skipped: 0 };
    const clean = formatReport(
      [
        { number: 1, stats, durationMs: 61_000, exitCode: 0, failures: [] },
        { number: 2, stats, durationMs: 59_500, exitCode: 0, failures: [] },
      ],
      { busy: 1 },
    );
    assert.match(clean, /run 1: 9 passed, 0 failed, 0 flaky, 0 skipped in 61\.0 s/);
    assert.match(clean, /No test failed in any of the 2 run\(s\)\./);

    const failure = {
      name: '[chromium] › x.spec.ts:3 › y',
      status: 'failed',
      error: 'Error: nope',
      traces: [],
    };
    const dirty = formatReport(
      [
        {
          number: 1,
          stats: { ...stats, unexpected: 1 },
          durationMs: 1,
          exitCode: 1,
          failures: [failure],
        },
        { number: 2, stats: undefined, durationMs: 1, exitCode: 1, failures: [] },
      ],
      { busy: 1 },
    );
    assert.match(dirty, /✘ \[chromium\] › x\.spec\.ts:3 › y\n\s+runs 1 of 2: Error: nope/);
    assert.match(dirty, /run 2: no report/);
    assert.match(
      dirty,
      /1 test\(s\) failed in at least one run; run\(s\) 2 ended without a report\./,
    );
  });
});
