#!/usr/bin/env node
'use strict';
// `npm run bench`: builds, measures and writes docs/benchmarks.md; exits 1 when a goal is missed.
// Steps run in order and each reports what it could not measure instead of stopping the others,
// so a half-built product still gets every figure that exists.

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildAll } = require('./build');
const { measureLanguages } = require('./bundle');
const { measurePages } = require('./lighthouse');
const { measureGuardedRoute } = require('./guarded-route');
const { startApi, sparePort } = require('./api-process');
const { startServer } = require('../scripts/serve-dist');
const { findBrowser } = require('../scripts/browser');
const r = require('./report');

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const API_BENCH = path.join(__dirname, 'api.js');
// Lighthouse's own advice is the median of five runs; a shared machine makes single runs noisy.
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
// Lighthouse's benchmark index of the host below which a run is redone (see lighthouse.js): on
// this 2-core machine an idle host scores about 1200-1700, one busy with other builds and tests
// 150-900, and the same build then loses 10-40 performance points.
const MIN_HOST_INDEX = Number(process.env.BENCH_MIN_HOST_INDEX ?? 1000);
// `--only=bundle,lighthouse,api,route` runs a subset for a quick look and leaves the doc alone.
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name) => !ONLY || ONLY.includes(name);

// Goals from issue 11 ("Budget"). kB = 1000 bytes, as the Angular CLI counts. The CLI's raw
// budgets are the project's own (angular.json), read at run time.
const GOALS = {
  initialBrotli: 88_000,
  performance: 95,
  accessibility: 100,
  bestPractices: 100,
  guardedRouteBrotli: 500,
};

/** An Angular budget size ("245kB", "1mb", "500b") in bytes; NaN when absent or relative. */
function budgetBytes(value) {
  const m = /^\s*([\d.]+)\s*(b|kb|mb)?\s*$/i.exec(value ?? '');
  if (!m) return NaN;
  return Number(m[1]) * { b: 1, kb: 1000, mb: 1000 ** 2 }[(m[2] ?? 'b').toLowerCase()];
}

function machineNote() {
  let chromium = 'not found';
  try {
    chromium = execFileSync(findBrowser(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as not found
  }
  const version = (pkg) => require(path.join(ROOT, 'node_modules', pkg, 'package.json')).version;
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium,
    angular: version('@angular/core'),
    lighthouse: version('lighthouse'),
  };
}

/** Runs `npm run bench:api`'s script, echoing and keeping its output; resolves with its exit code. */
function runApiBench() {
  return new Promise((resolve) => {
    // Its own process group, so that whatever it started and left behind (if it crashes before
    // cleaning up) can be stopped with it.
    const child = spawn(process.execPath, [API_BENCH], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // nothing left in the group: it cleaned up after itself
      }
      resolve({ code, output });
    });
  });
}

const RUN_FIGURES = '### Figures from this run';

/** The "## API" section of a doc without the figures an earlier `npm run bench` appended to it. */
function apiSection(doc) {
  const match = /^## API\b[\s\S]*?(?=^## |(?![\s\S]))/m.exec(doc ?? '');
  return match ? match[0].split(RUN_FIGURES)[0].trim() : undefined;
}

/** One goal per verdict line bench/api.js prints, e.g. "... (goal >= 0.90: meets the goal)". */
function apiGoals(apiBench) {
  if (apiBench.skipped) {
    return [
      { name: 'API (npm run bench:api)', target: 'runs', actual: apiBench.skipped, met: false },
    ];
  }
  const verdicts = apiBench.output
    .split('\n')
    .map((line) => ({
      line: line.trim(),
      m: /\(.*goal ([^:]+): (meets the goal|MISSES the goal)\)/.exec(line),
    }))
    .filter(({ m }) => m);
  if (verdicts.length === 0) {
    return [
      {
        name: 'API (npm run bench:api)',
        target: 'exit 0 with its verdicts',
        actual: `exit ${apiBench.code}, no verdict printed`,
        met: false,
      },
    ];
  }
  return verdicts.map(({ line, m }) => ({
    name: `API: ${line.split(/ = | \(/)[0]}`,
    target: m[1],
    actual: line.replace(/^.*? = /, '').replace(/\s*\(goal [^)]*\)|[;,]\s*goal [^)]*(?=\))/, ''),
    met: m[2] === 'meets the goal' && apiBench.code === 0,
  }));
}

const readDoc = () => (fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : undefined);
const errorText = (error) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0];

