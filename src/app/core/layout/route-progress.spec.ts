import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Subscription } from 'rxjs';
import { RouteProgress } from './route-progress';

@Component({ selector: 'app-lazy-page', template: 'lazy page' })
class LazyPage {}

describe('RouteProgress', () => {
  it('shows a progress bar while a lazy route loads, and removes it when the navigation ends', async () => {
    let finishLoading!: (page: typeof LazyPage) => void;
    const chunk = new Promise<typeof LazyPage>((resolve) => (finishLoading = resolve));
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'lazy', loadComponent: () => chunk }])],
    });
    const fixture = TestBed.createComponent(RouteProgress);
    fixture.detectChanges();
    const bar = () => (fixture.nativeElement as HTMLElement).querySelector('[role="progressbar"]');
    expect(bar()).toBeNull();

    const navigation = TestBed.inject(Router).navigateByUrl('/lazy');
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(bar()).not.toBeNull();
    expect(bar()?.getAttribute('aria-label')).toBe('Loading page');

    finishLoading(LazyPage);
    expect(await navigation).toBeTrue();
    fixture.detectChanges();
    expect(bar()).toBeNull();
  });

  it('removes the bar when a navigation fails', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'broken', loadComponent: () => Promise.reject(new Error('offline')) },
        ]),
      ],
    });
    const fixture = TestBed.createComponent(RouteProgress);
    await expectAsync(TestBed.inject(Router).navigateByUrl('/broken')).toBeRejected();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="progressbar"]')).toBeNull();
  });

  it("stops following the router's events when destroyed", () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const subscribe = spyOn(TestBed.inject(Router).events, 'subscribe').and.callThrough();
    const fixture = TestBed.createComponent(RouteProgress);
    expect(subscribe).toHaveBeenCalledTimes(1);
    const subscription = subscribe.calls.mostRecent().returnValue as Subscription;
    expect(subscription.closed).toBeFalse();

    fixture.destroy();
    expect(subscription.closed).toBeTrue();
  });
});
