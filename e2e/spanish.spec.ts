import { ALICE, expect, test } from './fixtures';
import { AppHeader } from './pages/app-header';
import { inLanguage } from './pages/language';
import { LoginPage } from './pages/login-page';
import { NotesPage } from './pages/notes-page';
import { ReloginDialog } from './pages/relogin-dialog';
import { expectNoAxeViolations } from './support/accessibility';

// CONTRACT §8: the Spanish build at /es/, with the labels QA depends on, the words the app builds from
// API errors, dates and numbers in Spanish, and the header's link to the same page in English.

/** An address no seed user has: failed logins for it lock out nobody else (CONTRACT §4). */
function unknownEmail(testId: string): string {
  return `nadie-${testId.slice(0, 8)}-${Date.now().toString(36)}@example.com`;
}

test.describe('en español', () => {
  test('signs in with the Spanish labels', async ({ page }) => {
    const loginPage = new LoginPage(page, 'es');
    const header = new AppHeader(page, 'es');
    await loginPage.goto('/notes');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page).toHaveTitle('Iniciar sesión · Tokengate');

    await loginPage.signIn(ALICE);

    await expect(header.userName(ALICE)).toBeVisible();
    await expect(header.signOutButton).toBeVisible();
    await expect(page).toHaveURL(inLanguage('es', '/notes'));
    await expect(new NotesPage(page, 'es').addButton).toBeVisible();
  });

  test('wrong credentials, too many attempts and an unreachable server are said in Spanish', async ({
    page,
  }, testInfo) => {
    const loginPage = new LoginPage(page, 'es');
    const email = unknownEmail(testInfo.testId);
    await loginPage.goto();

    // The suite's API allows LOGIN_MAX_ATTEMPTS=3 failures inside LOGIN_WINDOW (playwright.config.ts).
    for (const password of ['mal-1', 'mal-2', 'mal-3']) {
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login');
      await loginPage.signIn({ email, password });
      expect((await answer).status()).toBe(401);
      await expect(loginPage.serverError).toHaveText(
        'Correo electrónico o contraseña incorrectos.',
      );
    }
    await loginPage.signIn({ email, password: 'mal-4' });
    // The wait comes from Retry-After, in Spanish words: "10 minutos", "9 minutos y 59 segundos".
    await expect(loginPage.serverError).toHaveText(
      /^Demasiados intentos de inicio de sesión\. Vuelve a intentarlo dentro de \d+ (minutos?|segundos?)( y \d+ segundos?)?\.$/,
    );

    await page.route('**/auth/login', (route) => route.abort('connectionrefused'));
    await loginPage.signIn({ email: ALICE.email, password: ALICE.password });
    await expect(loginPage.serverError).toHaveText(
      'No se pudo contactar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
    );
  });

  test(
    'the re-login dialog speaks Spanish, and the note is saved once after signing in again',
    {
      tag: '@hooks',
    },
    async ({ page, hooks, api, startSignedIn, uniqueTitle }) => {
      const notesPage = new NotesPage(page, 'es');
      const reloginDialog = new ReloginDialog(page, 'es');
      const title = uniqueTitle('A medio escribir');
      const token = await startSignedIn(ALICE, inLanguage('es', '/notes'));
      await notesPage.expectLoaded();
      await notesPage.type(title, 'escrita antes de que terminara la sesión');
      // Ends this test's login only, once the page is idle (e2e/README.md, "The API's test hooks").
      await hooks.endLoginOf(token);

      await notesPage.addButton.click();

      await expect(reloginDialog.dialog).toBeVisible();
      await expect(
        reloginDialog.dialog.getByRole('heading', { name: 'Tu sesión ha terminado' }),
      ).toBeVisible();
      await expect(reloginDialog.cancelButton).toBeVisible();
      await reloginDialog.signIn(ALICE);

      await expect(reloginDialog.dialog).toBeHidden();
      await expect(notesPage.note(title)).toHaveCount(1);
      await expect(page.getByRole('status')).toHaveText(`Se ha añadido «${title}».`);
      expect(await api.findNotes(ALICE, title)).toHaveLength(1);
    },
  );

  test('dates and numbers are written the Spanish way', async ({
    page,
    api,
    startSignedIn,
    uniqueTitle,
  }) => {
    const note = await api.createNote(ALICE, uniqueTitle('Fechas'));
    await startSignedIn(ALICE, inLanguage('es', `/notes?q=${encodeURIComponent(note.title)}`));
    const notesPage = new NotesPage(page, 'es');
    await expect(notesPage.note(note.title)).toBeVisible();

    // "1 dic 2026, 9:05:00": day first, a 24-hour clock (English: "Dec 1, 2026, 9:05:00 AM").
    await expect(notesPage.list.locator('time')).toHaveText(
      /^\d{1,2} \p{L}+\.? \d{4}, \d{1,2}:\d{2}:\d{2}$/u,
    );
    await expect(page.getByText('1 nota coincide con', { exact: false })).toBeVisible();
    // 10,000 in English, 10.000 in Spanish.
    await expect(page.getByText('0 de 10.000 caracteres')).toBeVisible();
  });

  test('the header switches to the same page in English and back, still signed in', async ({
    page,
    startSignedIn,
  }) => {
    const path = '/notes?q=cambio';
    await startSignedIn(ALICE, inLanguage('es', path));
    const notesPage = new NotesPage(page, 'es');
    await notesPage.expectLoaded();

    await new AppHeader(page, 'es').languageLink('en').click();

    const header = new AppHeader(page, 'en');
    await expect(page).toHaveURL(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect(header.userName(ALICE)).toBeVisible();
    await expect(header.signOutButton).toBeVisible();
    await new NotesPage(page, 'en').expectLoaded();

    await header.languageLink('es').click();

    await expect(page).toHaveURL(inLanguage('es', path));
    await expect(new AppHeader(page, 'es').signOutButton).toBeVisible();
  });

  test('the language link is on the login page too, and says where it goes', async ({ page }) => {
    await new LoginPage(page, 'es').goto('/notes');
    const link = new AppHeader(page, 'es').languageLink('en');

    await expect(link).toHaveAttribute('hreflang', 'en');
    await expect(link).toHaveAttribute('lang', 'en');
    await expect(link).toHaveAttribute('href', '/login?returnUrl=%2Fnotes');
  });

  test('axe finds nothing on the Spanish login page', async ({ page }) => {
    const loginPage = new LoginPage(page, 'es');
    await loginPage.goto();
    await loginPage.signInButton.click();
    await expect(loginPage.email).toHaveAccessibleDescription(/\S/);

    await expectNoAxeViolations(page);
  });

  test('axe finds nothing on the Spanish notes page', async ({
    page,
    api,
    startSignedIn,
    uniqueTitle,
  }) => {
    const note = await api.createNote(ALICE, uniqueTitle('Accesible'));
    await startSignedIn(ALICE, inLanguage('es', `/notes?q=${encodeURIComponent(note.title)}`));
    await expect(new NotesPage(page, 'es').note(note.title)).toBeVisible();

    await expectNoAxeViolations(page);
  });
});
