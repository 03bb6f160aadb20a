import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { UserDrafts } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { Note } from './notes-api';
import { NotesPage } from './notes-page';

@Component({ selector: 'app-note-stub', template: 'a note' })
class NoteStub {}

function note(id: number, title = `Note ${id}`): Note {
  return {
    id,
    ownerId: 1,
    title,
    body: `Body of ${title}`,
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
  };
}

/** The control a `<label>` with exactly this text names. */
function field(page: HTMLElement, label: string): HTMLInputElement {
  const id = [...page.querySelectorAll('label')]
    .find((element) => element.textContent?.trim() === label)!
    .getAttribute('for')!;
  return page.querySelector<HTMLInputElement>(`#${id}`)!;
}

describe('NotesPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'notes', component: NotesPage },
          { path: 'notes/:id', component: NoteStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(url = '/notes'): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, NotesPage);
    return harness.routeNativeElement!;
  }

  function expectList(params: Record<string, string | null>): TestRequest {
    const request = http.expectOne((r) => r.method === 'GET' && r.url === '/api/notes');
    for (const [name, value] of Object.entries(params)) {
      expect(request.request.params.get(name)).withContext(name).toBe(value);
    }
    return request;
  }

  /** Lets a form's submit action finish (it awaits the request) and the page render. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function button(page: HTMLElement, name: string): HTMLButtonElement {
    return [...page.querySelectorAll('button')].find(
      (element) => element.textContent?.trim() === name,
    )!;
  }

  function link(page: HTMLElement, name: string): HTMLAnchorElement | undefined {
    return [...page.querySelectorAll('a')].find((element) => element.textContent?.trim() === name);
  }

  function titles(page: HTMLElement): string[] {
    return [...page.querySelectorAll('.notes a')].map((a) => a.textContent?.trim() ?? '');
  }

  it("lists the user's notes with links, and pages through them with Previous and Next", async () => {
    const page = await open();
    expectList({ _page: '1', _limit: '10', q: null }).flush([note(1), note(2)], {
      headers: { 'X-Total-Count': '25' },
    });
    await settle();

    expect(titles(page)).toEqual(['Note 1', 'Note 2']);
    expect(page.querySelector('.summary')?.textContent).toBe('25 notes');
    expect(page.querySelector('.notes a')?.getAttribute('href')).toBe('/notes/1');
    expect(page.querySelector('.pager')?.textContent).toContain('Page 1 of 3');
    expect(link(page, 'Previous')).toBeUndefined();
    expect(link(page, 'Next')?.getAttribute('href')).toBe('/notes?page=2');

    link(page, 'Next')!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notes?page=2');
    expectList({ _page: '2' }).flush([note(11)], { headers: { 'X-Total-Count': '25' } });
    await settle();
    expect(titles(page)).toEqual(['Note 11']);
    expect(page.querySelector('.pager')?.textContent).toContain('Page 2 of 3');
    expect(link(page, 'Previous')?.getAttribute('href')).toBe('/notes');
    expect(link(page, 'Next')?.getAttribute('href')).toBe('/notes?page=3');
  });

  it('searches with q and starts again at page 1', async () => {
    const page = await open('/notes?page=2');
    expectList({ _page: '2' }).flush([note(11)], { headers: { 'X-Total-Count': '12' } });
    await settle();

    type(field(page, 'Search notes'), 'milk');
    button(page, 'Search').click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notes?q=milk');
    expectList({ _page: '1', q: 'milk' }).flush([note(3, 'Milk')], {
      headers: { 'X-Total-Count': '1' },
    });
    await settle();
    expect(page.querySelector('.summary')?.textContent).toBe('1 note matching “milk”');

    type(field(page, 'Search notes'), 'tea');
    button(page, 'Search').click();
    await settle();
    expectList({ _page: '1', q: 'tea' }).flush([], { headers: { 'X-Total-Count': '0' } });
    await settle();
    expect(page.textContent).toContain('No notes match “tea”');
  });

  it('moves a page number past the end back to the last page', async () => {
    await open('/notes?page=9');
    expectList({ _page: '9' }).flush([], { headers: { 'X-Total-Count': '12' } });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notes?page=2');
    expectList({ _page: '2' }).flush([note(11)], { headers: { 'X-Total-Count': '12' } });
  });

  it('checks Title and Body against the API limits before sending anything', async () => {
    const page = await open();
    expectList({}).flush([], { headers: { 'X-Total-Count': '0' } });
    await settle();

    button(page, 'Add note').click();
    await settle();
    const title = field(page, 'Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector(`#new-note-title-error`)?.textContent).toContain('Enter a title');
    expect(title.getAttribute('aria-describedby')).toContain('new-note-title-error');
    expect(document.activeElement).toBe(title);

    type(title, 'x'.repeat(201));
    type(field(page, 'Body'), 'y'.repeat(10_001));
    await settle();
    expect(page.querySelector(`#new-note-title-error`)?.textContent).toContain('200 characters');
    expect(page.querySelector(`#new-note-body-error`)?.textContent).toContain('10,000 characters');
    button(page, 'Add note').click();
    await settle();
    http.expectNone({ method: 'POST', url: '/api/notes' });

    type(title, 'x'.repeat(200));
    type(field(page, 'Body'), 'y'.repeat(10_000));
    await settle();
    expect(page.querySelector('.field-error')).toBeNull();
  });

  it('adds a note only once the server accepted it, then shows it at the top', async () => {
    const page = await open();
    expectList({}).flush([note(1)], { headers: { 'X-Total-Count': '1' } });
    await settle();

    type(field(page, 'Title'), '  Groceries ');
    type(field(page, 'Body'), 'Milk');
    button(page, 'Add note').click();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/notes' });
    expect(post.request.body).toEqual({ title: 'Groceries', body: 'Milk' });
    expect(button(page, 'Add note').disabled).toBeTrue();
    expect(titles(page)).toEqual(['Note 1']);

    post.flush(note(2, 'Groceries'), { status: 201, statusText: 'Created' });
    await settle();
    expectList({ _page: '1' }).flush([note(2, 'Groceries'), note(1)], {
      headers: { 'X-Total-Count': '2' },
    });
    await settle();
    expect(titles(page)).toEqual(['Groceries', 'Note 1']);
    expect(field(page, 'Title').value).toBe('');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Added “Groceries”');
  });

  it('keeps what was typed and shows the reason in words when the server refuses the note', async () => {
    const page = await open();
    expectList({}).flush([note(1)], { headers: { 'X-Total-Count': '1' } });
    await settle();

    type(field(page, 'Title'), 'Groceries');
    type(field(page, 'Body'), 'Milk');
    button(page, 'Add note').click();
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/notes' })
      .flush(
        { error: 'invalid_request', message: 'body must be at most 10000 characters' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();

    expect(page.querySelector('form [role="alert"]')?.textContent?.trim()).toBe(
      'body must be at most 10000 characters',
    );
    expect(titles(page)).toEqual(['Note 1']);
    expect(field(page, 'Title').value).toBe('Groceries');
    expect(field(page, 'Body').value).toBe('Milk');
    expect(button(page, 'Add note').disabled).toBeFalse();
  });

  it('says so in words when the list cannot be loaded', async () => {
    const page = await open();
    expectList({}).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(page.textContent).toContain("The server can't be reached");
  });
});

describe('NotesPage: a half-typed note', () => {
  let http: HttpTestingController;

  function configure(userId: number): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'notes', component: NotesPage },
          { path: 'elsewhere', component: NoteStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAuthTesting({ user: { id: userId } }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  }

  let harness: RouterTestingHarness | null;
  beforeEach(() => (harness = null));

  /** Opens /notes, or leaves it and opens it again (a new page, as after signing in again). */
  async function open(): Promise<HTMLElement> {
    if (harness) {
      await harness.navigateByUrl('/elsewhere');
    }
    harness ??= await RouterTestingHarness.create();
    await harness.navigateByUrl('/notes', NotesPage);
    http.expectOne((r) => r.url === '/api/notes').flush([], { headers: { 'X-Total-Count': '0' } });
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  it('is kept for its user while typing and is back in the form when the page opens again', async () => {
    configure(1);
    const page = await open();
    const title = field(page, 'Title');
    title.value = 'Half-typed';
    title.dispatchEvent(new Event('input'));
    await TestBed.inject(ApplicationRef).whenStable();
    expect(TestBed.inject(UserDrafts).forUser(1).read('notes.new')).toEqual({
      title: 'Half-typed',
      body: '',
    });

    const again = await open();
    expect(field(again, 'Title').value).toBe('Half-typed');
    expect(again.textContent).toContain('is back in the form');
  });

  it('is not shown to another user', async () => {
    configure(2);
    TestBed.inject(UserDrafts).forUser(1).write('notes.new', { title: 'Not yours', body: '' });
    const page = await open();
    expect(field(page, 'Title').value).toBe('');
  });
});
