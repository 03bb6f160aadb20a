import type { Locator, Page } from '@playwright/test';
import type { DemoUser } from '../support/demo-users';

/** The page's `<header>` (landmark "banner"): the signed-in user's name and Sign out. */
export class AppHeader {
  readonly banner: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.signOutButton = this.banner.getByRole('button', { name: 'Sign out', exact: true });
  }

  /** A link of the main navigation: Dashboard, Notes, Profile, Users (admins). */
  link(name: string): Locator {
    return this.banner.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  userName(user: DemoUser): Locator {
    return this.banner.getByText(user.name);
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}
