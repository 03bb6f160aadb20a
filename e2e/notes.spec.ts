import { ALICE, BOB, expect, test } from './fixtures';

test.describe('notes', () => {
  test('a note added with the form is listed and stored for its owner only', async ({
    page,
    api,
    startSignedIn,
    notesPage,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Added');
    await startSignedIn(BOB, '/notes');

    await notesPage.add(title, 'written in the browser');

    await expect(notesPage.note(title)).toBeVisible();
    await expect(notesPage.title).toHaveValue('');
    const stored = await api.findNotes(BOB, title);
    expect(stored.map((n) => [n.title, n.body])).toEqual([[title, 'written in the browser']]);
    expect(await api.findNotes(ALICE, title)).toEqual([]);
    await page.reload();
    await expect(notesPage.note(title)).toBeVisible();
  });

  test('a note opens at /notes/:id and Save stores the edit', async ({
    page,
    api,
    startSignedIn,
    notesPage,
    noteDetail,
    uniqueTitle,
  }) => {
    const note = await api.createNote(BOB, uniqueTitle('To edit'));
    const edited = uniqueTitle('Edited');
    await startSignedIn(BOB, `/notes?q=${encodeURIComponent(note.title)}`);

    await notesPage.open(note.title);
    await expect(page).toHaveURL(`/notes/${note.id}`);
    await expect(noteDetail.title).toHaveValue(note.title);
    await noteDetail.save(edited, 'new body');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(edited);
    const [stored] = await api.findNotes(BOB, edited);
    expect(stored).toMatchObject({ id: note.id, title: edited, body: 'new body' });
  });

  test('Delete asks for confirmation in the page, and only the confirmation deletes', async ({
    page,
    api,
    startSignedIn,
    noteDetail,
    notesPage,
    uniqueTitle,
  }) => {
    const note = await api.createNote(BOB, uniqueTitle('To delete'));
    await startSignedIn(BOB, `/notes/${note.id}`);
    await expect(noteDetail.title).toHaveValue(note.title);

    await noteDetail.deleteButton.click();
    await expect(page.getByRole('heading', { name: 'Delete this note?' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(noteDetail.deleteButton).toBeVisible();
    expect(await api.findNotes(BOB, note.title)).toHaveLength(1);

    await noteDetail.deleteButton.click();
    await noteDetail.confirmDeleteButton.click();

    await expect(page).toHaveURL(/\/notes(\?.*)?$/);
    await expect(notesPage.note(note.title)).toHaveCount(0);
    expect(await api.findNotes(BOB, note.title)).toEqual([]);
  });

  test('an empty or too long title is explained beside the field and not sent', async ({
    startSignedIn,
    notesPage,
    network,
  }) => {
    await startSignedIn(BOB, '/notes');

    await notesPage.add('', 'a body without a title');
    await expect(notesPage.title).toHaveAttribute('aria-invalid', 'true');
    await expect(notesPage.title).toHaveAccessibleDescription(/title/i);

    await notesPage.add('x'.repeat(201), 'a title over the limit');
    await expect(notesPage.title).toHaveAccessibleDescription(/200/);
    expect(network.to('/api/notes', 'POST')).toEqual([]);
  });

  test('a note the server refuses is never shown in the list', async ({
    page,
    startSignedIn,
    notesPage,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Refused');
    await startSignedIn(BOB, '/notes');
    await page.route(
      (url) => url.pathname === '/api/notes',
      (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 400,
              json: { error: 'invalid_request', message: 'The title is not acceptable.' },
            })
          : route.fallback(),
    );

    await notesPage.add(title, 'the server says no');

    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      'The title is not acceptable.',
    );
    await expect(notesPage.note(title)).toHaveCount(0);
    await expect(notesPage.title).toHaveValue(title);
  });

  test('an API that cannot be reached is reported in words and the user stays signed in', async ({
    page,
    startSignedIn,
    notesPage,
    header,
  }) => {
    await startSignedIn(BOB);
    await page.route(
      (url) => url.pathname === '/api/notes',
      (route) => route.abort('connectionrefused'),
    );

    await header.link('Notes').click();

    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(/can't be reached/i);
    await expect(header.userName(BOB)).toBeVisible();
    await expect(notesPage.addButton).toBeVisible();
  });

  test('search and paging go through q, _page and _limit', async ({
    page,
    api,
    startSignedIn,
    notesPage,
    uniqueTitle,
  }) => {
    const topic = uniqueTitle('Paged');
    for (let i = 1; i <= 11; i++) await api.createNote(BOB, `${topic} #${i}`);
    await startSignedIn(BOB, '/notes');

    await notesPage.search(topic);

    await expect(page).toHaveURL((url) => url.searchParams.get('q') === topic);
    await expect(page.getByText(`11 notes matching “${topic}”`)).toBeVisible();
    await expect(notesPage.note(`${topic} #11`)).toBeVisible();
    await expect(notesPage.note(`${topic} #1`, { exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: 'Next', exact: true }).click();
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    await expect(notesPage.note(`${topic} #1`, { exact: true })).toBeVisible();
  });
});
