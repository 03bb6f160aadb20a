import { ALICE, expect, test } from './fixtures';
import { type Language, inLanguage } from './pages/language';
import { LoginPage } from './pages/login-page';
import { NotesPage } from './pages/notes-page';

// CONTRACT §9: the app is served with a Content-Security-Policy that allows scripts only from its
// own origin (a hash for the one script Angular's build inlines), frame-ancestors 'none' and
// nosniff, and it runs without a single CSP violation. The suite serves the production build with
// scripts/serve-dist.js, which sends the headers the dev server sends (angular.json,
// serve.options.headers); scripts/serve-dist.test.js holds the two to one source.
const LANGUAGES: Language[] = ['en', 'es'];

test.describe('headers the app is served with', () => {
  for (const language of LANGUAGES) {
    test(`the page carries the CSP, frame-ancestors and nosniff (${language})`, async ({
      request,
    }) => {
      const response = await request.get(inLanguage(language, '/login'));
      expect(response.headers()['content-type']).toMatch(/^text\/html/);
      const csp = response.headers()['content-security-policy'] ?? '';
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name, ...values] = part.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('script-src')?.[0]).toBe("'self'");
      expect(
        directives
          .get('script-src')
          ?.slice(1)
          .every((v) => v.startsWith("'sha256-")),
      ).toBe(true);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
    });
  }

  for (const language of LANGUAGES) {
    test(`signing in and using the notes page break no rule of the policy (${language})`, async ({
      page,
      uniqueTitle,
    }) => {
      const loginPage = new LoginPage(page, language);
      const notesPage = new NotesPage(page, language);
      const violations: string[] = [];
      await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { reportCspViolation: (t: string) => void })
            .reportCspViolation;
          report(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });

      await loginPage.goto('/notes');
      await loginPage.signIn(ALICE);
      await expect(notesPage.addButton).toBeVisible();
      const title = uniqueTitle('CSP');
      await notesPage.add(title, 'no inline scripts here');
      await expect(notesPage.note(title)).toBeVisible();
      await notesPage.open(title);

      expect(violations).toEqual([]);
    });
  }

  test('another site cannot frame the app', async ({ page, baseURL }) => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
    });
    await page.setContent(`<iframe src="${baseURL}/login" title="framed"></iframe>`);
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
  });
});
