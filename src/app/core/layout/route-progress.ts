import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  NavigationCancel,
  NavigationEnd,
  NavigationError,
  NavigationSkipped,
  NavigationStart,
  Router,
} from '@angular/router';
import { filter, map } from 'rxjs';

/**
 * A thin bar at the top of the page while the router works: lazy chunks and the guards' silent refresh
 * can take a moment, and without it a click looks ignored.
 */
@Component({
  selector: 'app-route-progress',
  template: `
    @if (navigating()) {
      <div
        class="bar"
        role="progressbar"
        aria-label="Loading page"
        i18n-aria-label="@@layout.loadingPage"
      ></div>
    }
  `,
  styles: `
    :host {
      position: fixed;
      inset: 0 0 auto 0;
      height: 3px;
      z-index: 30;
      pointer-events: none;
    }
    .bar {
      height: 100%;
      width: 40%;
      background: var(--accent);
      animation: slide 1.2s ease-in-out infinite;
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(250%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .bar {
        width: 100%;
        animation: none;
      }
    }
  `,
})
export class RouteProgress {
  protected readonly navigating = toSignal(
    inject(Router).events.pipe(
      filter(
        (event) =>
          event instanceof NavigationStart ||
          event instanceof NavigationEnd ||
          event instanceof NavigationCancel ||
          event instanceof NavigationError ||
          event instanceof NavigationSkipped,
      ),
      map((event) => event instanceof NavigationStart),
    ),
    { initialValue: false },
  );
}
