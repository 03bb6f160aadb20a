import { computed, signal, WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthStore, AuthUser } from '../auth/auth-store';
import { Header } from './header';

const ALICE: AuthUser = {
  id: 1,
  email: 'alice@example.com',
  name: 'Alice Example',
  roles: ['user'],
};
const ADA: AuthUser = {
  id: 3,
  email: 'admin@example.com',
  name: 'Ada Admin',
  roles: ['user', 'admin'],
};

describe('Header', () => {
  let user: WritableSignal<AuthUser | null>;
  let logout: jasmine.Spy;

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Header);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  beforeEach(() => {
    user = signal<AuthUser | null>(ALICE);
    logout = jasmine.createSpy('logout').and.resolveTo();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: AuthStore,
          useValue: { user, signedIn: computed(() => user() !== null), logout },
        },
      ],
    });
  });

  it("shows the signed-in user's name and a Sign out button inside <header>", async () => {
    const element = await render();
    const header = element.querySelector('header')!;
    expect(header.textContent).toContain('Alice Example');
    const signOut = [...header.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Sign out',
    );
    expect(signOut).toBeDefined();
  });

  it('signs out through the store', async () => {
    const element = await render();
    element.querySelector<HTMLButtonElement>('header button')!.click();
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it('labels the navigation and links the admin page only for admins', async () => {
    let element = await render();
    const nav = element.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Main');
    expect(nav.querySelector('a[href="/notes"]')).not.toBeNull();
    expect(nav.querySelector('a[href="/admin"]')).toBeNull();

    user.set(ADA);
    element = await render();
    expect(element.querySelector('nav a[href="/admin"]')).not.toBeNull();
  });

  it('shows neither navigation nor Sign out when nobody is signed in', async () => {
    user.set(null);
    const element = await render();
    expect(element.querySelector('nav')).toBeNull();
    expect(element.querySelector('button')).toBeNull();
    expect(element.querySelector('a.brand')?.textContent?.trim()).toBe('Tokengate');
  });
});
