'use strict';
// Step 1: what the production build ships. Sizes are measured on the emitted files themselves
// (raw, gzip level 9, brotli quality 11); the esbuild metafile says which package each byte came from.

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { brotli } = require('../scripts/serve-dist');

function sizes(file) {
  const body = fs.readFileSync(file);
  return {
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: brotli(body).length,
  };
}

/** Files index.html asks the browser for: module scripts, modulepreloads and stylesheets. */
function filesLoadedBy(indexHtml) {
  const found = new Set();
  for (const [, src] of indexHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(src);
  for (const [tag] of indexHtml.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\b(?:stylesheet|modulepreload)\b/.test(rel)) found.add(href);
  }
  return [...found].filter((f) => !/^[a-z]+:|^\/\//i.test(f)).map((f) => f.replace(/^\.?\//, ''));
}

function findMetafile(statsDir) {
  const candidates = fs.readdirSync(statsDir).filter((f) => /stats\.json$/.test(f));
  if (candidates.length === 0) throw new Error(`no esbuild metafile (*stats.json) in ${statsDir}`);
  return JSON.parse(fs.readFileSync(path.join(statsDir, candidates[0]), 'utf8'));
}

/** Adds every chunk reachable through static imports: the browser needs them before main runs. */
function withStaticImports(entries, metafile) {
  const initial = new Set(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    const output = metafile.outputs[queue.shift()];
    for (const imported of output?.imports ?? []) {
      if (imported.kind === 'import-statement' && !initial.has(imported.path)) {
        initial.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return initial;
}

/** 'node_modules/@angular/core/fesm2022/core.mjs' -> '@angular/core'; app code by folder. */
function owner(input) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  const app = /^src\/app\/((?:core|features|shared)\/[^/]+)\//.exec(input);
  if (app) return `app: ${app[1]}`;
  if (input.startsWith('src/')) return 'app: shell (src/app/*, main.ts)';
  return input.replace(/:.*$/, ':') || input;
}

/**
 * What each initial byte is. esbuild reports minified bytes per input; the brotli figure shares each
 * file's real brotli size out in proportion, since compressed bytes cannot be split exactly.
 */
function attribute(initialFiles, metafile, measured) {
  const groups = new Map();
  const modules = [];
  for (const file of initialFiles) {
    const inputs = Object.entries(metafile.outputs[file]?.inputs ?? {});
    const total = inputs.reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
    if (total === 0) continue;
    const { brotli: fileBrotli } = measured.get(file);
    for (const [input, { bytesInOutput }] of inputs) {
      if (bytesInOutput === 0) continue;
      const share = (fileBrotli * bytesInOutput) / total;
      const name = owner(input);
      const group = groups.get(name) ?? { name, raw: 0, brotli: 0, modules: 0 };
      group.raw += bytesInOutput;
      group.brotli += share;
      group.modules += 1;
      groups.set(name, group);
      modules.push({ input, owner: name, raw: bytesInOutput, brotli: share });
    }
  }
  const byRaw = (a, b) => b.raw - a.raw;
  return { packages: [...groups.values()].sort(byRaw), modules: modules.sort(byRaw) };
}

/** The two biggest contributors to an output, e.g. "@angular/forms 38.1 kB". */
function topOwners(inputs) {
  const bytes = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    bytes.set(owner(input), (bytes.get(owner(input)) ?? 0) + bytesInOutput);
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([name, n]) => `${name} ${(n / 1000).toFixed(1)} kB`);
}

/** An output file and every file it imports statically, transitively. */
function staticClosure(start, metafile) {
  const seen = new Set();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') queue.push(imported.path);
    }
  }
  return seen;
}

/**
 * The initial scripts of the application's own graph: main and what it imports statically. The
 * polyfills file (with an i18n build, the line that tells `$localize` its locale) is a bundle of its
 * own that no chunk can share code with.
 */
function appScripts(initialSet, metafile) {
  const main = Object.entries(metafile.outputs).find(([, o]) =>
    /(^|\/)main\.ts$/.test(o.entryPoint ?? ''),
  )?.[0];
  const graph = main ? staticClosure(main, metafile) : new Set(initialSet);
  return [...initialSet].filter((f) => /\.m?js$/.test(f) && graph.has(f));
}