async function stepLighthouse(appDir) {
  let api;
  let server;
  try {
    // The API serves only its own origin's pages (Origin check) and Host names (DNS rebinding):
    // the page's server port is chosen first so that the API can be told it.
    const port = await sparePort();
    try {
      api = await startApi({ corsOrigin: `http://127.0.0.1:${port}` });
    } catch (error) {
      console.log(`Mock API not available (${errorText(error)}); /notes cannot be signed in.`);
    }
    const apiTarget = api ?? { host: '127.0.0.1', port: await sparePort() };
    server = await startServer({ root: appDir, apiTarget, port });
    return await measurePages({
      baseUrl: server.url,
      runs: LIGHTHOUSE_RUNS,
      minHostIndex: MIN_HOST_INDEX,
    });
  } finally {
    await server?.close();
    await api?.stop();
  }
}

/**
 * The source language's measurement, which the detailed tables describe, with each language's
 * initial totals beside it (the goals hold for every language).
 */
function bundleOf(languages) {
  return {
    ...languages[0].bundle,
    languages: languages.map(({ lang, path: at, bundle }) => ({
      lang,
      path: at,
      files: bundle.initial.length,
      initialTotal: bundle.initialTotal,
    })),
  };
}

/** Says which lazy entries split the initial code into more files, if any (see bundle.js). */
function partialEntriesText(bundle) {
  if (bundle.partialEntries.length === 0) {
    return 'Every lazy entry reaches all of them, so the chunk optimizer has no reason to split them further.';
  }
  const list = bundle.partialEntries
    .map(
      (e) =>
        `${e.file} (${e.features.join(', ') || 'no app code'}) reaches only ${e.reaches.join(', ')}`,
    )
    .join('; ');
  return (
    `Lazy entries that reach only some of them, which makes the chunk optimizer keep the initial ` +
    `code in more files (each compressed apart, about 1 kB brotli more): ${list}. ` +
    'See "Bundle size" in docs/development.md.'
  );
}

function bundleGoals(bundle, budget) {
  if (!bundle.ok) {
    return [
      {
        name: 'bundle measured',
        target: 'build succeeds',
        actual: bundle.error.split('\n')[0],
        met: false,
      },
    ];
  }
  const features = new Set(bundle.lazyChunkOwners.flatMap((c) => c.features));
  // The CLI holds each language's build to the budgets; the largest one decides.
  const raw = Math.max(...bundle.languages.map((l) => l.initialTotal.raw));
  const errorBytes = budgetBytes(budget.maximumError);
  const warningBytes = budgetBytes(budget.maximumWarning);
  return [
    ...bundle.languages.map(({ lang, path: at, initialTotal }) => ({
      name: `initial bundle, brotli-11 (${lang}, ${at})`,
      target: `≤ ${r.kB(GOALS.initialBrotli)} kB`,
      actual: `${r.kB(initialTotal.brotli)} kB (${r.int(initialTotal.brotli)} B)`,
      met: initialTotal.brotli <= GOALS.initialBrotli,
    })),
    {
      name: 'every feature page lazy',
      target: 'no src/app/features code in initial files',
      actual:
        bundle.eagerFeatures.length === 0
          ? `none in initial; lazy: ${[...features].sort().join(', ') || 'no features yet'}`
          : `eager: ${bundle.eagerFeatures.join(', ')}`,
      met: bundle.eagerFeatures.length === 0,
    },
    {
      name: 'initial raw within the CLI budgets (angular.json)',
      target: `no warning: ≤ ${budget.maximumWarning ?? '(no warning budget set)'}`,
      actual:
        `initial raw ${bundle.languages.map((l) => `${r.kB(l.initialTotal.raw)} kB (${l.lang})`).join(', ')}; ` +
        `budgets ${budget.maximumWarning ?? 'none'} / ${budget.maximumError ?? 'none'}` +
        (raw > errorBytes ? ': `npm run build` fails' : raw > warningBytes ? ': build warns' : ''),
      met: Number.isFinite(warningBytes) && raw <= warningBytes,
    },
  ];
}

function lighthouseGoals(pages) {
  if (pages.error) return [{ name: 'Lighthouse', target: 'runs', actual: pages.error, met: false }];
  return Object.entries(pages).flatMap(([page, p]) => {
    if (p.performance === undefined) {
      return [
        { name: `Lighthouse ${page}`, target: 'measured', actual: p.runtimeError, met: false },
      ];
    }
    const scores = `${p.performance} / ${p.accessibility} / ${p.bestPractices}`;
    return [
      {
        name: `Lighthouse ${page} perf / a11y / best practices`,
        target: `≥ ${GOALS.performance} / ${GOALS.accessibility} / ${GOALS.bestPractices}`,
        actual: p.runtimeError ? `${scores} (${p.runtimeError})` : scores,
        met:
          !p.runtimeError &&
          p.performance >= GOALS.performance &&
          p.accessibility >= GOALS.accessibility &&
          p.bestPractices >= GOALS.bestPractices,
      },
    ];
  });
}

