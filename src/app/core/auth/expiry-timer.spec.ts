import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { guarded } from './auth-guard';
import { AuthEvents } from './auth-events';
import { AuthService } from './auth-service';
import { ExpiryTimer } from './expiry-timer';
import { Relogin } from './relogin';
import {
  ALICE,
  FakeStorageArea,
  eventually,
  grantBody,
  makeToken,
  provideLoneTab,
} from './test-helpers';
import { ACCESS_TOKEN_KEY, SESSION_META_KEY } from './token-storage';

@Component({ selector: 'app-timer-test-page', template: 'timer page' })
class Page {}

/** jasmine.clock() fakes setTimeout, so promise chains are drained with microtasks only. */
async function drain(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await Promise.resolve();
  }
}

const HOUR = 3600_000;

describe('ExpiryTimer', () => {
  let area: FakeStorageArea;
  let backend: HttpTestingController;
  let router: Router;
  let store: AuthService;
  let timer: ExpiryTimer;
  /** "Now" on the server; whole seconds, like iat and the Date header. */
  let START: number;

  function stored(token: string, clockOffsetMs = 0) {
    area.setItem(SESSION_META_KEY, JSON.stringify({ clockOffsetMs, signedInAt: START }));
    area.setItem(ACCESS_TOKEN_KEY, token);
  }

  /** A guarded page is only reachable signed in (else its guard would refresh first). */
  async function setUp(onGuardedPage = true) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Page },
          { path: 'public', component: Page },
          {
            path: '',
            ...guarded(),
            children: [{ path: 'notes', component: Page }],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    store = TestBed.inject(AuthService);
    timer = TestBed.inject(ExpiryTimer);
    // Navigate with real timers; the clock is faked afterwards.
    await router.navigateByUrl(onGuardedPage ? '/notes?_page=2' : '/public');
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
  }

  const refreshes = () => backend.match('/auth/refresh');
  /** The one refresh request the timer should have made by now. */
  function onlyRefresh() {
    const all = refreshes();
    expect(all.length).withContext('refresh requests').toBe(1);
    return all[0];
  }

  beforeEach(() => {
    area = new FakeStorageArea();
    START = Math.floor(Date.now() / 1000) * 1000;
  });

  afterEach(() => {
    jasmine.clock().uninstall();
    backend.verify();
  });

  it('refreshes shortly before exp, computed from the token, and re-arms for the new one', async () => {
    stored(makeToken(ALICE, START, 900));
    await setUp();
    timer.start();
    jasmine.clock().tick(839_000);
    await drain();
    expect(refreshes().length).toBe(0);
    jasmine.clock().tick(1_000);
    await drain();
    onlyRefresh().flush(grantBody(makeToken(ALICE, START + 840_000, 900)));
    await drain();
    expect(store.signedIn()).toBeTrue();
    // The margin of the default options: the timer's refresh, 60 s before the token expired.
    expect(TestBed.inject(AuthEvents).recent()[0]).toEqual(
      jasmine.objectContaining({
        type: 'token-refreshed',
        trigger: 'timer',
        secondsBeforeExpiry: 60,
      }),
    );

    jasmine.clock().tick(839_000);
    await drain();
    expect(refreshes().length).toBe(0);
    jasmine.clock().tick(1_000);
    await drain();
    onlyRefresh().flush(grantBody(makeToken(ALICE, START + 1_680_000, 900)));
    await drain();
  });

  it('refreshes at once after a reload when the stored token is already due', async () => {
    // Stored 20 minutes ago: a timer computed from "now + expiresIn" would wait 15 more minutes.
    stored(makeToken(ALICE, START - 20 * 60_000, 900));
    await setUp(false);
    timer.start();
    await drain();
    onlyRefresh().flush(grantBody(makeToken(ALICE, START, 900)));
    await drain();
  });

  for (const [label, skew] of [
    ['3 hours ahead', 3 * HOUR],
    ['3 hours behind', -3 * HOUR],
  ] as const) {
    it(`neither refreshes early nor late when the client clock is ${label}`, async () => {
      await setUp(false);
      timer.start();
      // The server's clock is START; the client's is START + skew.
      jasmine.clock().mockDate(new Date(START + skew));
      const login = store.login(ALICE.email, 'alice-password-1');
      backend.expectOne('/auth/login').flush(grantBody(makeToken(ALICE, START, 900)), {
        headers: { Date: new Date(START).toUTCString() },
      });
      await login;
      await drain();
      expect(store.hasFreshToken()).toBeTrue();
      const left = (store.expiresAt()?.getTime() ?? 0) - Date.now();
      expect(left).toBe(900_000);

      jasmine.clock().tick(839_000);
      await drain();
      expect(refreshes().length).toBe(0);
      expect(store.signedIn()).toBeTrue();
      jasmine.clock().tick(1_000);
      await drain();
      onlyRefresh().flush(grantBody(makeToken(ALICE, START + 840_000, 900)));
      await drain();
    });
  }

  it('refreshes on wake-up when setTimeout slept through the due time', async () => {
    stored(makeToken(ALICE, START, 900));
    await setUp();
    timer.start();
    // The laptop sleeps an hour: the wall clock jumps, timers did not run.
    jasmine.clock().mockDate(new Date(START + HOUR));
    document.dispatchEvent(new Event('visibilitychange'));
    await drain();
    onlyRefresh().flush(grantBody(makeToken(ALICE, START + HOUR, 900)));
    await drain();
    expect(store.hasFreshToken()).toBeTrue();
  });

  it('notices a clock jump on its heartbeat even without a visibility change', async () => {
    stored(makeToken(ALICE, START, 900));
    await setUp();
    timer.start();
    jasmine.clock().mockDate(new Date(START + HOUR));
    jasmine.clock().tick(10_000);
    await drain();
    onlyRefresh().flush(grantBody(makeToken(ALICE, START + HOUR, 900)));
    await drain();
  });

  it('when the refresh is refused: signed out at once and sent to login with the page', async () => {
    stored(makeToken(ALICE, START, 900));
    await setUp();
    timer.start();
    jasmine.clock().tick(840_000);
    await drain();
    onlyRefresh().flush(
      { error: 'invalid_grant', message: 'x' },
      { status: 401, statusText: 'No' },
    );
    await drain();
    expect(store.signedIn()).toBeFalse();
    // Navigation runs on real timers.
    jasmine.clock().uninstall();
    await eventually(() => router.url.startsWith('/login'));
    expect(router.url).toBe('/login?returnUrl=%2Fnotes%3F_page%3D2');
  });

  it('stays put when the refresh is refused on a public page or under the re-login dialog', async () => {
    stored(makeToken(ALICE, START, 900));
    await setUp(false);
    timer.start();
    jasmine.clock().tick(840_000);
    await drain();
    onlyRefresh().flush(
      { error: 'invalid_grant', message: 'x' },
      { status: 401, statusText: 'No' },
    );
    await drain();
    expect(router.url).toBe('/public');

    stored(makeToken(ALICE, START + 840_000, 900));
    store.syncFromStorage();
    await router.navigateByUrl('/notes');
    void TestBed.inject(Relogin).waitForSignIn(ALICE);
    jasmine.clock().tick(840_000);
    await drain();
    onlyRefresh().flush(
      { error: 'invalid_grant', message: 'x' },
      { status: 401, statusText: 'No' },
    );
    await drain();
    expect(router.url).toBe('/notes');
  });

  it('retries on the next heartbeat when the server could not be reached', async () => {
    stored(makeToken(ALICE, START, 900));
    await setUp();
    timer.start();
    jasmine.clock().tick(840_000);
    await drain();
    onlyRefresh().error(new ProgressEvent('error'));
    await drain();
    expect(store.signedIn()).toBeTrue();
    window.dispatchEvent(new Event('online'));
    await drain();
    onlyRefresh().flush(grantBody(makeToken(ALICE, START + 840_000, 900)));
    await drain();
    expect(router.url).toBe('/notes?_page=2');
  });

  it('is idle while signed out and stops when the session ends', async () => {
    await setUp(false);
    timer.start();
    jasmine.clock().tick(2 * HOUR);
    await drain();
    expect(refreshes().length).toBe(0);

    stored(makeToken(ALICE, START + 2 * HOUR, 900));
    store.syncFromStorage();
    store.end(true, 'user');
    timer.check();
    jasmine.clock().tick(HOUR);
    await drain();
    expect(refreshes().length).toBe(0);
  });

  it('does nothing on the server (no window)', async () => {
    stored(makeToken(ALICE, START - HOUR, 900));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
        { provide: DOCUMENT, useValue: document.implementation.createHTMLDocument('ssr') },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    jasmine.clock().install();
    TestBed.inject(ExpiryTimer).start();
    jasmine.clock().tick(HOUR);
    await drain();
    expect(refreshes().length).toBe(0);
  });
});
