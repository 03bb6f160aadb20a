import type { Locator, Page } from '@playwright/test';
import { type Language, WORDS, inLanguage } from './language';

/** `/notes/:id`: edit with Save, or Delete after an in-page confirmation. */
export class NoteDetailPage {
  readonly title: Locator;
  readonly body: Locator;
  readonly saveButton: Locator;
  readonly deleteButton: Locator;
  readonly confirmDeleteButton: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {
    const words = WORDS[language];
    this.title = page.getByLabel(words.title, { exact: true });
    this.body = page.getByLabel(words.body, { exact: true });
    this.saveButton = page.getByRole('button', { name: words.save, exact: true });
    this.deleteButton = page.getByRole('button', { name: words.delete, exact: true });
    this.confirmDeleteButton = page.getByRole('button', { name: words.confirmDelete });
  }

  async goto(id: number | string): Promise<void> {
    await this.page.goto(inLanguage(this.language, `/notes/${id}`));
  }

  async save(title: string, body: string): Promise<void> {
    await this.title.fill(title);
    await this.body.fill(body);
    await this.saveButton.click();
  }
}
