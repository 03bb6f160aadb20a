'use strict';
// Turns measured results into the console tables and docs/benchmarks.md. Nothing here measures.

const kB = (bytes) => (bytes / 1000).toFixed(1);
const ms = (value) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
const int = (n) => Math.round(n).toLocaleString('en-US');

/** Rows of cells to an aligned plain-text table (first row is the header). */
function textTable(markdownRows) {
  const rows = markdownRows.map((r) => r.map((cell) => String(cell).replace(/\*\*/g, '')));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) =>
    r
      .map((cell, c) => String(cell).padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

function markdownTable(rows, align = []) {
  const escape = (cell) => String(cell).replace(/\|/g, '\\|');
  const sep = rows[0].map((_, c) => (align[c] === 'r' ? '---:' : '---'));
  return [rows[0], sep, ...rows.slice(1)].map((r) => `| ${r.map(escape).join(' | ')} |`).join('\n');
}

function bundleRows(bundle) {
  const rows = [['file', 'load', 'raw B', 'gzip-9 B', 'brotli-11 B']];
  const add = (r, load) => rows.push([r.file, load, int(r.raw), int(r.gzip), int(r.brotli)]);
  bundle.initial.forEach((r) => add(r, 'initial'));
  const t = bundle.initialTotal;
  rows.push(['**initial total**', '', int(t.raw), int(t.gzip), int(t.brotli)]);
  bundle.lazy.forEach((r) => add(r, 'lazy'));
  const l = bundle.lazyTotal;
  rows.push(['**lazy total**', '', int(l.raw), int(l.gzip), int(l.brotli)]);
  rows.push([
    '**all files**',
    '',
    int(t.raw + l.raw),
    int(t.gzip + l.gzip),
    int(t.brotli + l.brotli),
  ]);
  return rows;
}

function packageRows(bundle) {
  const total = bundle.packages.reduce((s, p) => s + p.brotli, 0);
  return [
    ['what', 'modules', 'minified B', 'brotli-11 B (share)', '% of initial'],
    ...bundle.packages.map((p) => [
      p.name,
      p.modules,
      int(p.raw),
      int(p.brotli),
      `${((100 * p.brotli) / total).toFixed(1)} %`,
    ]),
  ];
}

function lazyOwnerRows(bundle) {
  return [
    ['lazy file', 'raw B', 'feature code inside', 'largest parts (minified)'],
    ...bundle.lazyChunkOwners.map((c) => [
      c.file,
      int(bundle.lazy.find((l) => l.file === c.file).raw),
      c.features.join(', ') || '(shared by several pages)',
      c.packages.join(', '),
    ]),
  ];
}

function lighthouseRows(pages) {
  const rows = [
    [
      'page',
      'performance',
      'accessibility',
      'best practices',
      'LCP',
      'TBT',
      'CLS',
      'FCP',
      'kept runs (perf)',
      'host index of each',
    ],
  ];
  for (const [page, r] of Object.entries(pages)) {
    if (r.runtimeError && r.performance === undefined) {
      rows.push([page, `not measured: ${r.runtimeError}`, '', '', '', '', '', '', '', '']);
      continue;
    }
    rows.push([
      page + (r.runtimeError ? ` (${r.runtimeError})` : ''),
      r.performance,
      r.accessibility,
      r.bestPractices,
      ms(r.lcp),
      ms(r.tbt),
      r.cls === undefined ? 'n/a' : r.cls.toFixed(3),
      ms(r.fcp),
      r.runs.join(' / '),
      `${r.hostIndexes.join(' / ')}${r.attempts > r.runs.length ? ` (${r.attempts} runs made)` : ''}`,
    ]);
  }
  return rows;
}

function diagnosticsRows(pages) {
  const rows = [
    [
      'page',
      'main-thread work',
      'long tasks',
      'unused JS (transfer)',
      'script evaluation, top 3',
      'LCP element',
      'LCP phases',
    ],
  ];
  for (const [page, r] of Object.entries(pages)) {
    const d = r.diagnostics;
    if (!d) continue;
    rows.push([
      page,
      ms(d.mainThreadMs),
      d.longTasks,
      `${kB(d.unusedJsBytes)} kB`,
      d.bootup.join('; '),
      d.lcp.element,
      d.lcp.phases.join('; '),
    ]);
  }
  return rows;
}

function lostPointsRows(pages) {
  const rows = [['page', 'category', 'audit', 'score', 'detail']];
  for (const [page, r] of Object.entries(pages)) {
    for (const f of r.failing ?? []) {
      rows.push([
        page,
        f.category,
        `${f.title} (${f.id})`,
        f.score,
        [f.display, ...f.items].filter(Boolean).join('; '),
      ]);
    }
  }
  return rows;
}

function goalRows(goals) {
  return [
    ['goal', 'target', 'measured', 'met'],
    ...goals.map((g) => [g.name, g.target, g.actual, g.met ? 'yes' : 'NO']),
  ];
}

module.exports = {
  kB,
  ms,
  int,
  textTable,
  markdownTable,
  bundleRows,
  packageRows,
  lazyOwnerRows,
  lighthouseRows,
  lostPointsRows,
  diagnosticsRows,
  goalRows,
};
