import { ALICE, expect, test } from './fixtures';
import { claimsOf } from './support/network';
import { storageHolds, storedToken, storeToken } from './support/storage';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// Values a corrupted profile, an old app version or someone at the keyboard could leave behind.
const BROKEN_TOKENS: Record<string, (realToken: string) => string> = {
  'a word that is not a JWT': () => 'garbage',
  'three parts that are not base64 JSON': () => 'not.a.jwt',
  'a truncated real token': (real) => real.slice(0, 40),
  'a token without exp': (real) => {
    const claims = claimsOf(real);
    delete claims['exp'];
    return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;
  },
  'half a JSON document': () => '{"accessToken":',
};

test.describe('the session in storage', () => {
  test('reloading a guarded page keeps the session', async ({
    page,
    signedInUser,
    notesPage,
    header,
  }) => {
    await notesPage.goto();
    await page.reload();

    await expect(page).toHaveURL('/notes');
    await expect(notesPage.addButton).toBeVisible();
    await expect(header.userName(signedInUser)).toBeVisible();
  });

  test('a reload restores the session from the stored token alone, without the refresh cookie', async ({
    page,
    context,
    signedInUser,
    notesPage,
    header,
  }) => {
    await context.clearCookies();
    await notesPage.goto();

    await expect(page).toHaveURL('/notes');
    await expect(header.userName(signedInUser)).toBeVisible();
  });

  for (const [kind, broken] of Object.entries(BROKEN_TOKENS)) {
    test(`${kind} in storage is discarded: signed out, no crash, nothing logged`, async ({
      page,
      context,
      startSignedIn,
      loginPage,
      header,
      appErrors,
    }) => {
      const value = broken(await startSignedIn(ALICE));
      // Without the refresh cookie the app cannot silently sign back in: the broken value alone decides.
      await context.clearCookies();
      await storeToken(page, value);

      await page.goto('/notes');

      await loginPage.expectRedirectedFrom('/notes');
      await expect(header.signOutButton).toBeHidden();
      expect(await storedToken(page)).toBeNull();
      expect(appErrors.messages).toEqual([]);
    });
  }

  test('a broken stored token with a valid refresh cookie is replaced by a silent refresh', async ({
    page,
    signedInUser,
    notesPage,
    header,
    network,
    appErrors,
  }) => {
    await storeToken(page, 'garbage');

    await notesPage.goto();

    await expect(page).toHaveURL('/notes');
    await expect(header.userName(signedInUser)).toBeVisible();
    expect(network.refreshes()).toHaveLength(1);
    const fresh = network.latestToken();
    expect(await storedToken(page)).toBe(fresh);
    expect(await storageHolds(page, 'garbage')).toBe(false);
    expect(appErrors.messages).toEqual([]);
  });
});
