import { expect, type Locator, type Page } from '@playwright/test';
import { type Language, WORDS, inLanguage } from './language';

/** `/notes`: the user's notes and the form with Title, Body and Add note (CONTRACT §7). */
export class NotesPage {
  readonly title: Locator;
  readonly body: Locator;
  readonly addButton: Locator;
  /** The "Your notes" section; busy (`aria-busy`) while a list request is out. */
  readonly list: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {
    const words = WORDS[language];
    this.title = page.getByLabel(words.title, { exact: true });
    this.body = page.getByLabel(words.body, { exact: true });
    this.addButton = page.getByRole('button', { name: words.addNote, exact: true });
    this.list = page.getByRole('region', { name: words.yourNotes });
  }

  /** Opens `/notes` and returns once its list has been answered (see expectLoaded). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(inLanguage(this.language, `/notes${query}`));
    await this.expectLoaded();
  }

  /**
   * The page asks for its list after the form is on screen, so a visible form does not mean the
   * page is idle: a route installed then would catch that late first request. The list stops
   * being busy once its answer arrived; from then on only the test's own actions send requests.
   */
  async expectLoaded(): Promise<void> {
    await expect(this.addButton).toBeVisible();
    await expect(this.list).toHaveAttribute('aria-busy', 'false');
  }

  /** Types a note without submitting it: the "half-typed" state a re-login must not lose. */
  async type(title: string, body: string): Promise<void> {
    await this.title.fill(title);
    await this.body.fill(body);
  }

  async add(title: string, body: string): Promise<void> {
    await this.type(title, body);
    await this.addButton.click();
  }

  async search(text: string): Promise<void> {
    const words = WORDS[this.language];
    await this.page.getByLabel(words.searchNotes).fill(text);
    await this.page.getByRole('button', { name: words.search, exact: true }).click();
  }

  /** The link that opens a note; titles are unique per test, so this finds one note. */
  note(title: string, options: { exact?: boolean } = {}): Locator {
    return this.page.getByRole('link', { name: title, ...options });
  }

  async open(title: string): Promise<void> {
    await this.note(title).click();
    await expect(this.page).toHaveURL(/\/notes\/[^/?#]+$/);
  }
}
