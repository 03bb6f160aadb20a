import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS } from './auth-options';
import { ALICE, FakeStorageArea, eventually, makeToken } from './test-helpers';
import {
  ACCESS_TOKEN_KEY,
  AUTH_STORAGE_AREA,
  LAST_ACTIVITY_KEY,
  AUTH_TAB_CHANNEL,
  SESSION_META_KEY,
  StorageArea,
  TokenStorage,
} from './token-storage';

function setUp(area: StorageArea, channel: BroadcastChannel | null = null) {
  TestBed.configureTestingModule({
    providers: [
      { provide: AUTH_STORAGE_AREA, useValue: area },
      { provide: AUTH_TAB_CHANNEL, useValue: channel },
    ],
  });
  return TestBed.inject(TokenStorage);
}

describe('TokenStorage', () => {
  let consoleError: jasmine.Spy;

  beforeEach(() => {
    consoleError = spyOn(console, 'error').and.callThrough();
  });

  it('round-trips a session', () => {
    const area = new FakeStorageArea();
    const storage = setUp(area);
    const token = makeToken();
    storage.write({ token, clockOffsetMs: -5000, signedInAt: 1234 });
    expect(area.getItem(ACCESS_TOKEN_KEY)).toBe(token);
    expect(storage.read()).toEqual({ token, clockOffsetMs: -5000, signedInAt: 1234 });
    storage.clear();
    expect(storage.read()).toBeNull();
    expect(area.values.size).toBe(0);
  });

  it('discards garbage, truncated, non-JWT and exp-less values silently', () => {
    const good = makeToken();
    for (const value of [
      'garbage',
      good.slice(0, 20),
      '{"accessToken":"x"}',
      makeToken(ALICE, Date.now(), 900, { exp: undefined }),
    ]) {
      const area = new FakeStorageArea();
      area.setItem(ACCESS_TOKEN_KEY, value);
      area.setItem(SESSION_META_KEY, '{"clockOffsetMs":0}');
      TestBed.resetTestingModule();
      expect(setUp(area).read()).withContext(value).toBeNull();
      expect(area.values.size).withContext(value).toBe(0);
    }
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('keeps a valid token whose meta is unreadable, without skew correction', () => {
    const area = new FakeStorageArea();
    const token = makeToken();
    area.setItem(ACCESS_TOKEN_KEY, token);
    area.setItem(SESSION_META_KEY, '{not json');
    expect(setUp(area).read()).toEqual({ token, clockOffsetMs: 0, signedInAt: null });
    area.setItem(SESSION_META_KEY, '{"clockOffsetMs":"soon","signedInAt":null}');
    expect(TestBed.inject(TokenStorage).read()).toEqual({
      token,
      clockOffsetMs: 0,
      signedInAt: null,
    });
  });

  it('survives a storage that throws on every call (private mode, revoked access)', () => {
    const hostile: StorageArea = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const storage = setUp(hostile);
    expect(() =>
      storage.write({ token: makeToken(), clockOffsetMs: 0, signedInAt: 1 }),
    ).not.toThrow();
    expect(storage.read()).toBeNull();
    expect(() => storage.clear()).not.toThrow();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('reports storage events for the token key from other tabs', () => {
    const storage = setUp(new FakeStorageArea());
    const seen: number[] = [];
    const subscription = storage.changes().subscribe(() => seen.push(1));
    window.dispatchEvent(new StorageEvent('storage', { key: 'unrelated' }));
    expect(seen.length).toBe(0);
    window.dispatchEvent(new StorageEvent('storage', { key: ACCESS_TOKEN_KEY }));
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    expect(seen.length).toBe(2);
    subscription.unsubscribe();
    window.dispatchEvent(new StorageEvent('storage', { key: ACCESS_TOKEN_KEY }));
    expect(seen.length).toBe(2);
  });

  it('copies sessions between per-tab areas over BroadcastChannel', async () => {
    const name = `tokengate-test-${Math.random()}`;
    const here = new BroadcastChannel(name);
    const there = new BroadcastChannel(name);
    TestBed.configureTestingModule({
      providers: [
        { provide: AUTH_OPTIONS, useValue: { ...DEFAULT_AUTH_OPTIONS, storage: 'session' } },
        { provide: AUTH_STORAGE_AREA, useValue: new FakeStorageArea() },
        { provide: AUTH_TAB_CHANNEL, useValue: here },
      ],
    });
    const storage = TestBed.inject(TokenStorage);
    let changes = 0;
    storage.changes().subscribe(() => changes++);
    const token = makeToken();

    there.postMessage({ kind: 'session', session: { token, clockOffsetMs: 7, signedInAt: 9 } });
    await eventually(() => changes === 1);
    expect(storage.read()).toEqual({ token, clockOffsetMs: 7, signedInAt: 9 });

    there.postMessage({ kind: 'session', session: { token: 'garbage', clockOffsetMs: 0 } });
    await eventually(() => changes === 2);
    expect(storage.read()?.token).toBe(token);

    there.postMessage({ kind: 'cleared' });
    await eventually(() => changes === 3);
    expect(storage.read()).toBeNull();
    expect(changes).toBe(3);

    const received: unknown[] = [];
    there.onmessage = (event) => received.push(event.data);
    storage.write({ token, clockOffsetMs: 0, signedInAt: 1 });
    storage.clear();
    await eventually(() => received.length === 2);
    expect(received).toEqual([
      { kind: 'session', session: { token, clockOffsetMs: 0, signedInAt: 1 } },
      { kind: 'cleared' },
    ]);
    here.close();
    there.close();
    expect(() => storage.clear()).not.toThrow();
  });

  it('only signals shared localStorage through the storage event, not by copying', async () => {
    const name = `tokengate-test-${Math.random()}`;
    const here = new BroadcastChannel(name);
    const there = new BroadcastChannel(name);
    const area = new FakeStorageArea();
    const storage = setUp(area, here);
    let changes = 0;
    storage.changes().subscribe(() => changes++);
    there.postMessage({ kind: 'session', session: { token: makeToken(), clockOffsetMs: 0 } });
    await eventually(() => changes === 1);
    expect(changes).toBe(1);
    expect(area.values.size).toBe(0);
    here.close();
    there.close();
  });

  it('tells other tabs of activity by storage event and channel, apart from session changes', async () => {
    const name = `tokengate-test-${Math.random()}`;
    const here = new BroadcastChannel(name);
    const there = new BroadcastChannel(name);
    const storage = setUp(new FakeStorageArea(), here);
    const heard: number[] = [];
    let changes = 0;
    storage.activityChanges().subscribe((at) => heard.push(at));
    storage.changes().subscribe(() => changes++);

    window.dispatchEvent(new StorageEvent('storage', { key: LAST_ACTIVITY_KEY, newValue: '100' }));
    window.dispatchEvent(new StorageEvent('storage', { key: LAST_ACTIVITY_KEY, newValue: 'x' }));
    there.postMessage({ kind: 'activity', at: 200 });
    await eventually(() => heard.length === 2);
    expect(heard).toEqual([100, 200]);
    expect(changes).withContext('activity is not a session change').toBe(0);

    const received: unknown[] = [];
    there.onmessage = (event) => received.push(event.data);
    storage.writeActivity(300);
    await eventually(() => received.length === 1);
    expect(received).toEqual([{ kind: 'activity', at: 300 }]);
    here.close();
    there.close();
  });

  describe('default area', () => {
    afterEach(() => {
      localStorage.removeItem(ACCESS_TOKEN_KEY);
      sessionStorage.removeItem(ACCESS_TOKEN_KEY);
    });

    function areaFor(storage: 'local' | 'session' | 'memory', view: unknown = window) {
      TestBed.configureTestingModule({
        providers: [
          { provide: AUTH_OPTIONS, useValue: { ...DEFAULT_AUTH_OPTIONS, storage } },
          { provide: DOCUMENT, useValue: { defaultView: view } },
        ],
      });
      return TestBed.inject(AUTH_STORAGE_AREA);
    }

    it('is localStorage, sessionStorage or memory as configured', () => {
      expect(areaFor('local')).toBe(localStorage);
      TestBed.resetTestingModule();
      expect(areaFor('session')).toBe(sessionStorage);
      TestBed.resetTestingModule();
      const memory = areaFor('memory');
      memory.setItem(ACCESS_TOKEN_KEY, 'x');
      expect(memory.getItem(ACCESS_TOKEN_KEY)).toBe('x');
      expect(localStorage.getItem(ACCESS_TOKEN_KEY)).toBeNull();
      memory.removeItem(ACCESS_TOKEN_KEY);
      expect(memory.getItem(ACCESS_TOKEN_KEY)).toBeNull();
    });

    it('falls back to memory without a window (SSR) or when storage throws', () => {
      expect(areaFor('local', null)).not.toBe(localStorage);
      TestBed.resetTestingModule();
      const throwing = {
        get localStorage(): Storage {
          throw new DOMException('denied', 'SecurityError');
        },
      };
      const area = areaFor('local', throwing);
      area.setItem('k', 'v');
      expect(area.getItem('k')).toBe('v');
    });

    it('has a tab channel in browsers and none without BroadcastChannel', () => {
      TestBed.configureTestingModule({});
      const channel = TestBed.inject(AUTH_TAB_CHANNEL);
      expect(channel).toBeInstanceOf(BroadcastChannel);
      channel?.close();
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        providers: [{ provide: DOCUMENT, useValue: { defaultView: {} } }],
      });
      expect(TestBed.inject(AUTH_TAB_CHANNEL)).toBeNull();
    });
  });
});
