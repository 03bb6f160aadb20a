import { ALICE, BOB, expect, test } from '../fixtures';
import { bearer, lifetimeOf } from '../support/network';

// These tests move state every test of a server shares: a user's tokens, the server's clock. They
// run in the project "whole-server" (playwright.config.ts): on an API of their own, one at a time.
// The server clock only moves ahead, so its test stays last in this file.

const HOUR_S = 60 * 60;

test(
  'a token the server calls expired is renewed by one refresh and the save replayed once',
  { tag: '@hooks' },
  async ({ api, hooks, startSignedIn, notesPage, network, uniqueTitle }) => {
    const first = await startSignedIn(BOB, '/notes');
    await notesPage.expectLoaded();
    await hooks.expireTokensOf(BOB.email);
    const title = uniqueTitle('Saved after the server expired the token');

    await notesPage.add(title, 'the first POST meets 401 token_expired');

    await expect(notesPage.note(title)).toBeVisible();
    expect(network.unauthorized).toEqual(['POST /api/notes']);
    expect(network.refreshes()).toHaveLength(1);
    const renewed = network.latestToken();
    expect(network.to('/api/notes', 'POST').map((r) => r.authorization)).toEqual([
      bearer(first),
      bearer(renewed),
    ]);
    expect(await api.findNotes(BOB, title)).toHaveLength(1);
  },
);

test(
  'a server clock three hours ahead of the browser neither signs out early nor sends expired tokens',
  { tag: '@hooks' },
  async ({ page, hooks, signIn, notesPage, header, network, uniqueTitle }) => {
    await hooks.advanceClock(3 * HOUR_S);
    await page.clock.install();
    // Through the form: the app measures the skew from the sign-in's answer.
    await signIn(ALICE, '/notes');
    await notesPage.expectLoaded();
    const first = network.latestToken();

    await page.clock.runFor(60_000);
    const early = uniqueTitle('Server ahead, early');
    await notesPage.add(early, 'the first token is still good');
    await expect(notesPage.note(early)).toBeVisible();
    expect(network.refreshes(), 'no refresh while the token is young').toEqual([]);
    expect(network.to('/api/notes', 'POST').at(-1)?.authorization).toBe(bearer(first));

    // Just before the token's expiry in the server's time: the app must renew it by itself.
    await page.clock.fastForward(lifetimeOf(first) - 60_000 - 15_000);
    await expect.poll(() => network.refreshes().length).toBe(1);
    const late = uniqueTitle('Server ahead, late');
    await notesPage.add(late, 'sent with the renewed token');
    await expect(notesPage.note(late)).toBeVisible();
    expect(network.to('/api/notes', 'POST').at(-1)?.authorization).toBe(
      bearer(network.latestToken()),
    );
    await expect(header.userName(ALICE)).toBeVisible();
    expect(network.unauthorized).toEqual([]);
  },
);
