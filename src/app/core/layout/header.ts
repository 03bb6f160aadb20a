import { Component, LOCALE_ID, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth';
import { type Language, LANGUAGES } from './languages';

@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './header.html',
  styleUrl: './header.css',
})
export class Header {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);

  protected readonly otherLanguages = LANGUAGES.filter(({ locale }) => locale !== this.locale);
  // The router's URL is relative to this build's base href (/notes?page=2 in /es/ too).
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );

  /**
   * The same page in another language. Each language is a build of its own, so this is a plain
   * link that loads that build; the session survives, as storage and the refresh cookie belong to
   * the origin, not to a path.
   */
  protected hrefIn(language: Language): string {
    return language.basePath + this.url().replace(/^\//, '');
  }

  protected signOut(): Promise<void> {
    return this.auth.signOut();
  }
}
