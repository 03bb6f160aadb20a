import type { Locator, Page } from '@playwright/test';

/** `/notes/:id`: edit with Save, or Delete after an in-page confirmation. */
export class NoteDetailPage {
  readonly title: Locator;
  readonly body: Locator;
  readonly saveButton: Locator;
  readonly deleteButton: Locator;
  readonly confirmDeleteButton: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByLabel('Title', { exact: true });
    this.body = page.getByLabel('Body', { exact: true });
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.confirmDeleteButton = page.getByRole('button', { name: /^(yes|confirm)/i });
  }

  async goto(id: number | string): Promise<void> {
    await this.page.goto(`/notes/${id}`);
  }

  async save(title: string, body: string): Promise<void> {
    await this.title.fill(title);
    await this.body.fill(body);
    await this.saveButton.click();
  }
}
