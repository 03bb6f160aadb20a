import { Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form } from '@angular/forms/signals';
import type { NoteDraft } from './notes-api';
import { EMPTY_NOTE, noteDraft, noteSchemaFor } from './note-form';

describe('note form rules', () => {
  function noteForm(draft: NoteDraft = EMPTY_NOTE) {
    return form(signal(draft), noteSchemaFor('en-US'), { injector: TestBed.inject(Injector) });
  }

  it('accepts a title of 1-200 characters and a body of up to 10,000', () => {
    const note = noteForm({ title: 'x'.repeat(200), body: 'y'.repeat(10_000) });
    expect(note().valid()).toBeTrue();

    note.title().value.set('x'.repeat(201));
    note.body().value.set('y'.repeat(10_001));
    expect(note().valid()).toBeFalse();
    expect(note.title().errors()[0].message).toContain('200 characters or fewer');
    expect(note.body().errors()[0].message).toContain('10,000 characters or fewer');
  });

  it('counts characters as the API does: an emoji is one', () => {
    const note = noteForm({ title: '🙂'.repeat(200), body: '' });
    expect(note().valid()).toBeTrue();
  });

  it('asks for a title that is more than spaces or invisible characters', () => {
    for (const title of ['', '   ', '\u200b\u200d', '\u0007\t']) {
      const note = noteForm({ title, body: '' });
      expect(note.title().errors()[0]?.message)
        .withContext(JSON.stringify(title))
        .toBe('Enter a title.');
    }
  });

  it('sends the title trimmed and the body as typed', () => {
    const note = noteForm({ title: '  Groceries ', body: '  Milk\n' });
    expect(noteDraft(note)).toEqual({ title: 'Groceries', body: '  Milk\n' });
  });
});
