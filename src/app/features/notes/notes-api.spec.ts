import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Note, NotesApi } from './notes-api';

const NOTE: Note = {
  id: 7,
  ownerId: 1,
  title: 'Groceries',
  body: 'Milk',
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
};

describe('NotesApi', () => {
  let api: NotesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(NotesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for one page, newest first, and reads the total from X-Total-Count', async () => {
    const result = firstValueFrom(api.list({ page: 2, limit: 10, q: 'milk' }));
    const request = http.expectOne((r) => r.url === '/api/notes');
    expect(request.request.params.get('_page')).toBe('2');
    expect(request.request.params.get('_limit')).toBe('10');
    expect(request.request.params.get('_sort')).toBe('updatedAt');
    expect(request.request.params.get('_order')).toBe('desc');
    expect(request.request.params.get('q')).toBe('milk');
    request.flush([NOTE], { headers: { 'X-Total-Count': '11' } });
    expect(await result).toEqual({ notes: [NOTE], total: 11 });
  });

  it('leaves q out without a search, and counts the page when the total header is missing', async () => {
    const result = firstValueFrom(api.list({ page: 1, limit: 10, q: '' }));
    const request = http.expectOne((r) => r.url === '/api/notes');
    expect(request.request.params.has('q')).toBeFalse();
    request.flush([NOTE]);
    expect((await result).total).toBe(1);
  });

  it('gets, creates, updates and deletes one note', async () => {
    const got = firstValueFrom(api.get(7));
    http.expectOne({ method: 'GET', url: '/api/notes/7' }).flush(NOTE);
    expect(await got).toEqual(NOTE);

    const created = firstValueFrom(api.create({ title: 'Groceries', body: 'Milk' }));
    const post = http.expectOne({ method: 'POST', url: '/api/notes' });
    expect(post.request.body).toEqual({ title: 'Groceries', body: 'Milk' });
    post.flush(NOTE, { status: 201, statusText: 'Created' });
    expect(await created).toEqual(NOTE);

    const updated = firstValueFrom(api.update(7, { title: 'Shopping', body: 'Milk' }));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/notes/7' });
    expect(patch.request.body).toEqual({ title: 'Shopping', body: 'Milk' });
    patch.flush({ ...NOTE, title: 'Shopping' });
    expect((await updated).title).toBe('Shopping');

    const removed = firstValueFrom(api.remove(7), { defaultValue: undefined });
    http.expectOne({ method: 'DELETE', url: '/api/notes/7' }).flush(null);
    await expectAsync(removed).toBeResolved();
  });
});
