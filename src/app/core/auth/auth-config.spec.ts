import { ApplicationInitStatus, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideAuth } from './auth-config';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS, userFromClaims } from './auth-options';
import { ExpiryTimer } from './expiry-timer';
import { TabSync } from './tab-sync';

describe('provideAuth', () => {
  function configure(options?: Parameters<typeof provideAuth>[0], extra: Provider[] = []) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAuth(options),
        ...extra,
      ],
    });
  }

  it('fills every option with its default', () => {
    configure();
    expect(TestBed.inject(AUTH_OPTIONS)).toEqual(DEFAULT_AUTH_OPTIONS);
    expect(DEFAULT_AUTH_OPTIONS).toEqual({
      apiUrls: ['/api/', '/auth/me', '/auth/sessions'],
      storage: 'local',
      leewaySeconds: 10,
      refreshMarginSeconds: 60,
      loginPath: '/login',
      forbiddenPath: '/forbidden',
      mapUser: userFromClaims,
      idle: null,
    });
  });

  it('overrides only what is given', () => {
    configure({ storage: 'memory', loginPath: '/sign-in' });
    expect(TestBed.inject(AUTH_OPTIONS)).toEqual({
      ...DEFAULT_AUTH_OPTIONS,
      storage: 'memory',
      loginPath: '/sign-in',
    });
  });

  it('starts the expiry timer and tab sync with the app', async () => {
    const timer = spyOn(ExpiryTimer.prototype, 'start');
    const tabs = spyOn(TabSync.prototype, 'start');
    configure();
    await TestBed.inject(ApplicationInitStatus).donePromise;
    expect(timer).toHaveBeenCalledTimes(1);
    expect(tabs).toHaveBeenCalledTimes(1);
  });

  it('refuses negative durations', () => {
    expect(() => provideAuth({ leewaySeconds: -1 })).toThrowError(/must not be negative/);
    expect(() => provideAuth({ refreshMarginSeconds: -5 })).toThrowError(/must not be negative/);
  });

  it('refuses a warning that does not fit in the idle time', () => {
    expect(() => provideAuth({ idle: { timeoutSeconds: 60, warningSeconds: 60 } })).toThrowError(
      /warningSeconds/,
    );
    expect(() => provideAuth({ idle: { timeoutSeconds: 60, warningSeconds: -1 } })).toThrowError(
      /warningSeconds/,
    );
    expect(() => provideAuth({ idle: { timeoutSeconds: 60, warningSeconds: 10 } })).not.toThrow();
  });
});
