import type { Route } from '@playwright/test';

/** What the API answers for a refused access token (CONTRACT §6), for a test to answer in its place. */
export async function answerTokenExpired(route: Route): Promise<void> {
  await route.fulfill({
    status: 401,
    contentType: 'application/json',
    headers: {
      'WWW-Authenticate':
        'Bearer realm="tokengate", error="invalid_token", error_description="The access token expired"',
    },
    body: JSON.stringify({ error: 'token_expired', message: 'The access token has expired.' }),
  });
}

/** A gate a route handler can wait on, so that requests pile up until the test opens it. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
