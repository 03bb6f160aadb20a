import type { Locator, Page } from '@playwright/test';

/** The warning before an inactivity sign-out: an alert dialog with Stay signed in and Sign out. */
export class InactivityWarning {
  readonly dialog: Locator;
  readonly stayButton: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    this.stayButton = this.dialog.getByRole('button', { name: 'Stay signed in', exact: true });
    this.signOutButton = this.dialog.getByRole('button', { name: 'Sign out', exact: true });
  }
}
