import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Subscription } from 'rxjs';
import { AppLink } from './app-link';

@Component({ template: '' })
class Blank {}

@Component({
  imports: [AppLink],
  template: `
    <a appLink="/" activeWhen="exact">Home</a>
    <a appLink="/notes" activeWhen="prefix">Notes</a>
    <a appLink="/notes/3">A note</a>
    <a [appLink]="target()">Elsewhere</a>
  `,
})
class Links {
  readonly target = signal('/notes/4');
}

describe('AppLink', () => {
  let router: Router;
  let element: HTMLElement;
  let fixture: ComponentFixture<Links>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Blank },
          { path: 'notes', component: Blank },
          { path: 'notes/:id', component: Blank },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    fixture = TestBed.createComponent(Links);
    await fixture.whenStable();
    element = fixture.nativeElement;
  });

  function link(name: string): HTMLAnchorElement {
    return [...element.querySelectorAll('a')].find((a) => a.textContent === name)!;
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
  }

  it('renders a real href', () => {
    expect(link('Home').getAttribute('href')).toBe('/');
    expect(link('A note').getAttribute('href')).toBe('/notes/3');
  });

  it('follows a changing path, and gives anything but an in-app path no href and no navigation', async () => {
    expect(link('Elsewhere').getAttribute('href')).toBe('/notes/4');
    fixture.componentInstance.target.set('/profile');
    await fixture.whenStable();
    expect(link('Elsewhere').getAttribute('href')).toBe('/profile');

    const navigate = spyOn(router, 'navigateByUrl');
    for (const target of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
    ]) {
      fixture.componentInstance.target.set(target);
      await fixture.whenStable();
      expect(link('Elsewhere').hasAttribute('href')).withContext(target).toBeFalse();
      link('Elsewhere').click();
    }
    expect(navigate).not.toHaveBeenCalled();
  });

  it('navigates in the app on a plain click, without reloading', async () => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link('A note').dispatchEvent(event);
    await settle();
    expect(event.defaultPrevented).toBeTrue();
    expect(router.url).toBe('/notes/3');
  });

  it('leaves modified and non-primary clicks (new tab, new window) to the browser', () => {
    const navigate = spyOn(router, 'navigateByUrl');
    const prevented: boolean[] = [];
    // Records whether the directive let each click through, then keeps the test page where it is.
    element.addEventListener('click', (event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault();
    });
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }]) {
      link('A note').dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, ...init }),
      );
    }
    expect(prevented).toEqual([false, false, false, false]);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('marks the current page with aria-current, exact or by prefix', async () => {
    await settle();
    expect(link('Home').getAttribute('aria-current')).toBe('page');
    expect(link('Notes').getAttribute('aria-current')).toBeNull();

    await router.navigateByUrl('/notes/3?page=2');
    await settle();
    expect(link('Home').getAttribute('aria-current')).toBeNull();
    expect(link('Notes').getAttribute('aria-current')).toBe('page');
    // Without activeWhen a link never claims to be the current page.
    expect(link('A note').getAttribute('aria-current')).toBeNull();
  });

  it("stops following the router's events when the link is destroyed", async () => {
    const subscribe = spyOn(router.events, 'subscribe').and.callThrough();
    const other = TestBed.createComponent(Links);
    await other.whenStable();
    const subscriptions = subscribe.calls.all().map((call) => call.returnValue as Subscription);
    expect(subscriptions.length).toBe(4);
    expect(subscriptions.some((subscription) => subscription.closed)).toBeFalse();

    other.destroy();
    expect(subscriptions.every((subscription) => subscription.closed)).toBeTrue();
  });
});