/**
 * Lazy entry points (targets of `import()`) whose static imports reach only some of the initial
 * script files. The chunk optimizer groups modules by the set of entries that reach them, so one such
 * entry is enough to keep the initial code in more files than needed, and files compressed apart cost
 * brotli bytes (about 1 kB here: docs/development.md, "Bundle size").
 */
function partialEntries(initialSet, metafile) {
  const initialScripts = appScripts(initialSet, metafile);
  const reached = (start) => staticClosure(start, metafile);
  const entries = new Set(
    Object.values(metafile.outputs).flatMap((o) =>
      (o.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  return [...entries]
    .filter((entry) => !initialSet.has(entry))
    .map((entry) => {
      const closure = reached(entry);
      return {
        file: entry,
        features: [
          ...new Set(
            Object.keys(metafile.outputs[entry]?.inputs ?? {})
              .filter((i) => i.startsWith('src/'))
              .map((i) => i.replace(/^src\/app\//, '')),
          ),
        ],
        reaches: initialScripts.filter((f) => closure.has(f)),
      };
    })
    .filter((e) => e.reaches.length > 0 && e.reaches.length < initialScripts.length)
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Measures a finished build: `dir` holds the browser files, `statsDir` the esbuild metafile. */
function measureBundle({ dir, statsDir }) {
  const metafile = findMetafile(statsDir);
  const indexHtml = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const entries = filesLoadedBy(indexHtml);
  const initialSet = withStaticImports(entries, metafile);

  const emitted = fs
    .readdirSync(dir)
    .filter((f) => /\.(?:js|mjs|css)$/.test(f))
    .sort();
  const measured = new Map(emitted.map((f) => [f, sizes(path.join(dir, f))]));
  const row = (file) => ({ file, kind: path.extname(file).slice(1), ...measured.get(file) });
  const missing = entries.filter((f) => !measured.has(f));
  if (missing.length > 0) throw new Error(`index.html loads files not in the build: ${missing}`);

  const initial = emitted.filter((f) => initialSet.has(f)).map(row);
  const lazy = emitted.filter((f) => !initialSet.has(f)).map(row);
  const sum = (rows) =>
    rows.reduce(
      (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
      {
        raw: 0,
        gzip: 0,
        brotli: 0,
      },
    );

  const { packages, modules } = attribute(
    initial.map((r) => r.file),
    metafile,
    measured,
  );
  // A feature page whose code reaches the initial files is not lazy, whatever the routes say.
  const eagerFeatures = [
    ...new Set(modules.filter((m) => m.input.startsWith('src/app/features/')).map((m) => m.input)),
  ];
  const lazyChunkOwners = lazy.map((r) => ({
    file: r.file,
    packages: topOwners(metafile.outputs[r.file]?.inputs ?? {}),
    features: [
      ...new Set(
        Object.keys(metafile.outputs[r.file]?.inputs ?? {})
          .filter((i) => i.startsWith('src/app/features/'))
          .map((i) => i.split('/')[3]),
      ),
    ],
  }));

  return {
    ok: true,
    initialScripts: appScripts(initialSet, metafile).length,
    partialEntries: partialEntries(initialSet, metafile),
    indexHtml: { raw: Buffer.byteLength(indexHtml) },
    initial,
    lazy,
    initialTotal: sum(initial),
    lazyTotal: sum(lazy),
    packages,
    modules,
    eagerFeatures,
    lazyChunkOwners,
  };
}

/**
 * Measures every language of a finished build: `dir` holds the source language's build and each
 * other language's in a folder of its own with an index.html (es/). English first, then by path.
 */
function measureLanguages({ dir, statsDir }) {
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
  return ['', ...folders].map((folder) => {
    const languageDir = path.join(dir, folder);
    const indexHtml = fs.readFileSync(path.join(languageDir, 'index.html'), 'utf8');
    return {
      lang: /<html\b[^>]*\blang="([^"]+)"/.exec(indexHtml)?.[1] ?? (folder || 'source'),
      path: folder ? `/${folder}/` : '/',
      bundle: measureBundle({ dir: languageDir, statsDir }),
    };
  });
}

module.exports = { measureBundle, measureLanguages, filesLoadedBy };
