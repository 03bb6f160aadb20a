import type { Locator, Page } from '@playwright/test';
import type { DemoUser } from '../support/demo-users';
import { type Language, WORDS } from './language';

/**
 * The page's `<header>` (landmark "banner"): the signed-in user's name, Sign out, and the link to
 * the same page in the other language.
 */
export class AppHeader {
  readonly banner: Locator;
  readonly signOutButton: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {
    this.banner = page.getByRole('banner');
    this.signOutButton = this.banner.getByRole('button', {
      name: WORDS[language].signOut,
      exact: true,
    });
  }

  /** The link to this page in `language`, named in that language (English, Español). */
  languageLink(language: Language): Locator {
    return this.banner.getByRole('link', { name: WORDS[language].languageName, exact: true });
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
