import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError } from 'rxjs';
import { AuthApi } from '../../core/auth/auth-api';
import { AuthStore, AuthUser } from '../../core/auth/auth-store';
import { ProfilePage } from './profile-page';

const ADA: AuthUser = {
  id: 3,
  email: 'admin@example.com',
  name: 'Ada Admin',
  roles: ['user', 'admin'],
};

describe('ProfilePage', () => {
  async function render(me: Observable<AuthUser>) {
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthApi, useValue: { me: () => me } },
        {
          provide: AuthStore,
          useValue: {
            signedInAt: signal(new Date('2026-05-01T10:00:00Z')),
            expiresAt: signal(new Date(Date.now() + 300_000)),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ProfilePage);
    await fixture.whenStable();
    return fixture;
  }

  it('shows the user the server returns from /auth/me, with the roles', async () => {
    const page: HTMLElement = (await render(of(ADA))).nativeElement;
    const text = page.textContent ?? '';
    expect(page.querySelectorAll('h1').length).toBe(1);
    expect(text).toContain('Ada Admin');
    expect(text).toContain('admin@example.com');
    const roles = [...page.querySelectorAll('.roles li')].map((li) => li.textContent?.trim());
    expect(roles).toEqual(['user', 'admin']);
  });

  it('shows the session times', async () => {
    const page: HTMLElement = (await render(of(ADA))).nativeElement;
    expect(page.querySelector('time')?.getAttribute('datetime')).toBe('2026-05-01T10:00:00.000Z');
    expect(page.querySelector('.time-left')?.textContent).toContain('minutes');
  });

  it('says it is loading until the server answers', async () => {
    const me = new Subject<AuthUser>();
    const fixture = await render(me);
    const page: HTMLElement = fixture.nativeElement;
    expect(page.textContent).toContain('Loading your profile');
    me.next(ADA);
    await fixture.whenStable();
    expect(page.textContent).not.toContain('Loading your profile');
    expect(page.textContent).toContain('Ada Admin');
  });

  it('explains a failure in words', async () => {
    const page: HTMLElement = (
      await render(throwError(() => new HttpErrorResponse({ status: 0, url: '/auth/me' })))
    ).nativeElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("can't be reached");
  });
});
