import { expect, type Locator, type Page } from '@playwright/test';

/** `/profile`, with its list "Where you're signed in" (CONTRACT §7). */
export class ProfilePage {
  /** The section listing the user's logins; busy (`aria-busy`) while a request of its own is out. */
  readonly logins: Locator;
  /** One list item per login. */
  readonly rows: Locator;
  /** The login this browser uses ("This device"). */
  readonly thisDevice: Locator;
  /** Every login but this browser's. */
  readonly otherLogins: Locator;
  readonly everywhereElseButton: Locator;
  readonly confirmEverywhereElseButton: Locator;
  /** What the list says after ending a login. */
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.logins = page.getByRole('region', { name: "Where you're signed in" });
    this.rows = this.logins.getByRole('listitem');
    this.thisDevice = this.rows.filter({ hasText: 'This device' });
    this.otherLogins = this.rows.filter({ hasNotText: 'This device' });
    this.everywhereElseButton = this.logins.getByRole('button', {
      name: 'Sign out everywhere else',
      exact: true,
    });
    this.confirmEverywhereElseButton = this.logins.getByRole('button', {
      name: 'Yes, sign out everywhere else',
      exact: true,
    });
    this.notice = this.logins.getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/profile');
    await this.expectLoaded();
  }

  /** Returns once the list has been answered and no request of the list is out. */
  async expectLoaded(): Promise<void> {
    await expect(this.thisDevice).toHaveCount(1);
    await expect(this.logins).toHaveAttribute('aria-busy', 'false');
  }

  /** Ends one of the other logins with its own Sign out button. */
  async signOut(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Sign out', exact: true }).click();
  }
}
