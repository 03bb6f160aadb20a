import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideAuthTesting } from '../../core/auth/testing';
import { AdminPage } from './admin-page';

describe('AdminPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAuthTesting({ user: { id: 3, name: 'Ada Admin' }, roles: ['user', 'admin'] }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(AdminPage);
    await fixture.whenStable();
    return fixture;
  }

  it('lists the users from /api/users with name, email and roles', async () => {
    const fixture = await render();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.textContent).toContain('Loading users');

    http.expectOne({ method: 'GET', url: '/api/users' }).flush([
      { id: 1, email: 'alice@example.com', name: 'Alice Example', roles: ['user'] },
      { id: 3, email: 'admin@example.com', name: 'Ada Admin', roles: ['user', 'admin'] },
    ]);
    await fixture.whenStable();

    const headers = [...page.querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Name', 'Email', 'Roles']);
    const rows = [...page.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Alice Example', 'alice@example.com', 'user'],
      ['Ada Admin (you)', 'admin@example.com', 'user, admin'],
    ]);
  });

  it('says so in words when the server refuses', async () => {
    const fixture = await render();
    http
      .expectOne('/api/users')
      .flush({ error: 'forbidden' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("don't have permission");
    expect(page.querySelector('table')).toBeNull();
    expect(page.textContent).not.toContain('"error"');
  });
});
