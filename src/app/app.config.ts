import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor, provideAuth } from './core/auth';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideAuth({
      apiUrls: ['/api/', '/auth/me', '/auth/sessions'],
      storage: 'local',
      leewaySeconds: 10,
      refreshMarginSeconds: 60,
      loginPath: '/login',
      forbiddenPath: '/forbidden',
      idle: { timeoutSeconds: 30 * 60, warningSeconds: 60 },
    }),
  ],
};
