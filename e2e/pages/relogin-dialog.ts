import type { Locator, Page } from '@playwright/test';
import type { DemoUser } from '../support/demo-users';

/** The re-login dialog that opens over a guarded page when the session ends during an API call. */
export class ReloginDialog {
  readonly dialog: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.email = this.dialog.getByLabel('Email', { exact: true });
    this.password = this.dialog.getByLabel('Password', { exact: true });
    this.signInButton = this.dialog.getByRole('button', { name: 'Sign in', exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  async signIn(user: Pick<DemoUser, 'email' | 'password'>): Promise<void> {
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.signInButton.click();
  }
}
