import { NoteForm } from './note-form';

describe('NoteForm', () => {
  it('accepts a title of 1-200 characters and a body of up to 10,000', () => {
    const form = new NoteForm({ title: 'x'.repeat(200), body: 'y'.repeat(10_000) });
    expect(form.valid()).toBeTrue();
    expect(form.titleError()).toBe('');
    expect(form.bodyError()).toBe('');

    form.title.set('x'.repeat(201));
    form.body.set('y'.repeat(10_001));
    expect(form.valid()).toBeFalse();
    expect(form.titleError()).toContain('200 characters or fewer');
    expect(form.bodyError()).toContain('10,000 characters or fewer');
  });

  it('asks for a title only once the field was left or the form submitted', () => {
    const form = new NoteForm();
    expect(form.valid()).toBeFalse();
    expect(form.titleError()).toBe('');
    form.titleTouched.set(true);
    expect(form.titleError()).toBe('Enter a title.');

    form.reset();
    form.title.set('   ');
    form.submitted.set(true);
    expect(form.titleError()).toBe('Enter a title.');
  });

  it('sends the title trimmed and the body as typed, and resets to a new draft', () => {
    const form = new NoteForm();
    form.title.set('  Groceries ');
    form.body.set('  Milk\n');
    expect(form.draft()).toEqual({ title: 'Groceries', body: '  Milk\n' });

    form.submitted.set(true);
    form.reset({ title: 'Saved', body: 'Body' });
    expect(form.draft()).toEqual({ title: 'Saved', body: 'Body' });
    expect(form.submitted()).toBeFalse();
  });
});
