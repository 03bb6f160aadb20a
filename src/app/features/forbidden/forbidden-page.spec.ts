import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ForbiddenPage } from './forbidden-page';

describe('ForbiddenPage', () => {
  it('says access is denied in words and links back to the dashboard', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(ForbiddenPage);
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelectorAll('h1').length).toBe(1);
    expect(page.querySelector('h1')?.textContent).toContain("don't have access");
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/');
  });
});
