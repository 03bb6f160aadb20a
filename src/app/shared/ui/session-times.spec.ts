import { TestBed } from '@angular/core/testing';
import { SessionTimes } from './session-times';

describe('SessionTimes', () => {
  const start = new Date('2026-05-01T10:00:00Z');

  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(start);
  });

  afterEach(() => jasmine.clock().uninstall());

  function render(expiresAt: Date | null) {
    const fixture = TestBed.createComponent(SessionTimes);
    fixture.componentRef.setInput('signedInAt', new Date(start.getTime() - 60_000));
    fixture.componentRef.setInput('expiresAt', expiresAt);
    fixture.detectChanges();
    const timeLeft = () =>
      (fixture.nativeElement as HTMLElement).querySelector('.time-left')?.textContent?.trim();
    return { fixture, timeLeft };
  }

  it('counts the time left down every second', () => {
    const { fixture, timeLeft } = render(new Date(start.getTime() + 90_000));
    expect(timeLeft()).toBe('1 minute 30 seconds');

    jasmine.clock().tick(1000);
    fixture.detectChanges();
    expect(timeLeft()).toBe('1 minute 29 seconds');

    jasmine.clock().tick(89_000);
    fixture.detectChanges();
    expect(timeLeft()).toBe('Expired');
  });

  it('shows the signed-in and expiry times as machine-readable <time> elements', () => {
    const expiresAt = new Date(start.getTime() + 900_000);
    const { fixture } = render(expiresAt);
    const times = (fixture.nativeElement as HTMLElement).querySelectorAll('time');
    expect(times.length).toBe(2);
    expect(times[0].getAttribute('datetime')).toBe('2026-05-01T09:59:00.000Z');
    expect(times[1].getAttribute('datetime')).toBe(expiresAt.toISOString());
  });

  it('says so when there is no session to time', () => {
    const { timeLeft } = render(null);
    expect(timeLeft()).toBe('Unknown');
  });
});

describe('SessionTimes timer', () => {
  it('stops its timer when it goes away', () => {
    const setInterval = spyOn(window, 'setInterval').and.callThrough();
    const clearInterval = spyOn(window, 'clearInterval').and.callThrough();
    const fixture = TestBed.createComponent(SessionTimes);
    fixture.detectChanges();
    const timer = setInterval.calls.mostRecent().returnValue;
    expect(clearInterval).not.toHaveBeenCalledWith(timer);
    fixture.destroy();
    expect(clearInterval).toHaveBeenCalledWith(timer);
  });
});
