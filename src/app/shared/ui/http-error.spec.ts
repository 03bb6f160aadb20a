import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError } from './http-error';

describe('describeHttpError', () => {
  const failure = (status: number, error: unknown = null) =>
    new HttpErrorResponse({ status, error, url: '/api/notes' });

  it('says the server is unreachable when there was no answer', () => {
    expect(describeHttpError(failure(0))).toContain("can't be reached");
    expect(describeHttpError(failure(502))).toContain("can't be reached");
    expect(describeHttpError(failure(504))).toContain("can't be reached");
  });

  it("uses the API's own sentence for a 400, which names the field", () => {
    const error = failure(400, {
      error: 'invalid_request',
      message: 'title must be 1-200 characters',
    });
    expect(describeHttpError(error)).toBe('title must be 1-200 characters');
  });

  it('never shows raw JSON, even when a 400 has no message', () => {
    const text = describeHttpError(failure(400, '{"error":"invalid_request"}'));
    expect(text).not.toContain('{');
    expect(text).toContain('did not accept');
  });

  it('words forbidden, not found (with the page’s own wording) and server errors', () => {
    expect(describeHttpError(failure(403, { error: 'forbidden' }))).toBe(
      "You don't have permission to do that.",
    );
    expect(describeHttpError(failure(404), { notFound: 'No such note.' })).toBe('No such note.');
    expect(describeHttpError(failure(404))).toBe("That couldn't be found.");
    expect(describeHttpError(failure(500))).toContain('The server had a problem');
  });

  it('has words for errors that are not HTTP errors', () => {
    expect(describeHttpError(new TypeError('x is undefined'))).toBe(
      'Something went wrong. Please try again.',
    );
  });
});
