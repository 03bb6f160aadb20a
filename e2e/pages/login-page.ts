import { expect, type Locator, type Page } from '@playwright/test';
import type { DemoUser } from '../support/demo-users';
import { type Language, WORDS, inLanguage } from './language';

type Credentials = Pick<DemoUser, 'email' | 'password'>;

/** `/login`: the labels are fixed by CONTRACT §7 (Email, Password, Sign in) and §8 in Spanish. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  /** The form's message from the server (the alert region is always there, empty until needed). */
  readonly serverError: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {
    const words = WORDS[language];
    this.email = page.getByLabel(words.email, { exact: true });
    this.password = page.getByLabel(words.password, { exact: true });
    this.signInButton = page.getByRole('button', { name: words.signIn, exact: true });
    this.serverError = page.getByRole('alert').filter({ hasText: /\S/ });
  }

  /** Opens `/login`, with `returnUrl` exactly as given (encoded once, as the guard would). */
  async goto(returnUrl?: string): Promise<void> {
    await this.page.goto(inLanguage(this.language, loginPath(returnUrl)));
  }

  async signIn(credentials: Credentials): Promise<void> {
    await this.email.fill(credentials.email);
    await this.password.fill(credentials.password);
    await this.signInButton.click();
  }

  async expectShown(): Promise<void> {
    await expect(this.signInButton).toBeVisible();
    await expect(this.email).toBeVisible();
  }

  /** The guard's redirect for `path`: `/login?returnUrl=<path>` (for `/` the parameter may be left out). */
  async expectRedirectedFrom(path: string): Promise<void> {
    await expect(this.page).toHaveURL(
      (url) =>
        url.pathname === inLanguage(this.language, '/login') &&
        (url.searchParams.get('returnUrl') ?? '/') === path,
    );
    await this.expectShown();
  }
}

export function loginPath(returnUrl?: string): string {
  return returnUrl === undefined ? '/login' : `/login?returnUrl=${encodeURIComponent(returnUrl)}`;
}
