import {
  DestroyRef,
  Directive,
  ElementRef,
  OnChanges,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';

/** "/" then not "/" or "\": browsers read "//x" and "/\x" as another host. */
const IN_APP_PATH = /^\/(?![/\\])/;

/**
 * An in-app link: a real `href` (open in a new tab, copy, screen readers) whose plain click
 * navigates with the router instead of loading the page again.
 *
 * Used instead of RouterLink/RouterLinkActive: those put 5.6 kB raw into the initial bundle even
 * when only lazy pages use them, because esbuild splits by module file and they share a file with
 * code the shell needs. The current page is marked by aria-current alone, which CSS styles: a
 * [class.x] binding would bring Angular's styling code, 4.3 kB raw, into the initial bundle. The
 * href is set, not bound: a bound href goes through Angular's URL sanitizer, 3.2 kB raw more, and
 * an in-app path needs none. The current path is a plain signal set from the router's events, not
 * `toSignal()`: @angular/core/rxjs-interop is a module file of its own, so leaving it out of the
 * shell keeps it out of the initial bundle (lazy pages may still use it). See "Bundle size" in
 * docs/development.md.
 */
@Directive({
  selector: 'a[appLink]',
  host: {
    '[attr.aria-current]': 'active() ? "page" : null',
    '(click)': 'follow($event)',
  },
})
export class AppLink implements OnChanges {
  /** The in-app path, e.g. `/notes/3`; anything else (`//host`, `https:`, `javascript:`) gets no href. */
  readonly appLink = input.required<string>();
  /** Mark the link as the current page when the URL's path is the link's (`exact`) or below it (`prefix`). */
  readonly activeWhen = input<'exact' | 'prefix'>();

  private readonly router = inject(Router);
  private readonly anchor: HTMLAnchorElement = inject(ElementRef).nativeElement;
  private readonly path = signal(pathOf(this.router.url));

  protected readonly active = computed(() => {
    const match = this.activeWhen();
    if (!match) return false;
    const path = this.path();
    const target = this.appLink();
    return path === target || (match === 'prefix' && path.startsWith(`${target}/`));
  });

  constructor() {
    const navigations = this.router.events.subscribe((event) => {
      if (event instanceof NavigationEnd) this.path.set(pathOf(event.urlAfterRedirects));
    });
    inject(DestroyRef).onDestroy(() => navigations.unsubscribe());
  }

  ngOnChanges(): void {
    const path = this.appLink();
    if (IN_APP_PATH.test(path)) {
      this.anchor.setAttribute('href', path);
    } else {
      this.anchor.removeAttribute('href');
    }
  }

  protected follow(event: MouseEvent): boolean {
    // Let the browser handle new-tab, new-window and download clicks.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return true;
    }
    if (!IN_APP_PATH.test(this.appLink())) {
      return true; // No href, so nothing to follow.
    }
    event.preventDefault();
    void this.router.navigateByUrl(this.appLink());
    return false;
  }
}

function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}