const signed = (n) => `${n >= 0 ? '+' : ''}${r.int(n)}`;

/** One line per language: where its build is, its initial files and their size. */
function languageRows(bundle) {
  return [
    ['language', 'path', 'initial files', 'raw B', 'gzip-9 B', 'brotli-11 B'],
    ...bundle.languages.map((l) => [
      l.lang,
      l.path,
      l.files,
      r.int(l.initialTotal.raw),
      r.int(l.initialTotal.gzip),
      r.int(l.initialTotal.brotli),
    ]),
  ];
}

function guardedRouteGoals(route) {
  if (!route.ok) {
    return [
      {
        name: 'guarded route from docs/auth.md',
        target: 'measured',
        actual: route.error.split('\n')[0],
        met: false,
      },
    ];
  }
  return route.languages.map(({ lang, before, after, delta }) => ({
    name: `guarded route from docs/auth.md: initial growth (${lang})`,
    target: `< ${GOALS.guardedRouteBrotli} B brotli-11, no budget warning`,
    actual:
      `${signed(delta)} B (${r.int(before.brotli)} → ${r.int(after.brotli)} B in ${before.files} → ${after.files} files)` +
      (route.after.budget.length > 0 ? `; CLI: ${route.after.budget[0]}` : '; no budget warning'),
    met: delta < GOALS.guardedRouteBrotli && route.after.budget.length === 0,
  }));
}

