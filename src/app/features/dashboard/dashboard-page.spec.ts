import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { DashboardPage } from './dashboard-page';

describe('DashboardPage', () => {
  function render(user: AuthUser): HTMLElement {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideAuthTesting({ user })],
    });
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    return fixture.nativeElement;
  }

  it('greets the user by name in the one heading of the page', () => {
    const page = render({
      id: 1,
      email: 'alice@example.com',
      name: 'Alice Example',
      roles: ['user'],
    });
    const headings = page.querySelectorAll('h1');
    expect(headings.length).toBe(1);
    expect(headings[0].textContent).toContain('Alice Example');
  });

  it('shows the session: signed in at, expires at and the time left', () => {
    const page = render({
      id: 1,
      email: 'alice@example.com',
      name: 'Alice Example',
      roles: ['user'],
    });
    const text = page.textContent ?? '';
    expect(text).toContain('Signed in at');
    expect(text).toContain('Token expires at');
    expect(page.querySelector('.time-left')?.textContent).toMatch(/^\s*23 hours 59 minutes/);
  });

  it('links to the features, and to the users page only for admins', () => {
    let page = render({
      id: 1,
      email: 'alice@example.com',
      name: 'Alice Example',
      roles: ['user'],
    });
    expect(page.querySelector('a[href="/notes"]')).not.toBeNull();
    expect(page.querySelector('a[href="/profile"]')).not.toBeNull();
    expect(page.querySelector('a[href="/admin"]')).toBeNull();

    TestBed.resetTestingModule();
    page = render({
      id: 3,
      email: 'admin@example.com',
      name: 'Ada Admin',
      roles: ['user', 'admin'],
    });
    expect(page.querySelector('a[href="/admin"]')).not.toBeNull();
  });
});
