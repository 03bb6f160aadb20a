import { formatCount, formatDateTime } from './formatting';

describe('formatDateTime', () => {
  it('formats a Date and an ISO string the same way, with date and time', () => {
    const iso = '2026-05-01T10:00:00.000Z';
    const text = formatDateTime(iso);
    expect(text).toBe(formatDateTime(new Date(iso)));
    expect(text).toContain('2026');
    expect(text).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  });

  it('shows nothing for a missing or unreadable value rather than "Invalid Date"', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatCount(7)).toBe('7');
  });
});
