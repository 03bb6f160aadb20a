import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError } from './http-error';

describe('describeHttpError', () => {
  const failure = (status: number, error: unknown = null) =>
    new HttpErrorResponse({ status, error, url: '/api/notes' });

  it('says the server is unreachable when there was no answer', () => {
    expect(describeHttpError(failure(0), 'en-US')).toContain("can't be reached");
    expect(describeHttpError(failure(502), 'en-US')).toContain("can't be reached");
    expect(describeHttpError(failure(504), 'en-US')).toContain("can't be reached");
  });

  it("uses the API's own sentence for a 400, which names the field", () => {
    const error = failure(400, {
      error: 'invalid_request',
      message: 'title must be 1-200 characters',
    });
    expect(describeHttpError(error, 'en-US')).toBe('title must be 1-200 characters');
  });

  it("keeps the API's English sentence out of a page in another language", () => {
    const error = failure(400, {
      error: 'invalid_request',
      message: 'title must be 1-200 characters',
    });
    expect(describeHttpError(error, 'es')).toContain('did not accept');
  });

  it('never shows raw JSON, even when a 400 has no message', () => {
    const text = describeHttpError(failure(400, '{"error":"invalid_request"}'), 'en-US');
    expect(text).not.toContain('{');
    expect(text).toContain('did not accept');
  });

  it('words forbidden, not found (with the page’s own wording) and server errors', () => {
    expect(describeHttpError(failure(403, { error: 'forbidden' }), 'en-US')).toBe(
      "You don't have permission to do that.",
    );
    expect(describeHttpError(failure(404), 'en-US', { notFound: 'No such note.' })).toBe(
      'No such note.',
    );
    expect(describeHttpError(failure(404), 'en-US')).toBe("That couldn't be found.");
    expect(describeHttpError(failure(500), 'en-US')).toContain('The server had a problem');
  });

  it('has words for errors that are not HTTP errors', () => {
    expect(describeHttpError(new TypeError('x is undefined'), 'en-US')).toBe(
      'Something went wrong. Please try again.',
    );
  });
});