async function writeDoc({
  started,
  seconds,
  machine,
  bundle,
  pages,
  apiBench,
  apiDoc,
  route,
  goals,
}) {
  const md = r.markdownTable;
  const parts = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/run.js); edit the bench, not this file. Every figure below',
    'comes from the run on the date shown; `npm run bench` exits 1 when a goal is missed.',
    '`npm run bench -- --only=bundle` (or `lighthouse`, `api`, `route`, comma-separated) runs some',
    'steps and leaves this file alone; `BENCH_LIGHTHOUSE_RUNS` and `BENCH_MIN_HOST_INDEX` tune step 2.',
    '',
    `- Date: ${started.toISOString()} (run took ${Math.round(seconds)} s)`,
    `- Machine: ${machine.cpus}, ${machine.memory} RAM, ${machine.os}; shared with other work, so`,
    '  timings vary between runs.',
    `- Node ${machine.node}, ${machine.chromium}, Angular ${machine.angular}, Lighthouse ${machine.lighthouse}`,
    '',
    '## Goals',
    '',
    md(r.goalRows(goals)),
    '',
    '## Bundle',
    '',
    "Production build (`ng build --stats-json`, the project's production configuration; the bench",
    'builds a copy without the CLI budgets so the bytes can be measured even when a budget fails, and',
    'checks the budgets itself). "Initial" is every file `index.html` loads (scripts, stylesheets,',
    'module preloads) plus the chunks those import statically; everything else loads on demand.',
    'Sizes of the emitted files: raw, gzip level 9 and brotli quality 11. kB = 1000 B.',
    '',
  ];
  if (bundle.ok) {
    parts.push(
      'Each language is a build of its own (angular.json `i18n`), with the same files translated:',
      '',
      md(languageRows(bundle), ['l', 'l', 'r', 'r', 'r', 'r']),
      '',
      `The tables below are the ${bundle.languages[0].lang} build's (at ${bundle.languages[0].path}).`,
      '',
      md(r.bundleRows(bundle), ['l', 'l', 'r', 'r', 'r']),
      '',
      `\`index.html\` itself is ${r.int(bundle.indexHtml.raw)} B raw (critical CSS inlined); it is not counted above.`,
      '',
      '### What each kilobyte of the initial bundle is',
      '',
      "From esbuild's metafile (`bytesInOutput` per module, minified), grouped by package; app code by",
      "folder. Brotli cannot be split exactly, so each file's real brotli size is shared out in",
      'proportion to the minified bytes.',
      '',
      md(r.packageRows(bundle), ['l', 'r', 'r', 'r', 'r']),
      '',
      'The ten largest modules in the initial files:',
      '',
      md(
        [
          ['module', 'package', 'minified B', 'brotli-11 B (share)'],
          ...bundle.modules
            .slice(0, 10)
            .map((m) => [
              `\`${m.input.replace(/^.*node_modules\//, '')}\``,
              m.owner,
              r.int(m.raw),
              r.int(m.brotli),
            ]),
        ],
        ['l', 'l', 'r', 'r'],
      ),
      '',
      `The application's initial scripts (main and the chunks it imports statically) are ${bundle.initialScripts} file(s). ${partialEntriesText(bundle)}`,
      '',
      'Lazy files and the feature code in each:',
      '',
      md(r.lazyOwnerRows(bundle)),
      '',
    );
  } else {
    parts.push('Not measured: the build failed.', '', '```text', bundle.error, '```', '');
  }

  parts.push(
    '## First screen (Lighthouse)',
    '',
    `Lighthouse ${machine.lighthouse} (default mobile profile, simulated throttling) on the production build`,
    'served from 127.0.0.1 with brotli and one-year caching for hashed files, /api and /auth proxied',
    `to a mock API on a throwaway copy of the seed. Median of ${LIGHTHOUSE_RUNS} runs per page (Lighthouse's own`,
    'median-run choice). `/notes` is loaded signed in as alice@example.com: the bench signs in through',
    'the login form in the same Chromium, then Lighthouse keeps the stored session. "Host index" is',
    "Lighthouse's benchmark index of this machine during each run: its simulated 4× CPU slowdown is",
    'applied on top of whatever the host gives, so a host busy with other work inflates TBT and LCP.',
    `A run with an index under ${MIN_HOST_INDEX} is redone (at most ${LIGHTHOUSE_RUNS * 3} runs per page) and the`,
    `${LIGHTHOUSE_RUNS} runs with the fastest host are kept; the figures are Lighthouse's median of those.`,
    '',
  );
  if (pages.error) parts.push(`Not measured: ${pages.error}`, '');
  else {
    parts.push(md(r.lighthouseRows(pages)), '');
    parts.push(
      'Where the time goes in the median runs (Lighthouse diagnostics; times include its 4× CPU',
      'slowdown):',
      '',
      md(r.diagnosticsRows(pages)),
      '',
    );
    const lost = r.lostPointsRows(pages);
    parts.push(
      lost.length > 1
        ? 'Audits that cost points in the median run:'
        : 'No audit cost points in the median runs.',
      '',
    );
    if (lost.length > 1) parts.push(md(lost), '');
  }

  // The API section is the mock-API helper's text, followed by this run's output of its bench.
  const plain = apiBench.output.replace(/\u001b\[[0-9;]*m/g, '').trim();
  parts.push(
    apiDoc ??
      '## API\n\nWhat the auth layer costs: `npm run bench:api` (bench/api.js), run by this bench.',
    '',
    RUN_FIGURES,
    '',
    apiBench.skipped
      ? `Not measured: ${apiBench.skipped}`
      : `\`npm run bench:api\` (exit ${apiBench.code}):\n\n\`\`\`text\n${plain}\n\`\`\``,
    '',
    '## A guarded route, the way docs/auth.md says',
    '',
    'Does one more guarded route cost the initial bundle anything? The bench takes the first `ts` code',
    'block under "## Add a guarded route" in docs/auth.md, inserts it right after the `// guarded routes`',
    'marker line in a copy of src/app/app.routes.ts, creates the page it imports as a standalone',
    'component that imports nothing but `Component` from `@angular/core`, and builds that copy and an',
    "unmodified one with the project's budgets (angular.json). Goal: initial brotli-11 grows by less",
    `than ${GOALS.guardedRouteBrotli} B and the CLI prints no budget warning.`,
    '',
  );
  if (route.ok) {
    parts.push(
      '```ts',
      ...route.recipe,
      '```',
      '',
      md(
        [
          [
            'build',
            'language',
            'initial files',
            'initial raw B',
            'initial brotli-11 B',
            'CLI budget lines',
          ],
          ...[
            ['unmodified', route.before],
            [`with the route (${route.page})`, route.after],
          ].flatMap(([name, b]) =>
            b.languages.map((l) => [
              name,
              l.lang,
              l.files,
              r.int(l.raw),
              r.int(l.brotli),
              b.budget.join('; ') || 'none',
            ]),
          ),
        ],
        ['l', 'l', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
  } else parts.push(`Not measured: ${route?.error ?? 'skipped'}`, '');
  parts.push(
    '## 401 storm',
    '',
    'Not benchmarked: `e2e/interceptor.spec.ts` proves that many requests refused at once share a',
    'single refresh and that each is replayed once, in the real app against the mock API, on every',
    '`npm test`. Timing it here as well would measure the same thing twice.',
    '',
  );

  // Formatted the way `prettier --check .` (part of npm run lint) expects, tables aligned.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  const text = await prettier.format(parts.join('\n'), { ...options, filepath: DOC });
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, text);
}

async function step(name, fn) {
  try {
    return await fn();
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? error.stack : error}`);
    return { ok: false, error: errorText(error) };
  }
}

async function main() {
  const started = new Date();
  const machine = machineNote();
  const skipped = { ok: false, error: 'skipped (--only)' };
  const needsBuild = wanted('bundle') || wanted('lighthouse');

  console.log('\n== 1. Bundle ==');
  const build = needsBuild ? await step('Build', () => buildAll()) : {};
  const buildFailure = (result, what) =>
    `${what} did not build (exit ${result.code}):\n${result.output.slice(-3000)}`;
  const bundle = !needsBuild
    ? skipped
    : build.app?.code === 0
      ? await step('Bundle', () => bundleOf(measureLanguages(build.app)))
      : { ok: false, error: build.app ? buildFailure(build.app, 'the app') : build.error };
  if (bundle.ok) {
    console.log(r.textTable(languageRows(bundle)));
    console.log(`\nThe ${bundle.languages[0].lang} build (${bundle.languages[0].path}):`);
    console.log(r.textTable(r.bundleRows(bundle)));
    console.log('\nInitial bytes by package:');
    console.log(r.textTable(r.packageRows(bundle)));
    console.log(
      `\nApplication initial scripts: ${bundle.initialScripts} file(s). ${partialEntriesText(bundle)}`,
    );
  } else console.log(bundle.error);

  console.log('\n== 2. First screen (Lighthouse) ==');
  const pages = !wanted('lighthouse')
    ? skipped
    : bundle.ok
      ? await step('Lighthouse', () => stepLighthouse(build.app.dir))
      : { error: 'no production build to serve' };
  if (!pages.error) {
    console.log(r.textTable(r.lighthouseRows(pages)));
    console.log(`\n${r.textTable(r.diagnosticsRows(pages))}`);
    const lost = r.lostPointsRows(pages);
    if (lost.length > 1) console.log(`\nAudits that cost points:\n${r.textTable(lost)}`);
  } else console.log(pages.error);

  console.log('\n== 3. API (npm run bench:api) ==');
  const apiBench = !wanted('api')
    ? { code: 1, output: '', skipped: 'skipped (--only)' }
    : fs.existsSync(API_BENCH)
      ? await runApiBench()
      : { code: 1, output: '', skipped: 'bench/api.js does not exist yet' };
  if (apiBench.skipped) console.log(apiBench.skipped);
  const apiDoc = apiSection(readDoc());

  console.log('\n== 4. A guarded route, the way docs/auth.md says ==');
  const route = !wanted('route')
    ? skipped
    : await step('Guarded route', () => measureGuardedRoute());
  if (route.ok) {
    for (const { lang, before, after, delta } of route.languages) {
      console.log(
        `${lang}: initial brotli-11 ${r.int(before.brotli)} → ${r.int(after.brotli)} B (${signed(delta)} B)`,
      );
    }
    console.log(`CLI budget lines: ${route.after.budget.join('; ') || 'none'}`);
  } else console.log(route.error);

  const goals = [
    ...(wanted('bundle') ? bundleGoals(bundle, build.budget ?? {}) : []),
    ...(wanted('lighthouse') ? lighthouseGoals(pages) : []),
    ...(wanted('api') ? apiGoals(apiBench) : []),
    ...(wanted('route') ? guardedRouteGoals(route) : []),
  ];
  console.log('\n== Goals ==');
  console.log(r.textTable(r.goalRows(goals)));

  if (ONLY) {
    console.log('\nPartial run (--only): docs/benchmarks.md left as it was.');
  } else {
    const seconds = (Date.now() - started.getTime()) / 1000;
    await writeDoc({ started, seconds, machine, bundle, pages, apiBench, apiDoc, route, goals });
    console.log(`\nWrote ${path.relative(ROOT, DOC)}.`);
  }
  return goals.every((g) => g.met) ? 0 : 1;
}

// Exiting (rather than dying of the signal) runs the 'exit' handlers that stop what the bench started.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
