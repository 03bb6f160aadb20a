import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { AuthStore, AuthUser } from './core/auth/auth-store';

describe('App', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        {
          provide: AuthStore,
          useValue: {
            user: signal<AuthUser | null>({
              id: 1,
              email: 'alice@example.com',
              name: 'Alice Example',
              roles: ['user'],
            }),
          },
        },
      ],
    }).compileComponents();
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('renders the header with a link home, one <main> and the re-login dialog', async () => {
    const element = await render();
    const link = element.querySelector('header a.brand');
    expect(link?.textContent?.trim()).toBe('Tokengate');
    expect(link?.getAttribute('href')).toBe('/');
    expect(element.querySelectorAll('main').length).toBe(1);
    expect(element.querySelector('app-relogin-dialog')).not.toBeNull();
  });

  it('has a skip link, first in the page, that moves focus to the main content', async () => {
    const element = await render();
    const skip = element.querySelector<HTMLAnchorElement>('a')!;
    expect(skip.textContent?.trim()).toBe('Skip to main content');
    const startUrl = location.href;
    skip.click();
    expect(document.activeElement).toBe(element.querySelector('main'));
    expect(location.href).toBe(startUrl);
  });
});
