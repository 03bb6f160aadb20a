'use strict';

// Two languages with Angular's own i18n (docs/development.md, "Languages"). These hold:
// - src/locale/messages.es.xlf translates every message `npm run i18n:extract` wrote to
//   messages.xlf, from the same English, keeping every placeholder, and nothing else;
// - the labels QA finds elements by (CONTRACT §7 and §8, e2e/pages/language.ts) are the app's words;
// - the header's languages (src/app/core/layout/languages.ts) are the builds angular.json makes;
// - a message nobody translated fails the build (i18nMissingTranslation: "error").

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createWorkspace, runNg, ROOT } = require('./workspace-copy');

const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const angularJson = JSON.parse(read('angular.json'));
const project = Object.values(angularJson.projects)[0];

/** An XLIFF 1.2 message as text, each placeholder written {ID} (its equiv-text varies with formatting). */
function text(xml) {
  return xml
    .replace(/<x id="([^"]+)"[^>]*\/>/g, '{$1}')
    .replace(/\s+/g, ' ')
    .trim();
}

const placeholders = (xml) => [...xml.matchAll(/<x id="([^"]+)"/g)].map((m) => m[1]).sort();

/** id → { source, target } of an XLIFF 1.2 file. */
function messages(file) {
  const units = new Map();
  for (const [, id, body] of read(file).matchAll(
    /<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g,
  )) {
    assert.ok(!units.has(id), `${file}: ${id} twice`);
    units.set(id, {
      source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
      target: /<target[^>]*>([\s\S]*?)<\/target>/.exec(body)?.[1],
    });
  }
  return units;
}

const translationFile = project.i18n.locales.es.translation;
const extracted = messages('src/locale/messages.xlf');
const spanish = messages(translationFile);

test('messages.es.xlf translates every extracted message, from the same English, and no other', () => {
  assert.ok(extracted.size > 50, 'messages.xlf has the app’s messages (npm run i18n:extract)');
  const missing = [...extracted.keys()].filter((id) => !spanish.has(id));
  const stale = [...spanish.keys()].filter((id) => !extracted.has(id));
  assert.deepEqual(missing, [], `not in ${translationFile}: copy them from messages.xlf`);
  assert.deepEqual(stale, [], `in ${translationFile} but no longer in the app`);
  for (const [id, { source }] of extracted) {
    const { source: translatedFrom, target } = spanish.get(id);
    assert.equal(
      text(translatedFrom),
      text(source),
      `${id}: the English changed since it was translated`,
    );
    assert.ok(target !== undefined && text(target) !== '', `${id}: no Spanish`);
    assert.deepEqual(placeholders(target), placeholders(source), `${id}: placeholders`);
  }
});

test('the labels QA finds elements by are the app’s words, in English and in Spanish', async () => {
  const { WORDS } = await import('../e2e/pages/language.ts');
  // CONTRACT §7 (English) and §8 (Spanish): the word in e2e/pages/language.ts → the app's message.
  const LABELS = {
    email: 'auth.email',
    password: 'auth.password',
    signIn: 'auth.signIn',
    signOut: 'auth.signOut',
    title: 'note.title',
    body: 'note.body',
    addNote: 'notes.add',
    save: 'note.save',
    delete: 'note.delete',
  };
  for (const [word, id] of Object.entries(LABELS)) {
    assert.equal(text(extracted.get(id).source), WORDS.en[word], id);
    assert.equal(text(spanish.get(id).target), WORDS.es[word], id);
  }
  assert.deepEqual(
    [WORDS.es.email, WORDS.es.password, WORDS.es.signIn, WORDS.es.signOut],
    ['Correo electrónico', 'Contraseña', 'Iniciar sesión', 'Cerrar sesión'],
  );
  assert.deepEqual(
    [WORDS.es.title, WORDS.es.body, WORDS.es.addNote, WORDS.es.save, WORDS.es.delete],
    ['Título', 'Texto', 'Añadir nota', 'Guardar', 'Eliminar'],
  );
});

test("the header's languages are the builds angular.json makes, at the same paths", async () => {
  const { LANGUAGES } = await import('../src/app/core/layout/languages.ts');
  const { sourceLocale, locales } = project.i18n;
  const builds = [
    [sourceLocale.code, sourceLocale.subPath],
    ...Object.entries(locales).map(([code, locale]) => [code, locale.subPath]),
  ].map(([locale, subPath]) => ({ locale, basePath: subPath ? `/${subPath}/` : '/' }));
  assert.deepEqual(
    LANGUAGES.map(({ locale, basePath }) => ({ locale, basePath })),
    builds,
  );
});

test('a message without a Spanish translation fails the build', async (t) => {
  const workspace = createWorkspace();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tokengate-i18n-test-'));
  t.after(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });
  // A new sentence, marked as the lint asks, that nobody has translated yet.
  const page = path.join(workspace, 'src/app/features/not-found/not-found-page.ts');
  const source = fs.readFileSync(page, 'utf8');
  const changed = source.replace(
    '<h1 i18n="@@notFound.heading">',
    '<p i18n="@@test.untranslated">Nobody translated this yet.</p>\n    $&',
  );
  assert.notEqual(changed, source, 'the not-found page still has its heading to add next to');
  fs.writeFileSync(page, changed);

  // The Spanish build alone, unoptimized: the quickest build that translates.
  const build = await runNg(
    ['build', '--configuration', 'development,es', '--output-path', out],
    workspace,
  );

  assert.notEqual(build.code, 0, build.output.slice(-2000));
  assert.match(build.output, /No translation found for "test\.untranslated"/);
  assert.equal(build.output.match(/No translation found/g)?.length, 1, build.output.slice(-2000));
});
