import type { Locator, Page } from '@playwright/test';
import type { DemoUser } from '../support/demo-users';
import { type Language, WORDS } from './language';

/** The re-login dialog that opens over a guarded page when the session ends during an API call. */
export class ReloginDialog {
  readonly dialog: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly cancelButton: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'en',
  ) {
    const words = WORDS[language];
    this.dialog = page.getByRole('dialog');
    this.email = this.dialog.getByLabel(words.email, { exact: true });
    this.password = this.dialog.getByLabel(words.password, { exact: true });
    this.signInButton = this.dialog.getByRole('button', { name: words.signIn, exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: words.cancel, exact: true });
  }

  async signIn(user: Pick<DemoUser, 'email' | 'password'>): Promise<void> {
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.signInButton.click();
  }
}
