import { ApplicationRef, Component, LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthService, type AuthUser } from '../auth';
import { provideAuthTesting } from '../auth/testing';
import { Header } from './header';

const ALICE: Partial<AuthUser> = { id: 1, name: 'Alice Example', roles: ['user'] };
const ADA: Partial<AuthUser> = { id: 3, name: 'Ada Admin', roles: ['user', 'admin'] };

@Component({ selector: 'app-page-stub', template: '' })
class PageStub {}

describe('Header', () => {
  async function render(user: Partial<AuthUser> | null, locale = 'en-US'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'notes', component: PageStub }]),
        provideAuthTesting({ user }),
        { provide: LOCALE_ID, useValue: locale },
      ],
    });
    const fixture = TestBed.createComponent(Header);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it("shows the signed-in user's name and a Sign out button inside <header>", async () => {
    const element = await render(ALICE);
    const header = element.querySelector('header')!;
    expect(header.textContent).toContain('Alice Example');
    const signOut = [...header.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Sign out',
    );
    expect(signOut).toBeDefined();
  });

  it('signs out through the auth service', async () => {
    const element = await render(ALICE);
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    element.querySelector<HTMLButtonElement>('header button')!.click();
    await TestBed.inject(Router).navigated;
    expect(TestBed.inject(AuthService).signedIn()).toBeFalse();
    expect(String(navigate.calls.mostRecent().args[0])).toBe('/login');
  });

  it('labels the navigation and links the admin page only for admins', async () => {
    const element = await render(ALICE);
    const nav = element.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Main');
    expect(nav.querySelector('a[href="/notes"]')).not.toBeNull();
    expect(nav.querySelector('a[href="/session"]')?.textContent?.trim()).toBe('Session');
    expect(nav.querySelector('a[href="/admin"]')).toBeNull();
  });

  it('links the admin page for admins', async () => {
    const element = await render(ADA);
    expect(element.querySelector('nav a[href="/admin"]')).not.toBeNull();
  });

  it('marks the link of the page shown with aria-current', async () => {
    const element = await render(ALICE);
    await TestBed.inject(Router).navigateByUrl('/notes');
    await TestBed.inject(ApplicationRef).whenStable();
    const current = [...element.querySelectorAll('nav a[aria-current="page"]')].map((a) =>
      a.textContent?.trim(),
    );
    expect(current).toEqual(['Notes']);
  });

  it('links the same page, query included, in the other language, named in that language', async () => {
    const element = await render(ALICE);
    const link = () => element.querySelector<HTMLAnchorElement>('a[hreflang]')!;
    expect(link().getAttribute('href')).toBe('/es/');

    await TestBed.inject(Router).navigateByUrl('/notes?q=milk&page=2');
    await TestBed.inject(ApplicationRef).whenStable();

    expect(link().getAttribute('href')).toBe('/es/notes?q=milk&page=2');
    expect(link().getAttribute('hreflang')).toBe('es');
    expect(link().getAttribute('lang')).toBe('es');
    expect(link().textContent?.trim()).toBe('Español');
  });

  it('in the Spanish build, links the English one at the root', async () => {
    const element = await render(null, 'es');
    await TestBed.inject(Router).navigateByUrl('/notes');
    await TestBed.inject(ApplicationRef).whenStable();

    const link = element.querySelector<HTMLAnchorElement>('a[hreflang]')!;
    expect(link.getAttribute('href')).toBe('/notes');
    expect(link.getAttribute('lang')).toBe('en');
    expect(link.textContent?.trim()).toBe('English');
  });

  it('shows neither navigation nor Sign out when nobody is signed in', async () => {
    const element = await render(null);
    expect(element.querySelector('nav')).toBeNull();
    expect(element.querySelector('button')).toBeNull();
    expect(element.querySelector('a.brand')?.textContent?.trim()).toBe('Tokengate');
  });
});
