import { TestBed } from '@angular/core/testing';
import { AuthEvents } from './auth-events';
import type { AuthEvent } from './auth-models';

describe('AuthEvents', () => {
  let events: AuthEvents;

  beforeEach(() => {
    events = TestBed.inject(AuthEvents);
  });

  it('stamps each event with its time and tells subscribers once, from when they subscribe', () => {
    events.emit({ type: 'relogin-opened' }, 1_000);
    const seen: AuthEvent[] = [];
    const subscription = events.events$.subscribe((event) => seen.push(event));
    events.emit({ type: 'relogin-resumed' }, 2_000);
    const before = Date.now();
    events.emit({ type: 'signed-out', reason: 'user' });
    subscription.unsubscribe();
    events.emit({ type: 'relogin-abandoned' }, 4_000);

    expect(seen.map(({ type }) => type)).toEqual(['relogin-resumed', 'signed-out']);
    expect(seen[0]).toEqual({ type: 'relogin-resumed', at: 2_000 });
    expect(seen[1].at).toBeGreaterThanOrEqual(before);
    expect(seen[1].at).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the recent events as a signal, newest first, including those before anyone listened', () => {
    expect(events.recent()).toEqual([]);
    events.emit({ type: 'relogin-opened' }, 1_000);
    events.emit({ type: 'relogin-resumed' }, 2_000);
    expect(events.recent()).toEqual([
      { type: 'relogin-resumed', at: 2_000 },
      { type: 'relogin-opened', at: 1_000 },
    ]);
  });

  it('keeps a bounded number, dropping the oldest', () => {
    for (let at = 1; at <= 120; at++) {
      events.emit({ type: 'relogin-opened' }, at);
    }
    const kept = events.recent();
    expect(kept.length).toBeLessThan(120);
    expect(kept.length).toBeGreaterThanOrEqual(20);
    expect(kept[0].at).toBe(120);
    expect(kept.at(-1)?.at).toBe(120 - kept.length + 1);
  });
});
