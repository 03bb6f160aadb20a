import { HttpErrorResponse } from '@angular/common/http';

/** What to say when the thing a page asked for is not there (404). */
export interface ErrorWording {
  notFound?: string;
}

/** The language the API writes its `message` in. */
const API_LANGUAGE = 'en';

/**
 * Turns a failed request into a sentence for people, in the app's language (`locale`, its LOCALE_ID).
 * The API's own `message` is used for 400s where the app speaks the API's language, because it names
 * the field that was wrong; everything else gets fixed wording so no raw JSON ever shows.
 */
export function describeHttpError(
  error: unknown,
  locale: string,
  wording: ErrorWording = {},
): string {
  if (!(error instanceof HttpErrorResponse)) {
    return somethingWentWrong();
  }
  switch (error.status) {
    // 502-504 come from a proxy in front of the API (the dev server's included) when the API is down.
    case 0:
    case 502:
    case 503:
    case 504:
      return $localize`:@@http.unreachable:The server can't be reached. Check your connection and try again.`;
    case 400: {
      const message: unknown = error.error?.message;
      return typeof message === 'string' &&
        message.trim() !== '' &&
        new Intl.Locale(locale).language === API_LANGUAGE
        ? message
        : $localize`:@@http.badRequest:The server did not accept that. Check the fields and try again.`;
    }
    case 401:
      return $localize`:@@http.sessionEnded:Your session has ended. Sign in again to continue.`;
    case 403:
      return $localize`:@@http.forbidden:You don't have permission to do that.`;
    case 404:
      return wording.notFound ?? $localize`:@@http.notFound:That couldn't be found.`;
    case 413:
      return $localize`:@@http.tooLarge:That is too large for the server to accept.`;
    default:
      return error.status >= 500
        ? $localize`:@@http.serverError:The server had a problem. Please try again in a moment.`
        : somethingWentWrong();
  }
}

function somethingWentWrong(): string {
  return $localize`:@@http.unknown:Something went wrong. Please try again.`;
}
