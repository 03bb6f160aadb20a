import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestOptions } from './e2e/fixtures';
import { BROWSER_FLAGS, findTestBrowser } from './scripts/browser';

// Playwright loads this file in its main process and again in every worker: values chosen here are
// stored in the environment the first time so that workers see the same ports, secret and data file.
function once(name: string, make: () => string): string {
  process.env[name] ??= make();
  return process.env[name] as string;
}

function sparePort(): string {
  const probe =
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
}

const apiPort = once('E2E_API_PORT', sparePort);
const appPort = once('E2E_APP_PORT', sparePort);
// The whole-server tests get an API (and an app origin in front of it) of their own, so that
// what they do to "every test" touches nobody else and they can run beside the rest.
const wholeApiPort = once('E2E_WHOLE_API_PORT', sparePort);
const wholeAppPort = once('E2E_WHOLE_APP_PORT', sparePort);
const dataDir = once('E2E_DATA_DIR', () => mkdtempSync(join(tmpdir(), 'tokengate-e2e-')));
const jwtSecret = once('E2E_JWT_SECRET', () => randomBytes(32).toString('hex'));
// QA may serve the development build instead (readable stack traces in traces); the suite's
// verdict is about the production configuration, which is the default.
const appConfiguration = process.env['E2E_APP_CONFIGURATION'] ?? 'production';
// Built once per run, both languages, apart from `npm run build`'s dist/tokengate.
const appOutput = join('dist', 'e2e');
const apiUrl = `http://127.0.0.1:${apiPort}`;
const appUrl = `http://127.0.0.1:${appPort}`;
const wholeApiUrl = `http://127.0.0.1:${wholeApiPort}`;
const wholeAppUrl = `http://127.0.0.1:${wholeAppPort}`;

/** The suite's mock API: a fresh data file, a secret of the run, its test hooks on. */
function mockApi(name: string, port: string, dbFile: string, appOrigin: string) {
  return {
    name,
    command: 'node mock-api/server.js',
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      DB_FILE: join(dataDir, dbFile),
      JWT_SECRET: jwtSecret,
      // Long enough that no token expires in real time during a run (expiry is driven by the
      // page's fake clock), short enough that a fast-forwarded clock crosses it in one jump.
      ACCESS_TOKEN_TTL: '5m',
      REFRESH_TOKEN_TTL: '1h',
      // Lockout tests each use their own unknown email, so a low limit only makes them quicker.
      LOGIN_MAX_ATTEMPTS: '3',
      LOGIN_WINDOW: '10m',
      CORS_ORIGIN: appOrigin,
      // The /__test/* hooks (e2e/support/api-hooks.ts); the API refuses them off loopback.
      TEST_HOOKS: '1',
    },
  };
}

/** The built app as a static host serves it, with /api and /auth proxied to `api`. */
function serveApp(port: string, api: string): string {
  return `node scripts/serve-dist.js --root ${join(appOutput, 'browser')} --port ${port} --api ${api}`;
}

const browserUse = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: findTestBrowser(),
    args: [...BROWSER_FLAGS],
  },
};

export default defineConfig<TestOptions>({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  // Generous for a shared two-core machine; a passing run never waits for them.
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: 'playwright-report', open: 'never' }],
    ['./e2e/support/paths-reporter.ts', { reportFolder: 'playwright-report' }],
  ],
  outputDir: 'test-results',
  use: {
    baseURL: appUrl,
    apiURL: apiUrl,
    // Kept for failed tests only. DOM snapshots show every step; the screencast is left out
    // because recording it for every (mostly passing) test costs a two-core machine dearly.
    trace: { mode: 'retain-on-failure', snapshots: true, screenshots: false, sources: true },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // Tests that move state every test of a server shares (a user's tokens, the server's
      // clock) through the test hooks: on an API of their own, one at a time, beside the rest.
      // Listed first so that one worker starts on them at once while the other takes the
      // chromium tests; listed last, they ran only after every other test, a serial tail.
      name: 'whole-server',
      testDir: './e2e/whole-server',
      fullyParallel: false,
      // One worker, or its files would run side by side (the suite has two workers).
      workers: 1,
      use: { ...browserUse, baseURL: wholeAppUrl, apiURL: wholeApiUrl },
    },
    {
      name: 'chromium',
      testIgnore: 'whole-server/**',
      use: browserUse,
    },
  ],
  // Started one after the other, in this order, each once it answers.
  webServer: [
    mockApi('api', apiPort, 'db.json', appUrl),
    mockApi('api (whole-server)', wholeApiPort, 'whole-server-db.json', wholeAppUrl),
    {
      // The build a static host would serve (English at /, Spanish at /es/), served the way such a
      // host does: scripts/serve-dist.js, with the dev server's headers (angular.json).
      name: 'app',
      // scripts/e2e-build.js runs `ng build --localize`, unless dist/e2e holds a build of the same
      // sources (then a re-run starts at once).
      command:
        `node scripts/e2e-build.js --configuration ${appConfiguration} --output-path ${appOutput} && ` +
        serveApp(appPort, apiUrl),
      url: appUrl,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { NG_CLI_ANALYTICS: 'false' },
    },
    {
      // The same build (done by then) in front of the whole-server tests' API.
      name: 'app (whole-server)',
      command: serveApp(wholeAppPort, wholeApiUrl),
      url: wholeAppUrl,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
