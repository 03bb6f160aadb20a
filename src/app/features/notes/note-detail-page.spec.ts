import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { UserDrafts } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { NoteDetailPage } from './note-detail-page';
import { Note } from './notes-api';

@Component({ selector: 'app-notes-stub', template: 'all notes' })
class NotesStub {}

const NOTE: Note = {
  id: 7,
  ownerId: 1,
  title: 'Groceries',
  body: 'Milk',
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
};

/** The control a `<label>` with exactly this text names. */
function field(page: HTMLElement, label: string): HTMLInputElement {
  const id = [...page.querySelectorAll('label')]
    .find((element) => element.textContent?.trim() === label)!
    .getAttribute('for')!;
  return page.querySelector<HTMLInputElement>(`#${id}`)!;
}

describe('NoteDetailPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'notes', component: NotesStub },
          { path: 'notes/:id', component: NoteDetailPage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(url = '/notes/7'): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, NoteDetailPage);
    return harness.routeNativeElement!;
  }

  async function openLoaded(): Promise<HTMLElement> {
    const page = await open();
    http.expectOne({ method: 'GET', url: '/api/notes/7' }).flush(NOTE);
    await settle();
    return page;
  }

  /** Lets a form's submit action finish (it awaits the request) and the page render. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function button(page: HTMLElement, name: string): HTMLButtonElement | undefined {
    return [...page.querySelectorAll('button')].find(
      (element) => element.textContent?.trim() === name,
    );
  }

  it('shows the note in an edit form and names the document after it', async () => {
    const page = await openLoaded();
    expect(page.querySelector('h1')?.textContent).toContain('Groceries');
    expect(field(page, 'Title').value).toBe('Groceries');
    expect(field(page, 'Body').value).toBe('Milk');
    expect(TestBed.inject(Title).getTitle()).toBe('Groceries · Tokengate');
  });

  it('saves the edit with PATCH and says so', async () => {
    const page = await openLoaded();
    type(field(page, 'Title'), 'Shopping');
    button(page, 'Save')!.click();
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/notes/7' });
    expect(patch.request.body).toEqual({ title: 'Shopping', body: 'Milk' });
    patch.flush({ ...NOTE, title: 'Shopping', updatedAt: '2026-05-01T11:00:00.000Z' });
    await settle();
    expect(page.querySelector('h1')?.textContent).toContain('Shopping');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Saved.');
  });

  it('keeps the edit and explains a refused save in words', async () => {
    const page = await openLoaded();
    type(field(page, 'Body'), 'Milk and eggs');
    button(page, 'Save')!.click();
    await settle();
    http
      .expectOne({ method: 'PATCH', url: '/api/notes/7' })
      .flush({ error: 'server_error' }, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(page.querySelector('form [role="alert"]')?.textContent).toContain(
      'The server had a problem',
    );
    expect(field(page, 'Body').value).toBe('Milk and eggs');
    expect(page.querySelector('h1')?.textContent).toContain('Groceries');
  });

  it('does not save an empty title', async () => {
    const page = await openLoaded();
    type(field(page, 'Title'), '   ');
    button(page, 'Save')!.click();
    await settle();
    expect(page.textContent).toContain('Enter a title');
    http.expectNone({ method: 'PATCH' });
  });

  it('asks for confirmation before deleting, and Cancel keeps the note', async () => {
    const page = await openLoaded();
    button(page, 'Delete')!.click();
    await settle();
    expect(page.textContent).toContain('Delete this note?');
    expect(button(page, 'Delete')).toBeUndefined();
    expect(document.activeElement).toBe(button(page, 'Cancel')!);
    http.expectNone({ method: 'DELETE' });

    button(page, 'Cancel')!.click();
    await settle();
    expect(page.textContent).not.toContain('Delete this note?');
    expect(document.activeElement).toBe(button(page, 'Delete')!);
  });

  it('deletes after confirmation and goes back to the list', async () => {
    const page = await openLoaded();
    button(page, 'Delete')!.click();
    await settle();
    button(page, 'Yes, delete note')!.click();
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/notes/7' }).flush(null);
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notes');
  });

  it('keeps the page and says why when the delete fails', async () => {
    const page = await openLoaded();
    button(page, 'Delete')!.click();
    await settle();
    button(page, 'Yes, delete note')!.click();
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/notes/7' })
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notes/7');
    expect(page.textContent).toContain("The server can't be reached");
    expect(page.textContent).not.toContain('Delete this note?');
    expect(button(page, 'Delete')).toBeDefined();
  });

  it("says a note that isn't there (or is someone else's) doesn't exist, with a way back", async () => {
    const page = await open('/notes/99');
    http
      .expectOne('/api/notes/99')
      .flush({ error: 'not_found' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(page.querySelectorAll('h1').length).toBe(1);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("doesn't exist");
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('main a, a[href="/notes"]')).not.toBeNull();
  });

  it('does not ask the server about an id that cannot exist', async () => {
    const page = await open('/notes/abc');
    await settle();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("doesn't exist");
  });
});

describe('NoteDetailPage: unsaved changes', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'notes/:id', component: NoteDetailPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAuthTesting({ user: { id: NOTE.ownerId } }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openLoaded(): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/notes/7', NoteDetailPage);
    http.expectOne({ method: 'GET', url: '/api/notes/7' }).flush(NOTE);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  it('are kept while typing, for that user, and dropped when the form is back to the saved note', async () => {
    const drafts = TestBed.inject(UserDrafts).forUser(NOTE.ownerId);
    const page = await openLoaded();
    const body = field(page, 'Body');
    body.value = 'Milk and eggs';
    body.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(drafts.read('notes.7')).toEqual({ title: 'Groceries', body: 'Milk and eggs' });

    body.value = 'Milk';
    body.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(drafts.read('notes.7')).toBeNull();
  });

  it('come back into the form over the saved note when the page opens', async () => {
    TestBed.inject(UserDrafts)
      .forUser(NOTE.ownerId)
      .write('notes.7', { title: 'Groceries', body: 'Milk and bread' });
    const page = await openLoaded();
    expect(field(page, 'Body').value).toBe('Milk and bread');
    expect(page.textContent).toContain('Your unsaved changes are back in the form.');
  });
});
