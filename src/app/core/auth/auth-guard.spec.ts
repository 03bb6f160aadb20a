import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CanActivateFn, Router, Routes, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthEvents } from './auth-events';
import { authGuard, guarded, guestGuard } from './auth-guard';
import { AuthService } from './auth-service';
import { isOnGuardedPage } from './route-data';
import {
  ADMIN,
  ALICE,
  FakeStorageArea,
  grantBody,
  makeToken,
  settle,
  provideLoneTab,
} from './test-helpers';
import { ACCESS_TOKEN_KEY } from './token-storage';

@Component({ selector: 'app-guard-test-page', template: 'page' })
class Page {}

@Component({ selector: 'app-guard-test-admin', template: 'admin' })
class AdminPage {}

describe('guards (real routes)', () => {
  let area: FakeStorageArea;
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let router: Router;
  let adminChunkLoads: number;

  // Someone's own guard around authGuard, e.g. to log: the route still counts as guarded.
  const loggingGuard: CanActivateFn = (route, state) => authGuard(route, state);

  function routes(): Routes {
    return [
      { path: 'login', canActivate: [guestGuard], component: Page },
      { path: 'forbidden', component: Page },
      { path: '', pathMatch: 'full', ...guarded(), component: Page },
      {
        path: 'notes',
        ...guarded(),
        loadChildren: () =>
          Promise.resolve([
            { path: '', component: Page },
            { path: ':id', component: Page },
          ]),
      },
      {
        path: 'admin',
        ...guarded({ roles: ['admin'] }),
        loadComponent: () => {
          adminChunkLoads++;
          return Promise.resolve(AdminPage);
        },
      },
      { path: 'reports', ...guarded({ roles: ['admin'] }), canMatch: [], component: Page },
      { path: 'audit', ...guarded(), canActivate: [loggingGuard], component: Page },
      { path: 'review', ...guarded({ anyRole: ['admin', 'auditor'] }), component: Page },
      {
        path: 'staff',
        ...guarded({ allow: (user) => user.email.endsWith('@example.com') && user.id < 3 }),
        component: Page,
      },
      { path: '**', component: Page },
    ];
  }

  async function setUp(token: string | null) {
    area = new FakeStorageArea();
    adminChunkLoads = 0;
    if (token) {
      area.setItem(ACCESS_TOKEN_KEY, token);
    }
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes()),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  }

  /** Navigates, answering the one silent refresh the guard may make. */
  async function visit(url: string, refresh?: 'ok' | 'refused') {
    const done = harness.navigateByUrl(url);
    await settle();
    if (refresh === 'ok') {
      backend.expectOne('/auth/refresh').flush(grantBody(makeToken()));
    } else if (refresh === 'refused') {
      backend
        .expectOne('/auth/refresh')
        .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
    }
    await done;
    backend.verify();
    return router.url;
  }

  it('lets a signed-in user in without any request', async () => {
    await setUp(makeToken());
    expect(await visit('/notes/3')).toBe('/notes/3');
    expect(await visit('/')).toBe('/');
    expect(isOnGuardedPage(router)).toBeTrue();
  });

  it('sends a visitor to /login with the path asked for, after one silent refresh', async () => {
    await setUp(null);
    expect(await visit('/notes/3?_page=2', 'refused')).toBe(
      '/login?returnUrl=%2Fnotes%2F3%3F_page%3D2',
    );
    expect(isOnGuardedPage(router)).toBeFalse();
    expect(await visit('/notes', 'refused')).toBe('/login?returnUrl=%2Fnotes');
    expect(await visit('/nowhere')).toBe('/nowhere');
    expect(await visit('/', 'refused')).toBe('/login');
  });

  it('signs a visitor with a live refresh cookie in silently', async () => {
    await setUp(null);
    expect(await visit('/notes', 'ok')).toBe('/notes');
  });

  it('refreshes an expired token once before letting the user in', async () => {
    await setUp(makeToken(ALICE, Date.now() - 3600_000, 900));
    expect(await visit('/notes/1', 'ok')).toBe('/notes/1');
    expect(TestBed.inject(AuthEvents).recent()[0]).toEqual(
      jasmine.objectContaining({ type: 'token-refreshed', trigger: 'guard' }),
    );
  });

  it('sends a user without the role to /forbidden without loading the admin chunk', async () => {
    await setUp(makeToken(ALICE));
    expect(await visit('/admin')).toBe('/forbidden');
    expect(await visit('/reports')).toBe('/forbidden');
    expect(adminChunkLoads).toBe(0);
  });

  it('needs every role guarded() lists', async () => {
    await setUp(makeToken(ALICE, Date.now(), 900, { roles: ['admin'] }));
    expect(await visit('/admin')).toBe('/admin');
  });

  it('anyRole: one of the roles is enough', async () => {
    await setUp(makeToken(ALICE, Date.now(), 900, { roles: ['auditor'] }));
    expect(await visit('/review')).toBe('/review');
    expect(await visit('/admin')).toBe('/forbidden');
  });

  it('anyRole: none of the roles is not enough', async () => {
    await setUp(makeToken(ALICE));
    expect(await visit('/review')).toBe('/forbidden');
  });

  it('allow: a predicate over the user decides what roles cannot say', async () => {
    await setUp(makeToken(ALICE));
    expect(await visit('/staff')).toBe('/staff');
  });

  it('allow: the predicate saying no is the forbidden page', async () => {
    await setUp(makeToken(ADMIN));
    expect(await visit('/staff')).toBe('/forbidden');
  });

  it('counts a page as guarded from its route data, also when its guard is wrapped', async () => {
    await setUp(makeToken());
    expect(await visit('/audit')).toBe('/audit');
    expect(isOnGuardedPage(router)).toBeTrue();
    expect(await visit('/forbidden')).toBe('/forbidden');
    expect(isOnGuardedPage(router)).toBeFalse();
  });

  it('checks the session again on a navigation that changes only the query', async () => {
    await setUp(makeToken());
    expect(await visit('/notes')).toBe('/notes');
    // The token expires while the page is open (here: another tab stored an expired one).
    area.setItem(ACCESS_TOKEN_KEY, makeToken(ALICE, Date.now() - 3600_000, 900));
    TestBed.inject(AuthService).syncFromStorage();
    expect(await visit('/notes?page=2', 'refused')).toBe('/login?returnUrl=%2Fnotes%3Fpage%3D2');
  });

  it('lets an admin into /admin', async () => {
    await setUp(makeToken(ADMIN));
    expect(await visit('/admin')).toBe('/admin');
    expect(adminChunkLoads).toBe(1);
    expect(harness.routeNativeElement?.textContent).toContain('admin');
  });

  it('sends a visitor asking for a role page to /login, not /forbidden', async () => {
    await setUp(null);
    expect(await visit('/admin', 'refused')).toBe('/login?returnUrl=%2Fadmin');
    expect(adminChunkLoads).toBe(0);
  });

  it('guestGuard: shows the login page to visitors', async () => {
    await setUp(null);
    expect(await visit('/login?returnUrl=%2Fnotes')).toBe('/login?returnUrl=%2Fnotes');
  });

  it('guestGuard: sends a signed-in user to the sanitized returnUrl or /', async () => {
    await setUp(makeToken());
    expect(await visit('/login?returnUrl=%2Fnotes%2F2')).toBe('/notes/2');
    expect(await visit('/login?returnUrl=%2F%2Fevil.example')).toBe('/');
    expect(await visit('/login?returnUrl=https%3A%2F%2Fevil.example')).toBe('/');
    expect(await visit('/login')).toBe('/');
  });

  it('guestGuard: shows the login page when the stale session cannot be renewed', async () => {
    await setUp(makeToken(ALICE, Date.now() - 3600_000, 900));
    expect(await visit('/login', 'refused')).toBe('/login');
  });
});
