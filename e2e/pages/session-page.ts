import { expect, type Locator, type Page } from '@playwright/test';

/** `/session`: how the session works, live (CONTRACT §7). */
export class SessionPage {
  readonly heading: Locator;
  /** "Yes" or "No": the signed-in flag as the app has it now. */
  readonly signedIn: Locator;
  readonly endButton: Locator;
  /** What the page says about its End button's request (a polite status line). */
  readonly status: Locator;
  /** The events timeline, newest first. */
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'How your session works' });
    this.signedIn = page.getByRole('region', { name: 'Right now' }).getByRole('definition').first();
    this.endButton = page.getByRole('button', {
      name: 'End this session on the server',
      exact: true,
    });
    this.status = page.getByRole('region', { name: 'End this session' }).getByRole('status');
    this.events = page.getByRole('region', { name: 'What happened' }).getByRole('listitem');
  }

  async goto(): Promise<void> {
    await this.page.goto('/session');
    await expect(this.heading).toBeVisible();
  }

  /** The timeline's entry with these words (times differ, words are what a test means). */
  event(words: string | RegExp): Locator {
    return this.events.filter({ hasText: words });
  }
}
