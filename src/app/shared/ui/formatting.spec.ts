import { CountPipe, DateTimePipe } from './formatting';

describe('DateTimePipe', () => {
  const pipe = new DateTimePipe();

  it('formats a Date and an ISO string the same way, with date and time', () => {
    const iso = '2026-05-01T10:00:00.000Z';
    const text = pipe.transform(iso);
    expect(text).toBe(pipe.transform(new Date(iso)));
    expect(text).toContain('2026');
    expect(text).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  });

  it('shows nothing for a missing or unreadable value rather than "Invalid Date"', () => {
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined)).toBe('');
    expect(pipe.transform('not a date')).toBe('');
  });
});

describe('CountPipe', () => {
  it('groups thousands', () => {
    expect(new CountPipe().transform(10_000)).toBe('10,000');
    expect(new CountPipe().transform(7)).toBe('7');
  });
});
