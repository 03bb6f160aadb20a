import type { Locator, Page } from '@playwright/test';
import { type Language, WORDS } from './language';

/** The warning before an inactivity sign-out: an alert dialog with Stay signed in and Sign out. */
export class InactivityWarning {
  readonly dialog: Locator;
  readonly stayButton: Locator;
  readonly signOutButton: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'en',
  ) {
    const words = WORDS[language];
    this.dialog = page.getByRole('alertdialog', { name: words.stillThere });
    this.stayButton = this.dialog.getByRole('button', { name: words.staySignedIn, exact: true });
    this.signOutButton = this.dialog.getByRole('button', { name: words.signOut, exact: true });
  }
}
