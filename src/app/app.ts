import { Component, DestroyRef, ElementRef, inject } from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map, pairwise } from 'rxjs';
import { Header } from './core/layout/header';
import { RouteProgress } from './core/layout/route-progress';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, Header, RouteProgress],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  // The host's DOM rather than a viewChild query: signal queries cost 7 kB raw in the initial bundle
  // (docs/development.md, "Bundle size"), and <main> is always there.
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  constructor() {
    // A new page moves focus to its content, as a full page load would put keyboard and screen-reader
    // users at the top of the new page rather than on a link of the old one. Query-only changes
    // (paging, search) stay where they are.
    const pageChanges = inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
        pairwise(),
        filter(([previous, current]) => previous !== current),
      )
      .subscribe(() => this.focusMain());
    // Closed by hand rather than with takeUntilDestroyed(): @angular/core/rxjs-interop is a module
    // file of its own, and keeping it out of the shell keeps it out of the initial bundle.
    inject(DestroyRef).onDestroy(() => pageChanges.unsubscribe());
  }

  // With <base href="/">, a plain href="#main" would resolve to "/#main" and leave the current page,
  // so the skip link moves focus itself.
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(): void {
    this.host.querySelector('main')?.focus();
  }
}
