import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { App } from './app';
import { provideAuthTesting } from './core/auth/testing';

@Component({ selector: 'app-page-stub', template: '<a href="/x">a link</a>' })
class PageStub {}

describe('App', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([
          { path: '', component: PageStub },
          { path: 'notes', component: PageStub },
        ]),
        provideAuthTesting({ user: { name: 'Alice Example' } }),
      ],
    }).compileComponents();
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('renders the header with a link home and one <main>, without the lazily created re-login dialog', async () => {
    const element = await render();
    const link = element.querySelector('header a.brand');
    expect(link?.textContent?.trim()).toBe('Tokengate');
    expect(link?.getAttribute('href')).toBe('/');
    expect(element.querySelectorAll('main').length).toBe(1);
    expect(element.querySelector('app-relogin-dialog')).toBeNull();
  });

  it('has a skip link, first in the page, that moves focus to the main content', async () => {
    const element = await render();
    const skip = element.querySelector<HTMLAnchorElement>('a')!;
    expect(skip.textContent?.trim()).toBe('Skip to main content');
    const startUrl = location.href;
    skip.click();
    expect(document.activeElement).toBe(element.querySelector('main'));
    expect(location.href).toBe(startUrl);
  });

  it('moves focus to the main content when the page changes, but not for query changes', async () => {
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const main = element.querySelector('main')!;
    const link = element.querySelector<HTMLAnchorElement>('main a')!;

    link.focus();
    await router.navigateByUrl('/notes');
    await fixture.whenStable();
    expect(document.activeElement).toBe(main);

    element.querySelector<HTMLAnchorElement>('main a')!.focus();
    await router.navigateByUrl('/notes?page=2');
    await fixture.whenStable();
    expect(document.activeElement).toBe(element.querySelector('main a'));
  });

  it('stops watching for page changes when destroyed', async () => {
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    await fixture.whenStable();
    const focus = spyOn(fixture.nativeElement.querySelector('main') as HTMLElement, 'focus');

    fixture.destroy();
    await router.navigateByUrl('/notes');
    expect(focus).not.toHaveBeenCalled();
  });
});
