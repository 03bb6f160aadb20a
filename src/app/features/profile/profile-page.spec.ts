import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuthUser } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { ProfilePage } from './profile-page';

const ADA: AuthUser = {
  id: 3,
  email: 'admin@example.com',
  name: 'Ada Admin',
  roles: ['user', 'admin'],
};

describe('ProfilePage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideAuthTesting({ user: ADA }),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ProfilePage);
    await fixture.whenStable();
    // The list of logins asks for itself; its own spec covers it (sessions-list.spec.ts).
    http.expectOne('/auth/sessions').flush([]);
    return fixture;
  }

  async function answer(fixture: Awaited<ReturnType<typeof render>>, body: object, status = 200) {
    http.expectOne('/auth/me').flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows the user the server returns from /auth/me, with the roles', async () => {
    const page = await answer(await render(), ADA);
    const text = page.textContent ?? '';
    expect(page.querySelectorAll('h1').length).toBe(1);
    expect(text).toContain('Ada Admin');
    expect(text).toContain('admin@example.com');
    const roles = [...page.querySelectorAll('.roles li')].map((li) => li.textContent?.trim());
    expect(roles).toEqual(['user', 'admin']);
  });

  it('shows the session times', async () => {
    const page = await answer(await render(), ADA);
    expect(page.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.querySelector('.time-left')?.textContent).toContain('hours');
  });

  it('lists where the user is signed in, under the account and the session', async () => {
    const page = await answer(await render(), ADA);
    const headings = [...page.querySelectorAll('h2')].map((h2) => h2.textContent?.trim());
    expect(headings).toEqual(['Account', 'Session', "Where you're signed in"]);
  });

  it('says it is loading until the server answers', async () => {
    const fixture = await render();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.textContent).toContain('Loading your profile');
    await answer(fixture, ADA);
    expect(page.textContent).not.toContain('Loading your profile');
    expect(page.textContent).toContain('Ada Admin');
  });

  it('explains a failure in words', async () => {
    const fixture = await render();
    http.expectOne('/auth/me').error(new ProgressEvent('error'));
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("can't be reached");
  });
});
