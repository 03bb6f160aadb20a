'use strict';

// docs/concepts.md and docs/concepts.es.md tell the lesson through the app's files: when a file
// moves or is renamed, they must fail here rather than send a reader to nothing. Their diagrams
// must also render where people read them (GitHub's Mermaid), so each is parsed by Mermaid itself.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');

const ROOT = path.resolve(__dirname, '..');
const DOCUMENTS = ['docs/concepts.md', 'docs/concepts.es.md'];
const SEQUENCE_DIAGRAMS_AT_LEAST = 5;

// A repository path starts with one of these folders, wherever it stands: in backticks, in a link,
// in a diagram's labels. It ends on a letter, digit, `_` or `-`, so a sentence's full stop or an
// ellipsis (`mock-api/…`) is not taken for part of it.
const REPO_PATH = /(?<![\w.-])(?:src|mock-api|e2e|docs|scripts|bench|public)\/[\w./-]*[\w-]/g;
// A file name alone in backticks (`proxy.conf.mjs`) is read from the repository root: the
// documents write every other file with its folders, so that readers and this test find it.
const BARE_FILE = /^[\w.-]+\.(?:ts|js|mjs|cjs|json|md|yaml|yml|html|css)$/;
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;
// Characters that end or garble a message in GitHub's Mermaid: `;` splits a statement, `#` starts
// an entity, `<` and `>` are read as HTML.
const MERMAID_UNSAFE = /[;#<>]/;

function read(file) {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

const exists = (repoPath) => fs.existsSync(path.join(ROOT, repoPath));

/** The text split into prose and fenced blocks, each with its language. */
function blocks(markdown) {
  const parts = [];
  let fence = null;
  let lines = [];
  for (const line of markdown.split('\n')) {
    const opening = /^(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fence === null && opening) {
      parts.push({ language: null, text: lines.join('\n') });
      fence = { marker: opening[1], language: opening[2] };
      lines = [];
    } else if (fence !== null && line.trim() === fence.marker) {
      parts.push({ language: fence.language, text: lines.join('\n') });
      fence = null;
      lines = [];
    } else {
      lines.push(line);
    }
  }
  parts.push({ language: fence ? fence.language : null, text: lines.join('\n') });
  return parts;
}

const prose = (markdown) =>
  blocks(markdown)
    .filter((block) => block.language === null)
    .map((block) => block.text)
    .join('\n');

const mermaidDiagrams = (markdown) =>
  blocks(markdown)
    .filter((block) => block.language === 'mermaid')
    .map((block) => block.text);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown) {
  const seen = new Map();
  const result = new Set();
  for (const line of prose(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

function repoPaths(markdown) {
  const found = new Set(markdown.match(REPO_PATH) ?? []);
  for (const [, code] of markdown.matchAll(/`([^`\n]+)`/g)) {
    if (BARE_FILE.test(code)) found.add(code);
  }
  return [...found];
}

/** Problems with the relative links of `file`: a missing target, or an anchor it does not have. */
function linkProblems(file, markdown) {
  const problems = [];
  for (const [, target] of prose(markdown).matchAll(MARKDOWN_LINK)) {
    if (/^[a-z][\w+.-]*:/i.test(target)) continue;
    const [pathPart, anchor] = target.split('#');
    const resolved = pathPart
      ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), pathPart))
      : file;
    if (resolved.startsWith('..') || !exists(resolved)) {
      problems.push(`${target}: no file ${resolved}`);
    } else if (anchor !== undefined && resolved.endsWith('.md')) {
      if (!anchors(read(resolved)).has(decodeURIComponent(anchor))) {
        problems.push(`${target}: ${resolved} has no heading with anchor #${anchor}`);
      }
    }
  }
  return problems;
}

/** Lines of a diagram whose labels or messages hold a character that breaks GitHub's Mermaid. */
function unsafeLines(diagram) {
  return diagram
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => {
      // The arrows (`->>`, `-->>`) are syntax: only what a line says after them, or after `as`, is text.
      const text = line.includes(':') ? line.slice(line.indexOf(':') + 1) : line;
      return MERMAID_UNSAFE.test(text.replace(/^(participant|actor)\s+\w+\s+as\s+/, ''));
    });
}

let mermaid;
async function parseMermaid(diagram) {
  if (!mermaid) {
    ({ default: mermaid } = await import('mermaid'));
    mermaid.initialize({ startOnLoad: false });
  }
  return mermaid.parse(diagram);
}

for (const file of DOCUMENTS) {
  test(`${file}: every repository path it names exists`, () => {
    const markdown = read(file);
    const paths = repoPaths(markdown);
    assert.ok(paths.length > 0, 'names no file at all');
    const missing = paths.filter((repoPath) => !exists(repoPath));
    assert.deepEqual(missing, [], `${file} names files that do not exist`);
  });

  test(`${file}: every relative link resolves, anchors included`, () => {
    assert.deepEqual(linkProblems(file, read(file)), []);
  });

  test(`${file}: at least ${SEQUENCE_DIAGRAMS_AT_LEAST} sequence diagrams, each parsed by Mermaid`, async () => {
    const diagrams = mermaidDiagrams(read(file));
    const sequences = diagrams.filter((diagram) => diagram.trim().startsWith('sequenceDiagram'));
    assert.ok(
      sequences.length >= SEQUENCE_DIAGRAMS_AT_LEAST,
      `${sequences.length} sequence diagrams, expected at least ${SEQUENCE_DIAGRAMS_AT_LEAST}`,
    );
    for (const [index, diagram] of diagrams.entries()) {
      assert.deepEqual(
        unsafeLines(diagram),
        [],
        `diagram ${index + 1}: characters Mermaid breaks on`,
      );
      await assert.doesNotReject(parseMermaid(diagram), `diagram ${index + 1} does not parse`);
    }
  });
}

test('the two documents link to each other at the top', () => {
  for (const [file, other] of [DOCUMENTS, [...DOCUMENTS].reverse()]) {
    const top = read(file).split('\n').slice(0, 5).join('\n');
    assert.match(top, new RegExp(`\\]\\(${path.basename(other).replace(/\./g, '\\.')}\\)`), file);
  }
});

test('README.md links to both documents', () => {
  const readme = read('README.md');
  for (const file of DOCUMENTS) assert.ok(readme.includes(`](${file})`), file);
});

test('the path check finds what it is for', () => {
  const sample = [
    'See `src/app/core/auth/auth-guard.ts`, [the API](../mock-api/auth.js) and `proxy.conf.mjs`.',
    '    participant G as src/app/core/auth/auth-guard.ts',
    'Not a path: `/auth/login`, mock-api/… or a sentence ending in docs/auth.md.',
  ].join('\n');
  assert.deepEqual(repoPaths(sample).sort(), [
    'docs/auth.md',
    'mock-api/auth.js',
    'proxy.conf.mjs',
    'src/app/core/auth/auth-guard.ts',
  ]);
  assert.deepEqual(linkProblems('docs/x.md', '[a](auth.md#nothing-here) [b](missing.md)'), [
    'auth.md#nothing-here: docs/auth.md has no heading with anchor #nothing-here',
    'missing.md: no file docs/missing.md',
  ]);
  assert.deepEqual(unsafeLines('sequenceDiagram\n    A->>B: one; two\n    A-->>B: fine'), [
    'A->>B: one; two',
  ]);
});
