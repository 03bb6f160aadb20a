import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthEvents, AuthService } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { SessionPage } from './session-page';

const SID = 'login-7f3a';

describe('SessionPage', () => {
  let http: HttpTestingController;

  async function render(claims: Record<string, unknown> = { sid: SID }) {
    TestBed.configureTestingModule({
      providers: [
        provideAuthTesting({ user: { name: 'Ada Admin' }, claims }),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SessionPage);
    await fixture.whenStable();
    return fixture;
  }

  const page = (fixture: Awaited<ReturnType<typeof render>>): HTMLElement => fixture.nativeElement;
  const button = (element: HTMLElement) =>
    [...element.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'End this session on the server',
    )!;
  const timeline = (element: HTMLElement) =>
    [...element.querySelectorAll('.timeline li span')].map((span) => span.textContent?.trim());

  /** The page goes on once an answer's promise settles: let it run, then render. */
  async function answered(fixture: Awaited<ReturnType<typeof render>>) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the signed-in flag, and it turns when the session ends', async () => {
    const fixture = await render();
    expect(page(fixture).querySelector('.signed-in')?.textContent?.trim()).toBe('Yes');
    TestBed.inject(AuthService).end(true, 'revoked');
    await fixture.whenStable();
    expect(page(fixture).querySelector('.signed-in')?.textContent?.trim()).toBe('No');
    expect(button(page(fixture)).disabled).toBeTrue();
    expect(page(fixture).textContent).toContain('There is no access token');
  });

  it('shows the header and claims decoded, never the token or its signature', async () => {
    const fixture = await render();
    const element = page(fixture);
    const fields = [...element.querySelectorAll('dl.details div')].map((row) => [
      row.querySelector('dt')?.textContent?.trim(),
      row.querySelector('dd')?.textContent?.trim().replace(/\s+/g, ' '),
    ]);
    expect(fields).toContain(['alg', 'HS256']);
    expect(fields).toContain(['typ', 'JWT']);
    expect(fields).toContain(['sid', SID]);
    expect(fields).toContain(['name', 'Ada Admin']);
    expect(fields).toContain(['roles', 'user']);
    const exp = fields.find(([name]) => name === 'exp')?.[1] ?? '';
    expect(exp).toMatch(/^\d+ \(.+\)$/);
    // The testing token's signature is the word "signature"; neither it nor the encoded claims show.
    const [, payload, signature] = TestBed.inject(AuthService).tokenIfFresh()!.split('.');
    const values = [...element.querySelectorAll('dd')].map((dd) => dd.textContent ?? '');
    expect(values.some((value) => value.includes(signature))).toBeFalse();
    expect(element.textContent).not.toContain(payload);
  });

  it('lists what the auth core did, newest first, in words', async () => {
    const fixture = await render();
    const events = TestBed.inject(AuthEvents);
    events.emit({
      type: 'token-refreshed',
      trigger: 'timer',
      secondsBeforeExpiry: 60,
      expiresAt: Date.now() + 900_000,
    });
    events.emit({ type: 'request-replayed', method: 'POST', url: '/api/notes', after: 'refresh' });
    await fixture.whenStable();
    expect(timeline(page(fixture))).toEqual([
      'POST /api/notes replayed after a token refresh',
      'Token refreshed by the timer, 60 s before it expired',
      'Session of Ada Admin restored from an earlier visit',
    ]);
    // Each new event is said once, politely; what was there before the page opened is not.
    expect(page(fixture).querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe(
      'POST /api/notes replayed after a token refresh',
    );
  });

  it('says nothing in its live region for what happened before the page opened', async () => {
    const fixture = await render();
    expect(timeline(page(fixture)).length).toBe(1);
    expect(page(fixture).querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe('');
  });

  it('ends this login on the server by its sid, then asks the server who the user is', async () => {
    const fixture = await render();
    const element = page(fixture);
    button(element).click();
    await fixture.whenStable();
    expect(button(element).disabled).toBeTrue();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Ending this session');

    const end = http.expectOne(`/auth/sessions/${SID}`);
    expect(end.request.method).toBe('DELETE');
    end.flush(null, { status: 204, statusText: 'No Content' });
    await answered(fixture);
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'The server ended this session',
    );

    http
      .expectOne('/auth/me')
      .flush({ id: 1, email: 'a@example.com', name: 'Ada Admin', roles: [] });
    await answered(fixture);
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'the server says you are Ada Admin',
    );
    expect(button(element).disabled).toBeFalse();
  });

  it('says in words when the server could not end it', async () => {
    const fixture = await render();
    const element = page(fixture);
    button(element).click();
    http
      .expectOne(`/auth/sessions/${SID}`)
      .flush({ error: 'not_found', message: 'No such login' }, { status: 404, statusText: 'No' });
    await answered(fixture);
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      "That couldn't be found.",
    );
    expect(element.textContent).not.toContain('not_found');
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('');
    http.expectNone('/auth/me');
  });

  it('cannot end a login its token does not name', async () => {
    const fixture = await render({});
    expect(button(page(fixture)).disabled).toBeTrue();
    expect(page(fixture).textContent).toContain('does not name its login');
  });
});
