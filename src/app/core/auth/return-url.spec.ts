import { sanitizeReturnUrl } from './return-url';

describe('sanitizeReturnUrl', () => {
  it('keeps in-app paths with their query and fragment', () => {
    expect(sanitizeReturnUrl('/notes/3')).toBe('/notes/3');
    expect(sanitizeReturnUrl('/notes?_page=2#top')).toBe('/notes?_page=2#top');
    expect(sanitizeReturnUrl('/')).toBe('/');
  });

  it('sends everything that could leave the app to /', () => {
    for (const url of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/notes',
      'javascript:alert(1)',
      'notes',
      '',
      '/\t/evil.example',
      '/\n/evil.example',
      null,
      undefined,
    ]) {
      expect(sanitizeReturnUrl(url)).withContext(String(url)).toBe('/');
    }
  });
});
