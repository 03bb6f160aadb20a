import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LoginSession } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { SessionsList } from './sessions-list';

const HERE: LoginSession = {
  id: 'a1',
  createdAt: '2026-03-01T09:00:00.000Z',
  lastUsedAt: '2026-03-01T10:00:00.000Z',
  device: 'Chrome on Linux',
  current: true,
};
const PHONE: LoginSession = {
  id: 'b2',
  createdAt: '2026-02-27T08:00:00.000Z',
  lastUsedAt: '2026-02-28T20:00:00.000Z',
  device: 'Safari on iOS',
  current: false,
};
const LAPTOP: LoginSession = {
  id: 'c3',
  createdAt: '2026-02-20T08:00:00.000Z',
  lastUsedAt: '2026-02-21T20:00:00.000Z',
  device: 'Firefox on Windows',
  current: false,
};

describe('SessionsList (Where you are signed in)', () => {
  let http: HttpTestingController;

  async function render(sessions: LoginSession[] = [HERE, PHONE, LAPTOP]) {
    TestBed.configureTestingModule({
      providers: [provideAuthTesting(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SessionsList);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain("Loading where you're signed in");
    http.expectOne({ method: 'GET', url: '/auth/sessions' }).flush(sessions);
    await fixture.whenStable();
    return fixture;
  }

  afterEach(() => http.verify());

  const rows = (element: HTMLElement) => [...element.querySelectorAll('.logins li')];
  const buttonNamed = (scope: Element, name: string) =>
    [...scope.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);

  it('lists each login with its device and times, this device marked, Sign out on the others', async () => {
    const element: HTMLElement = (await render()).nativeElement;
    expect(element.querySelector('h2')?.textContent?.trim()).toBe("Where you're signed in");
    const [here, phone, laptop] = rows(element);
    expect(here.textContent).toContain('Chrome on Linux');
    expect(here.textContent).toContain('This device');
    expect(buttonNamed(here, 'Sign out')).toEqual([]);
    expect(phone.textContent).toContain('Safari on iOS');
    expect(phone.textContent).not.toContain('This device');
    expect(phone.querySelector('time')?.getAttribute('datetime')).toBe(PHONE.createdAt);
    expect(buttonNamed(laptop, 'Sign out').length).toBe(1);
  });

  it('gives each Sign out button the login it ends as its description', async () => {
    const element: HTMLElement = (await render()).nativeElement;
    const [button] = buttonNamed(rows(element)[1], 'Sign out');
    const described = (button.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => element.querySelector(`#${id}`)?.textContent?.replace(/\s+/g, ' ').trim());
    expect(described[0]).toBe('Safari on iOS');
    expect(described[1]).toMatch(/^Signed in .+, last active .+$/);
  });

  it('Sign out ends that login, then lists what is left and says so', async () => {
    const fixture = await render();
    const element: HTMLElement = fixture.nativeElement;
    buttonNamed(rows(element)[1], 'Sign out')[0].click();
    const end = http.expectOne('/auth/sessions/b2');
    expect(end.request.method).toBe('DELETE');
    end.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/auth/sessions').flush([HERE, LAPTOP]);
    await fixture.whenStable();
    expect(rows(element).map((row) => row.querySelector('.device')?.textContent?.trim())).toEqual([
      'Chrome on Linux This device',
      'Firefox on Windows',
    ]);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Signed out Safari on iOS.');
    expect(document.activeElement).toBe(element.querySelector('h2'));
  });

  it('says in words that a login had already ended, and lists again', async () => {
    const fixture = await render();
    const element: HTMLElement = fixture.nativeElement;
    buttonNamed(rows(element)[2], 'Sign out')[0].click();
    http
      .expectOne('/auth/sessions/c3')
      .flush({ error: 'not_found', message: 'No such login' }, { status: 404, statusText: 'No' });
    http.expectOne('/auth/sessions').flush([HERE, PHONE]);
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe(
      'That login had already ended.',
    );
    expect(element.textContent).not.toContain('not_found');
  });

  it('Sign out everywhere else asks first; Cancel keeps everything', async () => {
    const fixture = await render();
    const element: HTMLElement = fixture.nativeElement;
    buttonNamed(element, 'Sign out everywhere else')[0].click();
    await fixture.whenStable();
    const group = element.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).toBe('everywhere-heading');
    expect(group.textContent).toContain('The 2 other logins end at once');
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel');

    buttonNamed(group, 'Cancel')[0].click();
    await fixture.whenStable();
    expect(element.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement?.textContent?.trim()).toBe('Sign out everywhere else');
    http.expectNone(() => true);
  });

  it('Escape in the confirmation counts as Cancel', async () => {
    const fixture = await render();
    const element: HTMLElement = fixture.nativeElement;
    buttonNamed(element, 'Sign out everywhere else')[0].click();
    await fixture.whenStable();
    element
      .querySelector('[role="group"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(element.querySelector('[role="group"]')).toBeNull();
  });

  it('once confirmed, ends every other login and keeps this one', async () => {
    const fixture = await render([HERE, PHONE]);
    const element: HTMLElement = fixture.nativeElement;
    buttonNamed(element, 'Sign out everywhere else')[0].click();
    await fixture.whenStable();
    expect(element.querySelector('[role="group"]')?.textContent).toContain(
      'The other login ends at once',
    );
    buttonNamed(element, 'Yes, sign out everywhere else')[0].click();
    const end = http.expectOne('/auth/sessions');
    expect(end.request.method).toBe('DELETE');
    end.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne({ method: 'GET', url: '/auth/sessions' }).flush([HERE]);
    await fixture.whenStable();
    expect(rows(element).length).toBe(1);
    expect(element.querySelector('[role="status"]')?.textContent).toBe(
      'Signed out everywhere else.',
    );
    expect(buttonNamed(element, 'Sign out everywhere else')).toEqual([]);
    expect(element.textContent).toContain('You are not signed in anywhere else.');
  });

  it('explains a list that could not be loaded in words, and tries again', async () => {
    TestBed.configureTestingModule({
      providers: [provideAuthTesting(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SessionsList);
    await fixture.whenStable();
    http.expectOne('/auth/sessions').error(new ProgressEvent('error'));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('[role="alert"]')?.textContent).toContain("can't be reached");
    buttonNamed(element, 'Try again')[0].click();
    http.expectOne('/auth/sessions').flush([HERE]);
    await fixture.whenStable();
    expect(rows(element).length).toBe(1);
  });
});
