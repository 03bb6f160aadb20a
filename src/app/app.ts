import { Component, ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
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
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // A new page moves focus to its content, as a full page load would put keyboard and screen-reader
    // users at the top of the new page rather than on a link of the old one. Query-only changes
    // (paging, search) stay where they are.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
        pairwise(),
        filter(([previous, current]) => previous !== current),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.focusMain());
  }

  // With <base href="/">, a plain href="#main" would resolve to "/#main" and leave the current page,
  // so the skip link moves focus itself.
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(): void {
    this.main().nativeElement.focus();
  }
}
