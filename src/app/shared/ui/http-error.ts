import { HttpErrorResponse } from '@angular/common/http';

/** What to say when the thing a page asked for is not there (404). */
export interface ErrorWording {
  notFound?: string;
}

/**
 * Turns a failed request into a sentence for people. The API's own `message` is used for 400s because
 * it names the field that was wrong; everything else gets fixed wording so no raw JSON ever shows.
 */
export function describeHttpError(error: unknown, wording: ErrorWording = {}): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong. Please try again.';
  }
  switch (error.status) {
    // 502-504 come from a proxy in front of the API (the dev server's included) when the API is down.
    case 0:
    case 502:
    case 503:
    case 504:
      return "The server can't be reached. Check your connection and try again.";
    case 400: {
      const message: unknown = error.error?.message;
      return typeof message === 'string' && message.trim() !== ''
        ? message
        : 'The server did not accept that. Check the fields and try again.';
    }
    case 401:
      return 'Your session has ended. Sign in again to continue.';
    case 403:
      return "You don't have permission to do that.";
    case 404:
      return wording.notFound ?? "That couldn't be found.";
    case 413:
      return 'That is too large for the server to accept.';
    default:
      return error.status >= 500
        ? 'The server had a problem. Please try again in a moment.'
        : 'Something went wrong. Please try again.';
  }
}
