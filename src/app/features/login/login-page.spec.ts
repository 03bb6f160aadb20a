import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthError, AuthService, type AuthUser } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { LoginPage } from './login-page';

const ALICE: AuthUser = {
  id: 1,
  email: 'alice@example.com',
  name: 'Alice Example',
  roles: ['user'],
};

@Component({ selector: 'app-other-page', template: 'somewhere else' })
class OtherPage {}

describe('LoginPage', () => {
  let login: jasmine.Spy<(email: string, password: string) => Promise<AuthUser>>;
  let harness: RouterTestingHarness;

  async function open(url = '/login'): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, LoginPage);
    return harness.routeNativeElement!;
  }

  function input(page: HTMLElement, label: string): HTMLInputElement {
    const id = [...page.querySelectorAll('label')]
      .find((element) => element.textContent?.trim() === label)!
      .getAttribute('for')!;
    return page.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  function type(field: HTMLInputElement, value: string): void {
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
  }

  function button(page: HTMLElement, name: string): HTMLButtonElement {
    return [...page.querySelectorAll('button')].find(
      (element) => element.textContent?.trim() === name,
    )!;
  }

  async function signIn(page: HTMLElement, email: string, password: string): Promise<void> {
    type(input(page, 'Email'), email);
    type(input(page, 'Password'), password);
    button(page, 'Sign in').click();
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: LoginPage },
          { path: 'notes', component: OtherPage },
          { path: '', component: OtherPage },
        ]),
        provideAuthTesting({ user: null }),
      ],
    });
    login = spyOn(TestBed.inject(AuthService), 'login');
  });

  it('says nothing about why on a plain visit', async () => {
    const page = await open('/login?returnUrl=%2Fnotes');
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe('');
  });

  it('says why after an inactivity sign-out', async () => {
    const page = await open('/login?returnUrl=%2Fnotes&reason=inactive');
    expect(page.querySelector('[role="status"]')?.textContent).toContain(
      'You were signed out because you were inactive.',
    );
  });

  it('has the Email and Password fields and the Sign in button', async () => {
    const page = await open();
    expect(input(page, 'Email').type).toBe('email');
    expect(input(page, 'Password').type).toBe('password');
    expect(button(page, 'Sign in').type).toBe('submit');
    expect(page.querySelectorAll('h1').length).toBe(1);
  });

  it('explains empty fields next to them and does not call the server', async () => {
    const page = await open();
    button(page, 'Sign in').click();
    await harness.fixture.whenStable();

    const email = input(page, 'Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector(`#${email.getAttribute('aria-describedby')}`)?.textContent).toContain(
      'Enter your email address',
    );
    const password = input(page, 'Password');
    expect(
      page.querySelector(`#${password.getAttribute('aria-describedby')}`)?.textContent,
    ).toContain('Enter your password');
    expect(document.activeElement).toBe(email);
    expect(login).not.toHaveBeenCalled();
  });

  it('rejects an email without an @', async () => {
    const page = await open();
    await signIn(page, 'alice.example.com', 'secret');
    const email = input(page, 'Email');
    expect(page.querySelector(`#${email.getAttribute('aria-describedby')}`)?.textContent).toContain(
      'like name@example.com',
    );
    expect(login).not.toHaveBeenCalled();
  });

  it('signs in and follows an in-app returnUrl', async () => {
    login.and.resolveTo(ALICE);
    const page = await open('/login?returnUrl=%2Fnotes%3Fpage%3D2');
    await signIn(page, 'alice@example.com', 'alice-password-1');
    expect(login).toHaveBeenCalledOnceWith('alice@example.com', 'alice-password-1');
    expect(TestBed.inject(Router).url).toBe('/notes?page=2');
  });

  it('ignores a returnUrl that leaves the app', async () => {
    login.and.resolveTo(ALICE);
    const page = await open('/login?returnUrl=%2F%2Fevil.example');
    await signIn(page, 'alice@example.com', 'alice-password-1');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('keeps the button busy while the server answers', async () => {
    let answer!: (user: AuthUser) => void;
    login.and.returnValue(new Promise((resolve) => (answer = resolve)));
    const page = await open();
    type(input(page, 'Email'), 'alice@example.com');
    type(input(page, 'Password'), 'alice-password-1');
    button(page, 'Sign in').click();
    harness.detectChanges();
    expect(button(page, 'Sign in').disabled).toBeTrue();
    expect(button(page, 'Sign in').getAttribute('aria-busy')).toBe('true');

    answer(ALICE);
    // The navigation starts once the login promise settles, after this task.
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
  });

  for (const failure of [
    new AuthError('invalid_credentials', 'Wrong email or password.'),
    new AuthError('too_many_attempts', 'Too many sign-in attempts. Try again in 4 minutes.', 240),
    new AuthError('unreachable', 'The server could not be reached.'),
  ]) {
    it(`shows "${failure.message}" in an alert and keeps what was typed`, async () => {
      login.and.rejectWith(failure);
      const page = await open();
      await signIn(page, 'alice@example.com', 'wrong-password');
      expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toBe(failure.message);
      expect(input(page, 'Email').value).toBe('alice@example.com');
      expect(button(page, 'Sign in').disabled).toBeFalse();
      expect(TestBed.inject(Router).url).toBe('/login');
    });
  }

  it('never shows a raw error to people', async () => {
    login.and.rejectWith(new TypeError("Cannot read properties of undefined (reading 'user')"));
    const page = await open();
    await signIn(page, 'alice@example.com', 'alice-password-1');
    expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Signing in failed. Please try again.',
    );
  });

  it('shows and hides the password', async () => {
    const page = await open();
    const toggle = button(page, 'Show password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await harness.fixture.whenStable();
    expect(input(page, 'Password').type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    await harness.fixture.whenStable();
    expect(input(page, 'Password').type).toBe('password');
  });

  it('lists the demo users in development builds', async () => {
    const page = await open();
    expect(page.textContent).toContain('admin@example.com');
    expect(page.textContent).toContain('bob-password-1');
  });
});
