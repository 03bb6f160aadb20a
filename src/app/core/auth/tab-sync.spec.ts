import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, EnvironmentInjector, Injector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { guarded } from './auth-guard';
import { AuthApi } from './auth-api';
import { AuthEvents } from './auth-events';
import type { AuthEvent } from './auth-models';
import { AuthService } from './auth-service';
import { Relogin } from './relogin';
import { TabSync } from './tab-sync';
import { ALICE, BOB, eventually, grantBody, makeToken, settle, SharedArea } from './test-helpers';
import {
  ACCESS_TOKEN_KEY,
  AUTH_STORAGE_AREA,
  AUTH_TAB_CHANNEL,
  TokenStorage,
} from './token-storage';

@Component({ selector: 'app-tabs-test-page', template: 'tabs page' })
class Page {}

interface Tab {
  store: AuthService;
  injector: Injector;
}

/** A tab's events, oldest first, without their times. */
function told(tab: Tab): Partial<AuthEvent>[] {
  return tab.injector
    .get(AuthEvents)
    .recent()
    .map(({ at, ...rest }) => {
      expect(at).toBeGreaterThan(0);
      return rest;
    })
    .reverse();
}

describe('tabs (two stores sharing one storage)', () => {
  let area: SharedArea;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    area = new SharedArea();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Page },
          { path: 'forbidden', component: Page },
          {
            path: '',
            ...guarded(),
            children: [
              { path: '', pathMatch: 'full', component: Page },
              { path: 'notes', component: Page },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AUTH_STORAGE_AREA, useValue: area },
        { provide: AUTH_TAB_CHANNEL, useValue: null },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => backend.verify());

  /** A tab: its own store, storage wrapper, relogin and sync, over the shared area and real locks. */
  function openTab({ syncing = true } = {}): Tab {
    const injector = createEnvironmentInjector(
      [AuthService, AuthEvents, TokenStorage, TabSync, Relogin, AuthApi],
      TestBed.inject(EnvironmentInjector),
    );
    if (syncing) {
      injector.get(TabSync).start();
    }
    return { store: injector.get(AuthService), injector };
  }

  async function signIn(tab: Tab, user = ALICE) {
    const done = tab.store.login(user.email, 'password');
    backend.expectOne('/auth/login').flush(grantBody(makeToken(user), user));
    await done;
  }

  it('sign-in, refresh and sign-out in one tab reach the other at once', async () => {
    const a = openTab();
    const b = openTab();
    expect(b.store.signedIn()).toBeFalse();

    await signIn(a);
    expect(b.store.signedIn()).toBeTrue();
    expect(b.store.user()).toEqual(ALICE);

    const refreshed = a.store.refreshOutcome('timer');
    const fresh = makeToken();
    await eventually(() => {
      const [req] = backend.match('/auth/refresh');
      req?.flush(grantBody(fresh));
      return req !== undefined;
    });
    await refreshed;
    expect(b.store.tokenIfFresh()).toBe(fresh);

    const out = a.store.signOut();
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(b.store.signedIn()).toBeFalse();
    expect(told(b).map((event) => event.type)).toEqual([
      'session-adopted',
      'token-refreshed',
      'signed-out',
    ]);
    expect(told(b)[0]).toEqual({ type: 'session-adopted', user: ALICE });
    expect(told(b)[1]).toEqual(
      jasmine.objectContaining({ type: 'token-refreshed', trigger: 'other-tab' }),
    );
    expect(told(b)[2]).toEqual({ type: 'signed-out', reason: 'other-tab' });
    expect(told(a).map((event) => event.type)).toEqual([
      'signed-in',
      'token-refreshed',
      'signed-out',
    ]);
  });

  it('tells a refresh of the same login from a new login by the sid claim', async () => {
    const a = openTab();
    const b = openTab();
    const login = (sid: string) => {
      const done = a.store.login(ALICE.email, 'password');
      backend.expectOne('/auth/login').flush(grantBody(makeToken(ALICE, Date.now(), 900, { sid })));
      return done;
    };
    await login('first');
    const refreshed = a.store.refreshOutcome('timer');
    await eventually(() => {
      const [req] = backend.match('/auth/refresh');
      req?.flush(grantBody(makeToken(ALICE, Date.now(), 900, { sid: 'first' })));
      return req !== undefined;
    });
    await refreshed;
    await login('second');
    expect(told(b).map((event) => [event.type, 'trigger' in event ? event.trigger : null])).toEqual(
      [
        ['session-adopted', null],
        ['token-refreshed', 'other-tab'],
        ['session-adopted', null],
      ],
    );
  });

  it('catches up when it starts, with a sign-in another tab made before it listened', async () => {
    const a = openTab();
    const late = openTab({ syncing: false });
    expect(late.store.signedIn()).toBeFalse();
    await signIn(a);
    expect(late.store.signedIn()).toBeFalse(); // not listening yet

    late.injector.get(TabSync).start();
    await settle();
    expect(late.store.user()).toEqual(ALICE);
  });

  it('two tabs refreshing together spend the refresh cookie once (Web Locks)', async () => {
    area.setItem(ACCESS_TOKEN_KEY, makeToken(ALICE, Date.now() - 895_000, 900));
    const a = openTab();
    const b = openTab();
    const both = Promise.all([a.store.refreshOutcome('timer'), b.store.refreshOutcome('timer')]);
    const fresh = makeToken();
    await eventually(() => {
      const [req] = backend.match('/auth/refresh');
      req?.flush(grantBody(fresh));
      return req !== undefined;
    });
    expect(await both).toEqual(['ok', 'ok']);
    await settle();
    backend.expectNone('/auth/refresh');
    expect(a.store.tokenIfFresh()).toBe(fresh);
    expect(b.store.tokenIfFresh()).toBe(fresh);
    // One of them refreshed; the other took its token, by tab sync or on getting the lock.
    const triggers = [a, b]
      .flatMap(told)
      .filter((event) => event.type === 'token-refreshed')
      .map((event) => ('trigger' in event ? event.trigger : null))
      .sort();
    expect(triggers).toEqual(['other-tab', 'timer']);
  });

  it('a tab on a guarded page goes to /login when another tab signs out', async () => {
    const a = openTab();
    await signIn(a);
    TestBed.inject(TabSync).start();
    await router.navigateByUrl('/notes');
    const out = a.store.signOut();
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await out;
    await eventually(() => TestBed.inject(AuthService).signedIn() === false);
    expect(router.url).toBe('/login');
  });

  it('a tab showing the login page follows a sign-in elsewhere to its returnUrl', async () => {
    TestBed.inject(TabSync).start();
    await router.navigateByUrl('/login?returnUrl=%2Fnotes');
    const a = openTab();
    await signIn(a);
    await eventually(() => router.url === '/notes');
    expect(router.url).toBe('/notes');
    expect(TestBed.inject(AuthService).user()).toEqual(ALICE);
  });

  it("leaves a page with the previous user's data when another user signs in elsewhere", async () => {
    const a = openTab();
    await signIn(a);
    TestBed.inject(TabSync).start();
    await router.navigateByUrl('/notes');
    await signIn(a, BOB);
    await eventually(() => router.url === '/');
    expect(router.url).toBe('/');
    expect(TestBed.inject(AuthService).user()).toEqual(BOB);
  });

  it('leaves the page to the re-login dialog when it is open', async () => {
    // One tab only: the router is shared by every tab of this test.
    const a = { store: TestBed.inject(AuthService), injector: TestBed.inject(Injector) };
    await signIn(a);
    TestBed.inject(TabSync).start();
    await router.navigateByUrl('/notes');
    const waiting = TestBed.inject(Relogin).waitForSignIn(ALICE);
    area.removeItem(ACCESS_TOKEN_KEY);
    await settle();
    expect(router.url).toBe('/notes');
    await signIn(a);
    await expectAsync(waiting).toBeResolvedTo('resumed');
  });
});
