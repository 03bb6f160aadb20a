import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  Component,
  DOCUMENT,
  EnvironmentInjector,
  Injector,
  createEnvironmentInjector,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthApi } from './auth-api';
import { AuthEvents } from './auth-events';
import { guarded } from './auth-guard';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS } from './auth-options';
import { AuthService } from './auth-service';
import { ExpiryTimer } from './expiry-timer';
import { Inactivity } from './inactivity';
import { Relogin } from './relogin';
import { TabSync } from './tab-sync';
import { ALICE, FakeStorageArea, makeToken, SharedArea, provideLoneTab } from './test-helpers';
import {
  ACCESS_TOKEN_KEY,
  AUTH_STORAGE_AREA,
  AUTH_TAB_CHANNEL,
  SESSION_META_KEY,
  TokenStorage,
} from './token-storage';
import { UserDrafts } from './user-drafts';

@Component({ selector: 'app-idle-test-page', template: 'idle page' })
class Page {}

/**
 * A tab's own document for input and visibility (the window, and so storage events, are shared):
 * input dispatched on one tab's document is not seen by the other.
 */
function tabDocument(visibility: DocumentVisibilityState = 'visible'): Document {
  return Object.assign(new EventTarget(), {
    defaultView: window,
    body: document.body,
    visibilityState: visibility,
  }) as unknown as Document;
}

/** jasmine.clock() fakes setTimeout, so promise chains are drained with microtasks only. */
async function drain(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await Promise.resolve();
  }
}

