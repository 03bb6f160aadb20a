import { DOCUMENT, Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, Subject, merge } from 'rxjs';
import type { SignOutReason } from './auth-models';
import { AUTH_OPTIONS } from './auth-options';
import { decodeAccessToken } from './jwt';

export const ACCESS_TOKEN_KEY = 'tokengate.accessToken';
export const SESSION_META_KEY = 'tokengate.session';
export const SIGNED_OUT_KEY = 'tokengate.signedOut';
export const LAST_ACTIVITY_KEY = 'tokengate.lastActivity';
const CHANNEL_NAME = 'tokengate-auth';

/** The part of the Web Storage API the token storage uses (a memory stand-in implements it too). */
export type StorageArea = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A stored session: the token plus what cannot be read back from it. */
export interface StoredSession {
  token: string;
  /** Server clock minus client clock when the token arrived (ms). */
  clockOffsetMs: number;
  /** Client time of the sign-in that started this session (kept across refreshes). */
  signedInAt: number | null;
}

/** Storage for `storage: 'memory'`; tests use it too, as a localStorage that tabs share. */
export class MemoryArea implements StorageArea {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}

/**
 * Resolved on first use, never at import time: there is no window during SSR, and reading
 * `window.localStorage` throws in some private modes and sandboxed iframes.
 */
export const AUTH_STORAGE_AREA = new InjectionToken<StorageArea>('AUTH_STORAGE_AREA', {
  providedIn: 'root',
  factory: () => {
    const kind = inject(AUTH_OPTIONS).storage;
    const view = inject(DOCUMENT).defaultView;
    if (kind === 'memory' || !view) {
      return new MemoryArea();
    }
    try {
      const area = kind === 'session' ? view.sessionStorage : view.localStorage;
      const probe = `${ACCESS_TOKEN_KEY}.probe`;
      area.setItem(probe, '1');
      area.removeItem(probe);
      return area;
    } catch {
      return new MemoryArea();
    }
  },
});

/** Tells other tabs of the same origin; null where BroadcastChannel does not exist. */
export const AUTH_TAB_CHANNEL = new InjectionToken<BroadcastChannel | null>('AUTH_TAB_CHANNEL', {
  providedIn: 'root',
  factory: () => {
    const view = inject(DOCUMENT).defaultView as (Window & typeof globalThis) | null;
    return view && typeof view.BroadcastChannel === 'function'
      ? new view.BroadcastChannel(CHANNEL_NAME)
      : null;
  },
});

type TabMessage =
  | { kind: 'session'; session: StoredSession }
  | { kind: 'cleared' }
  | { kind: 'activity'; at: number };

