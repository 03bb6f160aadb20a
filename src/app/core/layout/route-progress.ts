import { Component, DestroyRef, inject, signal } from '@angular/core';
import {
  NavigationCancel,
  NavigationEnd,
  NavigationError,
  NavigationSkipped,
  NavigationStart,
  Router,
} from '@angular/router';

/**
 * A thin bar at the top of the page while the router works: lazy chunks and the guards' silent refresh
 * can take a moment, and without it a click looks ignored.
 *
 * A plain signal set from the router's events rather than `toSignal()`: @angular/core/rxjs-interop
 * is a module file of its own, so keeping it out of the shell keeps it out of the initial bundle
 * (lazy pages may still use it). See "Bundle size" in docs/development.md.
 */
@Component({
  selector: 'app-route-progress',
  template: `
    @if (navigating()) {
      <div class="bar" role="progressbar" aria-label="Loading page"></div>
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
  protected readonly navigating = signal(false);

  constructor() {
    const events = inject(Router).events.subscribe((event) => {
      if (event instanceof NavigationStart) {
        this.navigating.set(true);
      } else if (
        event instanceof NavigationEnd ||
        event instanceof NavigationCancel ||
        event instanceof NavigationError ||
        event instanceof NavigationSkipped
      ) {
        this.navigating.set(false);
      }
    });
    inject(DestroyRef).onDestroy(() => events.unsubscribe());
  }
}
