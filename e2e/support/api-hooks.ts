import type { APIRequestContext, APIResponse } from '@playwright/test';
import { claimsOf } from './network';

/**
 * The mock API's test hooks (`/__test/*`), reached on the API's own URL, never through the app.
 * They exist only when the API runs with TEST_HOOKS=1 on loopback (playwright.config.ts turns
 * them on for the suite's API); elsewhere they answer 404.
 *
 * Every test shares one API process with the tests of its project running beside it. So:
 * - `endLogin(sid)` touches only the test's own login: the lever of choice.
 * - `endLoginsOf(email)`, `expireTokensOf(email)` touch every login of that user, including a
 *   parallel test signed in as the same demo user; `advanceClock` moves time for every test.
 *   Use them only from tests that own the whole server (e2e/whole-server/: an API of their own,
 *   one test at a time).
 * - `reset()` throws the whole server back to the seed: global setup only, never from a test.
 */
export class ApiHooks {
  constructor(private readonly request: APIRequestContext) {}

  /** Ends one login (the `sid` claim of its tokens): its refresh → 401 invalid_grant, its access tokens → 401 invalid_token. */
  async endLogin(sid: string): Promise<void> {
    await this.expectNoContent(
      await this.request.post('/__test/logins/end', { data: { sid } }),
      'end login',
    );
  }

  /** endLogin() for the login an access token belongs to. */
  async endLoginOf(accessToken: string): Promise<void> {
    await this.endLogin(sidOf(accessToken));
  }

  /** Ends every login of the user (whole-server tests only: parallel tests of that user lose theirs). */
  async endLoginsOf(email: string): Promise<void> {
    await this.expectNoContent(
      await this.request.post('/__test/logins/end', { data: { email } }),
      'end logins of a user',
    );
  }

  /**
   * Every access token issued to the user so far answers 401 token_expired; refresh still works.
   * Whole-server tests only: parallel tests of that user would see their tokens expire too.
   */
  async expireTokensOf(email: string): Promise<void> {
    await this.expectNoContent(
      await this.request.post('/__test/tokens/expire', { data: { email } }),
      'expire tokens',
    );
  }

  /** Moves the server's clock ahead (its `Date` header follows); returns the server's new now. */
  async advanceClock(seconds: number): Promise<Date> {
    const response = await this.request.post('/__test/clock', {
      data: { advanceSeconds: seconds },
    });
    await this.expectStatus(response, 200, 'advance the server clock');
    const { now } = (await response.json()) as { now: string | number };
    return new Date(now);
  }

  /** Data back to the seed, every login ended, limiter cleared, clock offset 0. Global setup only. */
  async reset(): Promise<void> {
    await this.expectNoContent(await this.request.post('/__test/reset'), 'reset');
  }

  private async expectNoContent(response: APIResponse, what: string): Promise<void> {
    await this.expectStatus(response, 204, what);
  }

  private async expectStatus(response: APIResponse, status: number, what: string): Promise<void> {
    if (response.status() === status) return;
    const hint =
      response.status() === 404
        ? ' (the test hooks are off: the API must run with TEST_HOOKS=1 on loopback, and must have them: branch api-hardening)'
        : '';
    throw new Error(
      `API test hook "${what}" answered ${response.status()}, expected ${status}${hint}: ${await response.text()}`,
    );
  }
}

/** The login (`sid` claim) an access token belongs to; the same across that login's refreshes. */
export function sidOf(accessToken: string): string {
  const { sid } = claimsOf(accessToken);
  if (typeof sid !== 'string' && typeof sid !== 'number') {
    throw new Error('the access token has no sid claim');
  }
  return String(sid);
}
