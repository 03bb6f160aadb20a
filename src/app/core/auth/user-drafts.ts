import { Injectable, inject } from '@angular/core';
import { AUTH_STORAGE_AREA } from './token-storage';

const DRAFTS_KEY_PREFIX = 'tokengate.drafts.';

/** One user's drafts, by a key the page chooses (e.g. 'notes.new', 'notes.42'). */
export interface Drafts {
  read(key: string): unknown;
  /** Keeps `value`; null removes the draft (saved, or nothing typed). */
  write(key: string, value: unknown): void;
}

/**
 * Half-typed work that must outlive a session ended without the user's say (inactivity, a refused
 * refresh), kept per user id so only the same user gets it back. It lives where the session does
 * (the configured storage area): an app that keeps its token out of localStorage keeps text there
 * out of it too. A deliberate sign-out drops the user's drafts (AuthService.signOut).
 */
@Injectable({ providedIn: 'root' })
export class UserDrafts {
  private readonly area = inject(AUTH_STORAGE_AREA);

  /** The drafts of the user with this id, bound to them: a later change of user cannot mix them. */
  forUser(userId: number): Drafts {
    return {
      read: (key) => this.all(userId)[key] ?? null,
      write: (key, value) => {
        const all = this.all(userId);
        if (value === null || value === undefined) {
          delete all[key];
        } else {
          all[key] = value;
        }
        this.store(userId, all);
      },
    };
  }

  /** Drops every draft of this user. */
  clear(userId: number): void {
    try {
      this.area.removeItem(DRAFTS_KEY_PREFIX + userId);
    } catch {
      // Storage that refuses us holds nothing we could remove.
    }
  }

  private all(userId: number): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(this.area.getItem(DRAFTS_KEY_PREFIX + userId) ?? '{}');
      return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {};
    } catch {
      // Unreadable drafts are lost drafts, not a broken page.
      return {};
    }
  }

  private store(userId: number, all: Record<string, unknown>): void {
    try {
      if (Object.keys(all).length === 0) {
        this.area.removeItem(DRAFTS_KEY_PREFIX + userId);
      } else {
        this.area.setItem(DRAFTS_KEY_PREFIX + userId, JSON.stringify(all));
      }
    } catch {
      // Quota exceeded or storage revoked: the text is still in the form, just not kept.
    }
  }
}