/**
 * Owns the stored access token. Every read validates it: a garbage, truncated, non-JWT or
 * `exp`-less value is removed and reads as "no session", without a word on the console.
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  private readonly area = inject(AUTH_STORAGE_AREA);
  private readonly channel = inject(AUTH_TAB_CHANNEL);
  private readonly view = inject(DOCUMENT).defaultView;
  private readonly shared = inject(AUTH_OPTIONS).storage === 'local';
  private readonly fromChannel = new Subject<void>();
  private readonly activityFromChannel = new Subject<number>();

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent<TabMessage>) =>
      this.receive(event.data),
    );
  }

  read(): StoredSession | null {
    const token = this.get(ACCESS_TOKEN_KEY);
    if (token === null) {
      return null;
    }
    if (decodeAccessToken(token) === null) {
      this.remove();
      return null;
    }
    const meta = this.readMeta();
    return { token, clockOffsetMs: meta.clockOffsetMs, signedInAt: meta.signedInAt };
  }

  write(session: StoredSession): void {
    // Meta first: a tab woken by the token's storage event must find the matching offset.
    this.set(
      SESSION_META_KEY,
      JSON.stringify({ clockOffsetMs: session.clockOffsetMs, signedInAt: session.signedInAt }),
    );
    this.set(ACCESS_TOKEN_KEY, session.token);
    this.del(SIGNED_OUT_KEY);
    this.post({ kind: 'session', session });
  }

  /**
   * Remembers that the user signed out, until a new session is written. The server may not have
   * heard the sign-out (offline): its refresh cookie would then still work, and a silent refresh
   * must not sign the user back in.
   */
  markSignedOut(reason?: SignOutReason): void {
    this.set(SIGNED_OUT_KEY, reason ?? '1');
  }

  /** Why the app (not the user) signed out, while the sign-out mark stands; else null. */
  signedOutReason(): SignOutReason | null {
    return this.get(SIGNED_OUT_KEY) === 'inactive' ? 'inactive' : null;
  }

  signedOut(): boolean {
    return this.get(SIGNED_OUT_KEY) !== null;
  }

  clear(): void {
    this.remove();
    this.post({ kind: 'cleared' });
  }

  /** Emits when another tab changed the stored session; read() tells what it is now. */
  changes(): Observable<void> {
    const fromStorageEvents = new Observable<void>((subscriber) => {
      if (!this.view) {
        return undefined;
      }
      const listener = (event: StorageEvent) => {
        // key null: the other tab called storage.clear().
        if (event.key === ACCESS_TOKEN_KEY || event.key === null) {
          subscriber.next();
        }
      };
      this.view.addEventListener('storage', listener);
      return () => this.view?.removeEventListener('storage', listener);
    });
    return merge(fromStorageEvents, this.fromChannel);
  }

  /**
   * Tells every tab the user was active at `at` (client clock): through the storage event of the
   * shared area, and the channel where the area is per tab. The inactivity timeout calls it,
   * throttled.
   */
  writeActivity(at: number): void {
    this.set(LAST_ACTIVITY_KEY, String(at));
    this.post({ kind: 'activity', at });
  }

  /** Emits the time of each activity another tab reported. */
  activityChanges(): Observable<number> {
    const fromStorageEvents = new Observable<number>((subscriber) => {
      if (!this.view) {
        return undefined;
      }
      const listener = (event: StorageEvent) => {
        const at = Number(event.newValue ?? NaN);
        if (event.key === LAST_ACTIVITY_KEY && Number.isFinite(at)) {
          subscriber.next(at);
        }
      };
      this.view.addEventListener('storage', listener);
      return () => this.view?.removeEventListener('storage', listener);
    });
    return merge(fromStorageEvents, this.activityFromChannel);
  }

  private receive(message: TabMessage): void {
    // Activity is not a session change: it goes to the inactivity timeout only.
    if (message.kind === 'activity') {
      if (Number.isFinite(message.at)) {
        this.activityFromChannel.next(message.at);
      }
      return;
    }
    // localStorage is shared, so the storage event already carries the change; other areas are
    // per tab and take the copy from the message.
    if (!this.shared) {
      if (message.kind === 'session' && decodeAccessToken(message.session.token) !== null) {
        this.set(
          SESSION_META_KEY,
          JSON.stringify({
            clockOffsetMs: message.session.clockOffsetMs,
            signedInAt: message.session.signedInAt,
          }),
        );
        this.set(ACCESS_TOKEN_KEY, message.session.token);
      } else if (message.kind === 'cleared') {
        this.remove();
      }
    }
    this.fromChannel.next();
  }

  private post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the app is being torn down) has nobody left to tell.
    }
  }

  private readMeta(): { clockOffsetMs: number; signedInAt: number | null } {
    try {
      const meta: unknown = JSON.parse(this.get(SESSION_META_KEY) ?? 'null');
      if (meta && typeof meta === 'object') {
        const { clockOffsetMs, signedInAt } = meta as Record<string, unknown>;
        return {
          clockOffsetMs: Number.isFinite(clockOffsetMs) ? (clockOffsetMs as number) : 0,
          signedInAt: Number.isFinite(signedInAt) ? (signedInAt as number) : null,
        };
      }
    } catch {
      // Unreadable meta only costs the skew correction and the sign-in time; the token stands.
    }
    return { clockOffsetMs: 0, signedInAt: null };
  }

  private remove(): void {
    this.del(ACCESS_TOKEN_KEY);
    this.del(SESSION_META_KEY);
  }

  private get(key: string): string | null {
    try {
      return this.area.getItem(key);
    } catch {
      return null;
    }
  }

  private set(key: string, value: string): void {
    try {
      this.area.setItem(key, value);
    } catch {
      // Quota exceeded or storage revoked: the session still lives in memory for this tab.
    }
  }

  private del(key: string): void {
    try {
      this.area.removeItem(key);
    } catch {
      // Same as set(): nothing more can be done about storage that refuses us.
    }
  }
}
