import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { guarded } from './auth-guard';
import { AuthEvents } from './auth-events';
import { authInterceptor } from './auth-interceptor';
import { AuthService } from './auth-service';
import { Relogin } from './relogin';
import {
  ALICE,
  BOB,
  FakeStorageArea,
  grantBody,
  makeToken,
  settle,
  eventually,
  provideLoneTab,
} from './test-helpers';
import { ACCESS_TOKEN_KEY } from './token-storage';

@Component({ selector: 'app-relogin-test-page', template: 'guarded page' })
class Page {}

interface Outcome {
  values: unknown[];
  errors: HttpErrorResponse[];
}

describe('ReloginDialog (session ends during an API call on a guarded page)', () => {
  let area: FakeStorageArea;
  let backend: HttpTestingController;
  let http: HttpClient;
  let store: AuthService;
  let router: Router;

  beforeEach(async () => {
    area = new FakeStorageArea();
    area.setItem(ACCESS_TOKEN_KEY, makeToken(ALICE));
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
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    http = TestBed.inject(HttpClient);
    store = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/notes');
  });

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('app-relogin-dialog').forEach((element) => element.remove());
  });

  /** The open dialog; Relogin creates it on the page's body and removes it when done. */
  const dialog = () => document.querySelector<HTMLDialogElement>('app-relogin-dialog dialog')!;
  const dialogShown = () => document.querySelector('app-relogin-dialog dialog[open]') !== null;
  const input = (label: string) => {
    const id = [...dialog().querySelectorAll('label')]
      .find((l) => l.textContent?.trim() === label)
      ?.getAttribute('for');
    return dialog().querySelector(`#${id}`) as HTMLInputElement;
  };
  const button = (name: string) =>
    [...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  /** The types of the events told so far, oldest first. */
  const told = () =>
    TestBed.inject(AuthEvents)
      .recent()
      .map((event) => event.type)
      .reverse();

  function track(url: string, method: 'GET' | 'POST' = 'GET'): Outcome {
    const outcome: Outcome = { values: [], errors: [] };
    const request = method === 'GET' ? http.get(url) : http.post(url, { title: 'draft' });
    request.subscribe({
      next: (value) => outcome.values.push(value),
      error: (error: HttpErrorResponse) => outcome.errors.push(error),
    });
    return outcome;
  }

  /** Two requests meet a dead session: 401, then the refresh is refused. */
  async function endSessionDuringRequests(): Promise<[Outcome, Outcome]> {
    const list = track('/api/notes');
    const save = track('/api/notes', 'POST');
    await settle(1);
    for (const req of backend.match('/api/notes')) {
      req.flush(
        { error: 'invalid_token', message: 'x' },
        { status: 401, statusText: 'Unauthorized' },
      );
    }
    await settle(1);
    backend
      .expectOne('/auth/refresh')
      .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
    // The dialog comes from a chunk of its own: wait for it, not for a number of ticks.
    await eventually(dialogShown);
    await settle();
    return [list, save];
  }

  async function signInThroughDialog(password: string) {
    const field = input('Password');
    field.value = password;
    field.dispatchEvent(new Event('input'));
    button('Sign in').click();
    await settle(1);
  }

  it('opens over the page, then replays each waiting request exactly once', async () => {
    const [list, save] = await endSessionDuringRequests();

    expect(store.signedIn()).toBeFalse();
    expect(router.url).toBe('/notes');
    expect(dialogShown()).toBeTrue();
    expect(dialog().getAttribute('aria-labelledby')).toBe('relogin-title');
    expect(dialog().querySelector('#relogin-title')?.textContent).toContain('session has ended');
    expect(input('Email').value).toBe(ALICE.email);
    expect(document.activeElement).toBe(input('Password'));
    expect(list.errors.length + list.values.length + save.values.length).toBe(0);

    await signInThroughDialog('alice-password-1');
    const login = backend.expectOne('/auth/login');
    expect(login.request.body).toEqual({ email: ALICE.email, password: 'alice-password-1' });
    const fresh = makeToken(ALICE);
    login.flush(grantBody(fresh));
    await settle();

    const replays = backend.match('/api/notes');
    expect(replays.map((r) => r.request.method).sort()).toEqual(['GET', 'POST']);
    for (const req of replays) {
      expect(req.request.headers.get('Authorization')).toBe(`Bearer ${fresh}`);
      req.flush({ method: req.request.method });
    }
    await settle();
    expect(list.values).toEqual([{ method: 'GET' }]);
    expect(save.values).toEqual([{ method: 'POST' }]);
    expect(list.errors.length + save.errors.length).toBe(0);
    expect(store.signedIn()).toBeTrue();
    expect(dialogShown()).toBeFalse();
    expect(document.querySelector('app-relogin-dialog')).toBeNull();
    expect(router.url).toBe('/notes');
    backend.expectNone(() => true);
    expect(told()).toEqual([
      'session-restored',
      'refresh-failed',
      'signed-out',
      'relogin-opened',
      'signed-in',
      'relogin-resumed',
      'request-replayed',
      'request-replayed',
    ]);
    expect(TestBed.inject(AuthEvents).recent()[0]).toEqual(
      jasmine.objectContaining({ type: 'request-replayed', after: 'sign-in' }),
    );
  });

  it('queues requests the page makes while the dialog is open, and replays them once', async () => {
    const [list] = await endSessionDuringRequests();
    const later = track('/api/notes/7');
    await settle(1);
    backend.expectNone('/api/notes/7');
    await signInThroughDialog('alice-password-1');
    backend.expectOne('/auth/login').flush(grantBody(makeToken(ALICE)));
    await settle();
    for (const req of backend.match((r) => r.url.startsWith('/api/notes'))) {
      req.flush({ url: req.request.url });
    }
    await settle();
    expect(later.values).toEqual([{ url: '/api/notes/7' }]);
    expect(list.values).toEqual([{ url: '/api/notes' }]);
    // The request that waited unsent is sent, not replayed: only the two that met the 401 are.
    expect(told().filter((type) => type === 'request-replayed').length).toBe(2);
  });

  it('gives up when the user leaves the guarded page', async () => {
    const [list, save] = await endSessionDuringRequests();
    await router.navigateByUrl('/login');
    await settle();
    expect(list.errors.length).toBe(1);
    expect(save.errors.length).toBe(1);
    expect(dialogShown()).toBeFalse();
    expect(document.querySelector('app-relogin-dialog')).toBeNull();
  });

  it('keeps the dialog open with words after a wrong password', async () => {
    await endSessionDuringRequests();
    await signInThroughDialog('wrong');
    backend
      .expectOne('/auth/login')
      .flush({ error: 'invalid_credentials', message: 'x' }, { status: 401, statusText: 'No' });
    await settle();
    expect(dialogShown()).toBeTrue();
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain(
      'Wrong email or password',
    );
    expect(input('Password').value).toBe('');
    const cancelled = TestBed.inject(Relogin).cancel();
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await cancelled;
  });

  it('Cancel signs out, fails the waiting requests once and goes to the login page', async () => {
    const [list, save] = await endSessionDuringRequests();
    button('Cancel').click();
    await settle(1);
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(list.errors.length).toBe(1);
    expect(save.errors.length).toBe(1);
    expect(list.values.length + save.values.length).toBe(0);
    expect(router.url).toBe('/login?returnUrl=%2Fnotes');
    expect(dialogShown()).toBeFalse();
    expect(document.querySelector('app-relogin-dialog')).toBeNull();
    backend.expectNone('/api/notes');
    // The session had already ended: Cancel abandons the wait, and ends no second session.
    expect(told().slice(-2)).toEqual(['relogin-opened', 'relogin-abandoned']);
  });

  it('Escape counts as Cancel', async () => {
    await endSessionDuringRequests();
    dialog().dispatchEvent(new Event('cancel', { cancelable: true }));
    await settle(1);
    backend.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(router.url).toBe('/login?returnUrl=%2Fnotes');
  });

  it('another user signing in drops the waiting requests and leaves the page for /', async () => {
    const [list, save] = await endSessionDuringRequests();
    const email = input('Email');
    email.value = BOB.email;
    email.dispatchEvent(new Event('input'));
    await signInThroughDialog('bob-password-1');
    backend.expectOne('/auth/login').flush(grantBody(makeToken(BOB), BOB));
    await settle();
    expect(list.errors.length).toBe(1);
    expect(save.errors.length).toBe(1);
    backend.expectNone('/api/notes');
    expect(store.user()).toEqual(BOB);
    expect(router.url).toBe('/');
  });

  it('resumes when the same user signs in from another tab', async () => {
    const [list] = await endSessionDuringRequests();
    const fresh = makeToken(ALICE);
    area.setItem(ACCESS_TOKEN_KEY, fresh);
    store.syncFromStorage();
    await settle();
    for (const req of backend.match('/api/notes')) {
      req.flush(req.request.method === 'GET' ? [] : {});
    }
    await settle();
    expect(list.values).toEqual([[]]);
    expect(dialogShown()).toBeFalse();
    expect(document.querySelector('app-relogin-dialog')).toBeNull();
  });

  it('fails the request at once when the page is not guarded', async () => {
    await router.navigateByUrl('/forbidden');
    const outcome = track('/api/users');
    await settle(1);
    backend
      .expectOne('/api/users')
      .flush({ error: 'token_expired', message: 'x' }, { status: 401, statusText: 'No' });
    await settle(1);
    backend
      .expectOne('/auth/refresh')
      .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
    await settle();
    expect(outcome.errors.length).toBe(1);
    expect(dialogShown()).toBeFalse();
    expect(document.querySelector('app-relogin-dialog')).toBeNull();
  });
});
