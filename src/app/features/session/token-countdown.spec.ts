import { TestBed } from '@angular/core/testing';
import { TokenCountdown } from './token-countdown';

describe('TokenCountdown', () => {
  const START = Date.parse('2026-03-01T10:00:00Z');

  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
  });

  afterEach(() => jasmine.clock().uninstall());

  function render(times: { issuedAt: number; expiresAt: number; refreshAt: number } | null) {
    const fixture = TestBed.createComponent(TokenCountdown);
    fixture.componentRef.setInput('issuedAt', times?.issuedAt ?? null);
    fixture.componentRef.setInput('expiresAt', times?.expiresAt ?? null);
    fixture.componentRef.setInput('refreshAt', times?.refreshAt ?? null);
    fixture.detectChanges();
    return fixture;
  }

  // A 5-minute token issued 1 minute ago, renewed 60 s before it expires.
  const times = {
    issuedAt: START - 60_000,
    expiresAt: START + 240_000,
    refreshAt: START + 180_000,
  };

  it('empties the bar towards expiry, with the mark where the refresh is due', () => {
    const fixture = render(times);
    const element: HTMLElement = fixture.nativeElement;
    const left = element.querySelector<HTMLProgressElement>('progress.left')!;
    const mark = element.querySelector<HTMLProgressElement>('progress.refresh-mark')!;
    expect(left.value / left.max).toBe(0.8);
    expect(mark.value / mark.max).toBe(0.2);

    jasmine.clock().tick(120_000);
    fixture.detectChanges();
    expect(left.value / left.max).toBe(0.4);
  });

  it('says the time to expiry and to the silent refresh in words, every second', () => {
    const fixture = render(times);
    const element: HTMLElement = fixture.nativeElement;
    const words = () => element.querySelector('[role="timer"]')?.textContent?.replace(/\s+/g, ' ');
    expect(words()).toContain('expires in 4 minutes');
    expect(words()).toContain('renews it silently in 3 minutes');
    jasmine.clock().tick(1_000);
    fixture.detectChanges();
    expect(words()).toContain('expires in 3 minutes 59 seconds');
    jasmine.clock().tick(180_000);
    fixture.detectChanges();
    expect(words()).toContain('renews it silently now');
    jasmine.clock().tick(60_000);
    fixture.detectChanges();
    expect(words()).toContain('has expired');
  });

  it('keeps a screen reader from hearing every tick', () => {
    const element: HTMLElement = render(times).nativeElement;
    // The bar repeats the words in shape; the words are a timer, whose live region is off.
    expect(element.querySelector('.bar')?.getAttribute('aria-hidden')).toBe('true');
    const timer = element.querySelector('[role="timer"]');
    expect(timer).not.toBeNull();
    expect(timer?.getAttribute('aria-live')).toBeNull();
    expect(element.querySelector('[aria-live]:not([aria-live="off"])')).toBeNull();
  });

  it('says so when there is no token', () => {
    const element: HTMLElement = render(null).nativeElement;
    expect(element.querySelector('.bar')).toBeNull();
    expect(element.textContent).toContain('you are signed out');
  });
});