/** A real task (MessageChannel is not faked): the dialog's module import settles in its own time. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  }
}

const TIMEOUT_MS = 600_000;
const WARNING_MS = 60_000;

interface Tab {
  auth: AuthService;
  idle: Inactivity;
  doc: Document;
  injector: EnvironmentInjector;
}

describe('Inactivity', () => {
  let area: SharedArea;
  let backend: HttpTestingController;
  let router: Router;
  let START: number;
  const tabs: Tab[] = [];

  beforeAll(async () => {
    // Loaded ahead: with a fake clock the chunk's fetch would otherwise race the assertions.
    await import('./inactivity-warning');
  });

  beforeEach(async () => {
    area = new SharedArea();
    START = Math.floor(Date.now() / 1000) * 1000;
    area.setItem(SESSION_META_KEY, JSON.stringify({ clockOffsetMs: 0, signedInAt: START }));
    area.setItem(ACCESS_TOKEN_KEY, makeToken(ALICE, START, 3600));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Page },
          { path: '', ...guarded(), children: [{ path: 'notes', component: Page }] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AUTH_OPTIONS,
          useValue: {
            ...DEFAULT_AUTH_OPTIONS,
            idle: { timeoutSeconds: TIMEOUT_MS / 1000, warningSeconds: WARNING_MS / 1000 },
          },
        },
        ...provideLoneTab(area),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    // Navigate with real timers; the clock is faked afterwards.
    await router.navigateByUrl('/notes');
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
  });

  afterEach(() => {
    for (const tab of tabs.splice(0)) {
      tab.injector.destroy();
    }
    jasmine.clock().uninstall();
    backend.verify();
  });

  /** A tab: its own store, storage wrapper, sync and timeout over the shared area and router. */
  function openTab(visibility: DocumentVisibilityState = 'visible'): Tab {
    const doc = tabDocument(visibility);
    const injector = createEnvironmentInjector(
      [
        AuthService,
        TokenStorage,
        TabSync,
        Relogin,
        AuthApi,
        Inactivity,
        ExpiryTimer,
        { provide: DOCUMENT, useValue: doc },
      ],
      TestBed.inject(EnvironmentInjector),
    );
    injector.get(TabSync).start();
    injector.get(Inactivity).start();
    const tab = { auth: injector.get(AuthService), idle: injector.get(Inactivity), doc, injector };
    tabs.push(tab);
    return tab;
  }

  /** The one tab that renders the warning: the test's own document (a stand-in has no <head> for styles). */
  function renderingTab(): Tab {
    TestBed.inject(TabSync).start();
    TestBed.inject(Inactivity).start();
    return {
      auth: TestBed.inject(AuthService),
      idle: TestBed.inject(Inactivity),
      doc: document,
      injector: TestBed.inject(EnvironmentInjector),
    };
  }

  function press(tab: Tab): void {
    tab.doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  }

  function warningDialog(): HTMLDialogElement | null {
    return document.querySelector('app-inactivity-warning dialog');
  }

  function button(name: string): HTMLButtonElement {
    return [...(warningDialog()?.querySelectorAll('button') ?? [])].find(
      (element) => element.textContent?.trim() === name,
    )!;
  }

  async function tick(ms: number): Promise<void> {
    jasmine.clock().tick(ms);
    await drain();
  }

  it('warns at idle time minus warning time, then signs out for inactivity with no answer', async () => {
    const tab = renderingTab();
    await tick(TIMEOUT_MS - WARNING_MS - 1_000);
    expect(tab.idle.warning()).toBeFalse();

    await tick(1_000);
    expect(tab.idle.warning()).toBeTrue();
    await until(() => warningDialog() !== null);
    const dialog = warningDialog();
    expect(dialog?.getAttribute('role')).toBe('alertdialog');
    expect(dialog?.open).toBeTrue();
    expect(document.activeElement).toBe(button('Stay signed in'));
    expect(dialog?.textContent).toContain('1 minute');
    await tick(15_000);
    expect(warningDialog()?.textContent).toContain('45 seconds');

    await tick(45_000);
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await until(() => router.url.startsWith('/login'));
    expect(tab.auth.signedIn()).toBeFalse();
    expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
    expect(router.url).toBe('/login?returnUrl=%2Fnotes&reason=inactive');
    expect(warningDialog()).toBeNull();
    expect(TestBed.inject(AuthEvents).recent()[0]).toEqual(
      jasmine.objectContaining({ type: 'signed-out', reason: 'inactivity' }),
    );
  });

  it('Stay signed in closes the warning and starts the idle time afresh', async () => {
    const tab = renderingTab();
    await tick(TIMEOUT_MS - WARNING_MS);
    expect(tab.idle.warning()).toBeTrue();
    await until(() => warningDialog() !== null);

    button('Stay signed in').click();
    await drain();
    expect(tab.idle.warning()).toBeFalse();
    expect(warningDialog()).toBeNull();

    await tick(TIMEOUT_MS - WARNING_MS - 1_000);
    expect(tab.idle.warning()).toBeFalse();
    expect(tab.auth.signedIn()).toBeTrue();
    backend.expectNone('/auth/logout');
  });

  it('activity in another tab keeps this one signed in, and closes its warning', async () => {
    const a = openTab();
    const b = openTab();
    await tick(TIMEOUT_MS / 2);
    press(b);
    await tick(TIMEOUT_MS / 2);
    expect(a.idle.warning()).withContext('deadline moved by the other tab').toBeFalse();
    expect(a.auth.signedIn()).toBeTrue();

    await tick(TIMEOUT_MS / 2 - WARNING_MS);
    expect(a.idle.warning()).toBeTrue();
    expect(b.idle.warning()).toBeTrue();
    b.idle.stay();
    await drain();
    expect(a.idle.warning()).toBeFalse();
    expect(b.idle.warning()).toBeFalse();
    backend.expectNone('/auth/logout');
  });

  it('a tab hearing of an inactivity sign-out says why, even before its own clock got there', async () => {
    const a = openTab();
    const b = openTab();
    await tick(60_000);
    const out = a.auth.signOut({ returnUrl: '/notes', reason: 'inactive' });
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await drain();
    void out;
    expect(b.auth.signedIn()).toBeFalse();
    // The router is shared by both tabs here, and already on /login: only the reason is B's to add.
    expect(b.idle.loginAfterIdleEnd()?.queryParams).toEqual({ reason: 'inactive' });

    area.setItem(ACCESS_TOKEN_KEY, makeToken(ALICE, START, 3600));
    await drain();
    const deliberate = a.auth.signOut();
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await drain();
    void deliberate;
    expect(b.idle.loginAfterIdleEnd()).withContext('after a deliberate sign-out').toBeNull();
  });

  it('does not count input in a hidden tab', async () => {
    const visible = openTab();
    const hidden = openTab('hidden');
    await tick(TIMEOUT_MS - WARNING_MS - 1_000);
    press(hidden);
    await tick(1_000);
    expect(visible.idle.warning()).toBeTrue();
    expect(hidden.idle.warning()).toBeTrue();

    press(visible);
    await drain();
    expect(visible.idle.warning()).toBeFalse();
    expect(hidden.idle.warning()).toBeFalse();
  });

  it('tells other tabs of ongoing input at most once per interval, and the last of it too', async () => {
    const a = openTab();
    openTab();
    await tick(60_000);
    const writes = spyOn(area, 'setItem').and.callThrough();
    press(a);
    await tick(1_000);
    press(a);
    await tick(1_000);
    press(a);
    const activityWrites = () =>
      writes.calls.allArgs().filter(([key]) => key === 'tokengate.lastActivity').length;
    expect(activityWrites()).toBe(1);
    await tick(5_000);
    expect(activityWrites()).withContext('the trailing write').toBe(2);
  });

  it('the expiry timer does not renew a session whose idle time ran out (a tab waking from sleep)', async () => {
    const tab = openTab();
    // The machine slept: the wall clock jumped, no timer ran.
    jasmine.clock().mockDate(new Date(START + TIMEOUT_MS + 3_600_000));
    expect(tab.idle.timedOut()).toBeTrue();
    tab.injector.get(ExpiryTimer).check();
    await drain();
    backend.expectNone('/auth/refresh');
  });

  it('keeps drafts on an inactivity sign-out and drops them on a deliberate one', async () => {
    const tab = openTab();
    const drafts = tab.injector.get(UserDrafts).forUser(ALICE.id);
    drafts.write('notes.new', { title: 'Half', body: 'typed' });

    await tick(TIMEOUT_MS);
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await drain();
    expect(tab.auth.signedIn()).toBeFalse();
    expect(drafts.read('notes.new')).toEqual({ title: 'Half', body: 'typed' });

    area.setItem(ACCESS_TOKEN_KEY, makeToken(ALICE, START + TIMEOUT_MS, 3600));
    await drain();
    expect(tab.auth.signedIn()).toBeTrue();
    const out = tab.auth.signOut();
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await drain();
    void out;
    expect(drafts.read('notes.new')).toBeNull();
  });
});

describe('Inactivity without an idle time', () => {
  it('does nothing and never times out', () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AUTH_STORAGE_AREA, useValue: new FakeStorageArea() },
        { provide: AUTH_TAB_CHANNEL, useValue: null },
      ],
    });
    const idle = TestBed.inject(Inactivity);
    idle.start();
    expect(idle.timedOut(Date.now() + 365 * 24 * 3_600_000)).toBeFalse();
    expect(idle.loginAfterIdleEnd()).toBeNull();
    expect(idle.timeoutMinutes).toBeNull();
    expect(TestBed.inject(Injector).get(Inactivity).warning()).toBeFalse();
  });
});
